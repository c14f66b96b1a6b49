package fr.ent.platform.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The server's metrics on the real platform: requests counted under their own collectivity (never under another
 * one, never under the raw Host), unknown hosts and suspended collectivities counted, the registry, pool, JVM and
 * probe meters, exposition only on the admin endpoint, and a scrape that promtool accepts.
 */
@Isolated
class MetricsIT {

    private static final String REQUESTS = "ent_http_server_requests_seconds_count";

    private final Platform platform = Platform.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Scrape scrape() {
        HttpResponse<String> response = adminMetrics();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return Scrape.parse(response.body());
    }

    private HttpResponse<String> adminMetrics() {
        try {
            URI uri = URI.create("http://127.0.0.1:" + platform.server().adminPort() + "/admin/metrics");
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double withoutProbes(Scrape scrape, String collectivity) {
        return scrape.sum(REQUESTS, "collectivity", collectivity)
                - scrape.sum(REQUESTS, "collectivity", collectivity, "app", "portal")
                - scrape.sum(REQUESTS, "collectivity", collectivity, "app", "probe");
    }

    private static String[] directoryOk(String collectivity) {
        return new String[] {"collectivity", collectivity, "app", "directory", "status", "200", "outcome", "SUCCESS"};
    }

    @Test
    void requestsAreCountedUnderTheirOwnCollectivityAndUnknownHostsUnderUnknown() {
        String a = slug("met-a");
        String b = slug("met-b");
        platform.provisionActive(a, domainOf(a));
        platform.provisionActive(b, domainOf(b));
        String stranger = slug("intrus") + ".example.org";
        Scrape before = scrape();

        for (int i = 0; i < 3; i++) {
            assertThat(platform.get(domainOf(a), "/api/directory/structures").statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(platform.get(domainOf(b), "/api/directory/structures").statusCode()).isEqualTo(200);
        }
        assertThat(platform.get(domainOf(a), "/").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(platform.get(stranger, i % 2 == 0 ? "/" : "/api/directory/structures").statusCode())
                    .isEqualTo(404);
        }
        Scrape after = scrape();

        assertThat(after.sum(REQUESTS, directoryOk(a)) - before.sum(REQUESTS, directoryOk(a))).isEqualTo(3);
        assertThat(after.sum(REQUESTS, directoryOk(b)) - before.sum(REQUESTS, directoryOk(b))).isEqualTo(2);
        assertThat(after.sum(REQUESTS, "collectivity", a, "app", "portal", "status", "200"))
                .isGreaterThan(before.sum(REQUESTS, "collectivity", a, "app", "portal", "status", "200"));
        // A's requests never land under B, nor B's under A: each collectivity's total grew by its own requests only.
        // The synthetic probe may fetch any collectivity's portal page and call its probe endpoint meanwhile (every
        // 15 s): those land under the probed collectivity's apps "portal" and "probe", so B is compared without them.
        assertThat(withoutProbes(after, b) - withoutProbes(before, b)).isEqualTo(2);
        assertThat(after.sum(REQUESTS, "collectivity", "_unknown", "status", "404", "outcome", "CLIENT_ERROR")
                - before.sum(REQUESTS, "collectivity", "_unknown", "status", "404", "outcome", "CLIENT_ERROR"))
                .isEqualTo(4);
        assertThat(after.sum(REQUESTS, "collectivity", "_unknown", "app", "directory")
                - before.sum(REQUESTS, "collectivity", "_unknown", "app", "directory")).isEqualTo(2);
        // No Host header value ever becomes a label: neither the stranger's nor a collectivity's domain.
        assertThat(after.text()).doesNotContain(stranger, "intrus", a + ".localhost", b + ".localhost");
        assertThat(after.find("ent_http_server_requests_seconds_bucket"))
                .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("collectivity", "app", "outcome", "status", "le"))
                .extracting(s -> s.labels().get("collectivity"))
                .allSatisfy(c -> assertThat(c).matches("_unknown|[a-z0-9-]+"));
        // The plans' latency thresholds are bucket bounds.
        assertThat(after.find("ent_http_server_requests_seconds_bucket", directoryOk(a)))
                .extracting(s -> s.labels().get("le"))
                .contains("0.1", "0.25", "0.5", "1.0", "2.0", "5.0", "+Inf");
        assertThat(after.find("ent_http_server_requests_seconds_bucket",
                "collectivity", a, "app", "directory", "status", "200", "le", "+Inf"))
                .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(after.sum(REQUESTS, directoryOk(a))));
    }

    @Test
    void aSuspendedCollectivityIs503UnderItsOwnName() throws InterruptedException {
        String c = slug("met-s");
        platform.provisionActive(c, domainOf(c));
        assertThat(platform.admin("POST", "/collectivities/" + c + "/suspend", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = platform.get(domainOf(c), "/api/directory/structures");
        for (int i = 0; i < 50 && refused.statusCode() != 503; i++) {
            Thread.sleep(100); // the registry cache sees the suspension within a second
            refused = platform.get(domainOf(c), "/api/directory/structures");
        }
        assertThat(refused.statusCode()).isEqualTo(503);

        Scrape scrape = scrape();
        assertThat(scrape.sum(REQUESTS, "collectivity", c, "app", "directory", "status", "503", "outcome",
                "SERVER_ERROR")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.find("ent_collectivity_info", "collectivity", c, "plan", "standard")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(1));
        assertThat(scrape.sum("ent_collectivities", "state", "SUSPENDED")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void metricsAreNeverServedOnACollectivityDomain() {
        String a = slug("met-p");
        platform.provisionActive(a, domainOf(a));
        for (String path : List.of("/metrics", "/admin/metrics", "/admin/metrics/")) {
            HttpResponse<String> response = platform.get(domainOf(a), path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("ent_http_server_requests", "jvm_memory");
        }
        HttpResponse<String> unknownHost = platform.get("127.0.0.1", "/admin/metrics");
        assertThat(unknownHost.statusCode()).isEqualTo(404);
        assertThat(unknownHost.body()).doesNotContain("ent_http_server_requests");
    }

    @Test
    void serverMetersCoverTheRegistryProvisioningPoolAndJvm() {
        String a = slug("met-r");
        platform.provisionActive(a, domainOf(a));
        assertThat(platform.get(domainOf(a), "/api/directory/structures").statusCode()).isEqualTo(200);
        Scrape scrape = scrape();

        assertThat(scrape.find("ent_collectivity_info", "collectivity", a, "plan", "standard")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(1));
        assertThat(scrape.sum("ent_collectivities", "state", "ACTIVE")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.find("ent_collectivities")).extracting(s -> s.labels().get("state"))
                .contains("REQUESTED", "PROVISIONING", "ACTIVE", "SUSPENDED", "ARCHIVED", "DELETED", "FAILED");
        for (String step : List.of("SCHEMA", "MIGRATIONS", "SEED")) {
            assertThat(scrape.sum("ent_provisioning_step_seconds_count", "step", step, "outcome", "success"))
                    .as(step).isGreaterThanOrEqualTo(1);
        }
        double managed = scrape.sum("ent_db_pool_connections", "state", "managed");
        assertThat(managed).isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("ent_db_pool_connections", "state", "in_use")
                + scrape.sum("ent_db_pool_connections", "state", "free")).isEqualTo(managed);
        assertThat(scrape.find("ent_db_pool_wait_seconds_count")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("pool", "jdbc/ent")); // no lanes by default
        assertThat(scrape.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(scrape.find("jvm_gc_pause_seconds_count")).isNotEmpty();
        assertThat(scrape.sum("jvm_threads_live_threads")).isPositive();
        assertThat(scrape.sum("jvm_classes_loaded_classes")).isPositive();
        assertThat(scrape.sum("system_cpu_processors")).isPositive();
        assertThat(scrape.sum("process_uptime_seconds")).isPositive();
    }

    @Test
    void theProbeChecksEachActivePortalAndForgetsSuspendedOnes() throws InterruptedException {
        String a = slug("met-q");
        long started = System.nanoTime();
        platform.provisionActive(a, domainOf(a));
        // A round that succeeds: on a loaded machine an earlier one may have timed out (0), which is the probe
        // doing its job, not what this test is about.
        Scrape scrape = awaitScrape(s -> s.find("ent_probe_success", "collectivity", a, "probe", "portal").stream()
                .anyMatch(x -> x.value() == 1));
        assertThat(scrape.find("ent_probe_success", "collectivity", a, "probe", "portal")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(1));
        // The duration is a measurement in seconds of a probe that ran since the collectivity was created: positive,
        // and no longer than that (a value in milliseconds would be). How fast it is depends on the machine.
        double since = (System.nanoTime() - started) / 1e9;
        assertThat(scrape.find("ent_probe_duration_seconds", "collectivity", a, "probe", "portal")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive().isLessThan(since));

        assertThat(platform.admin("POST", "/collectivities/" + a + "/suspend", null).statusCode()).isEqualTo(200);
        awaitScrape(s -> s.find("ent_probe_success", "collectivity", a).isEmpty());
    }

    @Test
    void promtoolAcceptsTheScrape() throws IOException, InterruptedException {
        String a = slug("met-t");
        platform.provisionActive(a, domainOf(a));
        platform.get(domainOf(a), "/");
        Path file = Files.createTempFile("ent-metrics-", ".prom");
        try {
            Files.writeString(file, adminMetrics().body(), StandardCharsets.UTF_8);
            Process promtool;
            try {
                promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("promtool is needed (Debian package prometheus: apt-get install -y prometheus)", e);
            }
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Scrape awaitScrape(java.util.function.Predicate<Scrape> condition) throws InterruptedException {
        return Scrape.await(this::scrape, condition);
    }

    private static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static String domainOf(String slug) {
        return slug + ".localhost";
    }
}
