package fr.ent.platform.observability.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.dataformat.yaml.YAMLMapper;

/** The files committed under observability/rules are exactly what the generator writes. */
class GeneratedRuleFilesTest {

    private static final Path RULES = Path.of(System.getProperty("ent.observability.rules", "rules"));
    private static final String REGENERATE = "stale: regenerate with `mvn -q -pl observability compile exec:java "
            + "-Dexec.mainClass=fr.ent.platform.observability.rules.SlaRuleFiles -Dexec.args=observability/rules`";

    @Test
    void committedRuleFileIsTheGeneratorsOutput() throws Exception {
        assertThat(Files.readString(RULES.resolve(SlaRuleFiles.RULE_FILE)))
                .as(REGENERATE)
                .isEqualTo(SlaRuleFiles.ruleFile(SlaRuleGenerator.defaults()));
    }

    @Test
    void committedPrometheusRuleIsTheGeneratorsOutput() throws Exception {
        assertThat(Files.readString(RULES.resolve(SlaRuleFiles.PROMETHEUS_RULE_FILE)))
                .as(REGENERATE)
                .isEqualTo(SlaRuleFiles.prometheusRule(SlaRuleGenerator.defaults()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusRuleSpecIsTheRuleFile() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        Map<String, Object> ruleFile = yaml.readValue(Files.readString(RULES.resolve(SlaRuleFiles.RULE_FILE)), Map.class);
        Map<String, Object> object = yaml.readValue(
                Files.readString(RULES.resolve(SlaRuleFiles.PROMETHEUS_RULE_FILE)), Map.class);

        assertThat(object).containsEntry("apiVersion", "monitoring.coreos.com/v1").containsEntry("kind", "PrometheusRule");
        assertThat((Map<String, Object>) object.get("metadata")).containsEntry("name", "ent-sla");
        assertThat(object.get("spec")).isEqualTo(ruleFile);
        assertThat((List<Object>) ruleFile.get("groups")).hasSize(3);
    }
}
