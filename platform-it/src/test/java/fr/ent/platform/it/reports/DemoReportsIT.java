package fr.ent.platform.it.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.local.DemoCompliance;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.prometheus.PrometheusServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The reports of a demo collectivity on the local platform's defaults, as {@code ./run-platform.sh} gives them: the
 * platform's own Prometheus (Debian binary) scrapes the server and evaluates the generated SLA rules, so the SLA
 * report answers 200 with figures; the demo sovereignty policy and the inventory of this machine let the
 * compliance report evaluate real rules, and judge honestly what this machine is (plain HTTP: not met).
 */
@Isolated
class DemoReportsIT {

    static Platform platform;
    static DemoData.Demo demo;

    @BeforeAll
    static void theDemoCollectivitiesAsTheLauncherSeedsThem() throws Exception {
        platform = Platform.get();
        platform.demos();
        demo = DemoData.DEMOS.getFirst();
    }

    @Test
    void theSlaReportOfADemoCollectivityHasFiguresFromThePlatformsPrometheus() throws Exception {
        PrometheusServer prometheus = platform.prometheus();
        // some traffic on the portal, as a visitor would
        for (int i = 0; i < 5; i++) {
            assertThat(platform.send(demo.domain(), "GET", "/", null, null, null).statusCode()).isEqualTo(200);
        }
        // Prometheus scraped the runtime's requests and the probe of the demo, and evaluated the generated rules
        String own = "{collectivity=\"" + demo.slug() + "\"}";
        await(Duration.ofSeconds(120), "the demo's portal requests scraped", () -> !prometheus
                .query("ent_http_server_requests_seconds_count{collectivity=\"" + demo.slug() + "\",app=\"portal\"}")
                .isEmpty());
        await(Duration.ofSeconds(120), "the SLA recording rule evaluated for the demo",
                () -> !prometheus.query("collectivity:ent_sli_error_ratio:rate5m" + own).isEmpty());
        await(Duration.ofSeconds(120), "both probes of the demo scraped",
                () -> prometheus.query("ent_probe_success" + own).size() >= 2);

        // The report reads whole 5-minute steps of the month: its figures hold the demo once a step with its
        // samples is over (at most 5 minutes; none when the demo collectivities were seeded earlier in the run).
        JsonObject[] read = new JsonObject[1];
        await(Duration.ofMinutes(7), "the demo's SLA report with its probes and a measured step", () -> {
            HttpResponse<String> response = platform.admin("GET",
                    "/collectivities/" + demo.slug() + "/sla-report", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            read[0] = Platform.json(response);
            return !read[0].getJsonArray("probes").isEmpty()
                    && read[0].getJsonObject("figures").getJsonNumber("measuredMinutes").doubleValue() > 0;
        });
        JsonObject report = read[0];
        System.out.println("SLA report of the demo " + demo.slug() + ": " + report);
        assertThat(report.getString("slug")).isEqualTo(demo.slug());
        JsonObject figures = report.getJsonObject("figures");
        assertThat(figures.getJsonNumber("budgetMinutes").doubleValue()).isPositive();
        assertThat(figures.getJsonNumber("availabilityPercent").doubleValue()).isBetween(0.0, 100.0);
        assertThat(report.getJsonArray("probes")).extracting(p -> p.asJsonObject().getString("probe"))
                .containsExactlyInAnyOrder("api", "portal");
        assertThat(report.getJsonArray("probes")).allSatisfy(p -> assertThat(
                p.asJsonObject().getJsonNumber("availabilityPercent").doubleValue()).isBetween(0.0, 100.0));
        assertThat(report.toString()).doesNotContain(DemoData.DEMOS.get(1).slug());
    }

    @Test
    void theComplianceReportOfADemoCollectivityEvaluatesRulesOnThisMachine() throws Exception {
        DemoCompliance.push(platform.client(), DemoCompliance.machineInventory(DemoData.DEMOS.stream()
                .map(d -> new DemoCompliance.Hosted(d.slug(), d.domain())).toList(), platform.server().httpPort(),
                platform.components(), Map.of(), Instant.now()));

        // JSON asked for: without Accept the report comes as a PDF
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                platform.server().adminBase() + "/collectivities/" + demo.slug() + "/compliance-report"))
                .header("Accept", "application/json")
                .header("Authorization", platform.identity().operatorCredentials().authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject report = Platform.json(response);
        System.out.println("Compliance report of the demo " + demo.slug() + ": " + report);
        long evaluated = report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> !l.getString("status").equals("non évaluable")).count();
        assertThat(evaluated).isPositive();
        // what it checked decides the verdict: this machine does not meet every blocking rule
        assertThat(report.getString("summary")).isEqualTo("non conforme");
        assertThat(line(report, "SNC-REGION-DATA").getString("evidence")).contains("PostgreSQL embarqué",
                "Keycloak", "Prometheus");
        assertThat(report.getString("residency")).isEqualTo("FR");
        // honest about this machine: second factor required for administrators (the local Keycloak does), but the
        // public endpoint is plain HTTP and the machine's region is not declared
        assertThat(status(report, "SNC-ADMIN-MFA")).isEqualTo("conforme");
        assertThat(status(report, "SNC-TLS-INGRESS")).isEqualTo("non conforme");
        assertThat(status(report, "SNC-REGION-COMPUTE")).isEqualTo("non conforme");
        assertThat(report.toString()).doesNotContain(DemoData.DEMOS.get(1).domain());
    }

    private static String status(JsonObject report, String rule) {
        return line(report, rule).getString("status");
    }

    private static JsonObject line(JsonObject report, String rule) {
        return report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("rule").equals(rule)).findFirst().orElseThrow();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Duration timeout, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
