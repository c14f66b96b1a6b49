package fr.ent.platform.observability.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated rules through the real promtool: {@code check rules} (syntax, PromQL, lint) and {@code test rules}
 * with synthetic series (src/test/promtool/*.test.yml: each alert fires when it should and stays quiet when it
 * should not).
 */
class PromtoolRulesTest {

    @TempDir
    Path work;

    @Test
    void generatedRuleFilePassesPromtoolCheck() throws Exception {
        Files.writeString(work.resolve(SlaRuleFiles.RULE_FILE), SlaRuleFiles.ruleFile(SlaRuleGenerator.defaults()));

        Promtool.Result result = Promtool.run(work, "check", "rules", SlaRuleFiles.RULE_FILE);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 50 rules found");
    }

    @Test
    void alertsFireWhenTheyShouldAndOnlyThen() throws Exception {
        Files.writeString(work.resolve(SlaRuleFiles.RULE_FILE), SlaRuleFiles.ruleFile(SlaRuleGenerator.defaults()));
        Path tests = Path.of(System.getProperty("ent.observability.promtool-tests", "src/test/promtool"));
        try (Stream<Path> files = Files.list(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".test.yml")).sorted().toList()) {
                Files.copy(file, work.resolve(file.getFileName()));
            }
        }

        Promtool.Result result = Promtool.run(work, "test", "rules", "sla-rules.test.yml", "sla-slow-burn.test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
    }

    @Test
    void aBrokenRuleIsRefusedByPromtool() throws Exception {
        // the check above would be worthless if promtool accepted anything: a typo in PromQL must fail it
        String broken = SlaRuleFiles.ruleFile(SlaRuleGenerator.defaults())
                .replaceFirst("sum by \\(collectivity\\) \\(", "sum by (collectivity (");
        Files.writeString(work.resolve("broken.yml"), broken);

        Promtool.Result result = Promtool.run(work, "check", "rules", "broken.yml");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("FAILED");
    }
}
