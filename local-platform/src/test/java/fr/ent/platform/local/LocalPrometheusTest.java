package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import fr.ent.platform.observability.rules.SlaRuleFiles;
import fr.ent.platform.observability.rules.SlaRuleGenerator;
import fr.ent.platform.testing.ports.FreePorts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local platform's Prometheus, the real binary: it loads the generated SLA rules (the same text as the
 * cluster's, not a copy) and scrapes the admin endpoint's metrics with the scrape token, kept out of its
 * configuration. Skipped where Prometheus is not installed (.ci/run installs it).
 */
class LocalPrometheusTest {

    @TempDir
    Path directory;

    @Test
    void itEvaluatesTheGeneratedSlaRulesAndScrapesTheAdminMetricsWithTheToken() throws Exception {
        assumeThat(LocalPrometheus.binary()).as("prometheus on the PATH").isPresent();
        int adminPort = FreePorts.next();
        try (LocalPrometheus prometheus = LocalPrometheus.start(LocalPrometheus.binary().orElseThrow(), directory,
                FreePorts.next(), Duration.ofSeconds(15), adminPort, "jeton-de-collecte")) {
            assertThat(Files.readString(directory.resolve(SlaRuleFiles.RULE_FILE)))
                    .isEqualTo(SlaRuleFiles.ruleFile(SlaRuleGenerator.defaults()));
            HttpClient http = HttpClient.newHttpClient();
            String rules = http.send(HttpRequest.newBuilder(prometheus.url().resolve("/api/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(rules).contains("collectivity:ent_sli_error_ratio:rate5m", SlaRuleGenerator.ALERT_PAGE);
            // the scrape manager takes up its targets a moment after the server is ready
            String target = "http://127.0.0.1:" + adminPort + "/admin/metrics";
            String targets = "";
            for (long deadline = System.nanoTime() + 60_000_000_000L; !targets.contains(target)
                    && System.nanoTime() < deadline; Thread.sleep(500)) {
                targets = http.send(HttpRequest.newBuilder(prometheus.url().resolve("/api/v1/targets")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(targets).contains(target);
            assertThat(Files.readString(directory.resolve("prometheus.yml"))).doesNotContain("jeton-de-collecte")
                    .contains("credentials_file");
            assertThat(Files.readString(directory.resolve("metrics-token"))).isEqualTo("jeton-de-collecte");
        }
    }
}
