package fr.ent.platform.operator.sla;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.testing.prometheus.PrometheusServer;
import fr.ent.platform.observability.rules.SlaRuleFiles;
import fr.ent.platform.observability.rules.SlaRuleGenerator;
import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Collectivities;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLA chain on the real runtime: a real Prometheus (Debian binary) scrapes the Liberty server's
 * {@code /admin/metrics} (RealPlatform: PostgreSQL, Keycloak, both applications), evaluates the generated ent-sla
 * rules, and the operator's SLA watch reads them into each Collectivity (fabric8 mock API server in CRUD mode).
 *
 * <p>The requests are real and so are their errors: collectivity A gets portal pages (200), API calls with a
 * forged token (401, not counted by the SLI) and portal logins that come back with a code Keycloak never issued (the
 * runtime answers 502); collectivity B is suspended and answers 503 to everything. A's status must show A's error
 * ratio, nothing of B's.
 */
@EnableKubernetesMockClient(crud = true)
class RuntimeSlaPrometheusIT {

    private static final Duration SCRAPE = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String REQUESTS = "ent_http_server_requests_seconds_count";
    private static final int ROUNDS = 30;
    private static final int GOOD_PER_ROUND = 20;
    private static final int FORGED_PER_ROUND = 20;
    private static final int B_PER_ROUND = 30;
    /** A bearer token no realm issued: the API answers 401, a client error the SLI does not count. */
    private static final String FORGED = "Bearer jeton-forge";

    static KubernetesClient client;
    @TempDir
    static Path work;

    static RealPlatform platform;
    static PrometheusServer prometheus;
    static RunningOperator operator;
    static PlatformClient http;

    @BeforeAll
    static void start() throws Exception {
        platform = RealPlatform.get();
        prometheus = PrometheusServer.start(work, SCRAPE,
                // as a cluster's Prometheus: over TLS on the pod network (the CA of the admin endpoint's
                // certificate), with the scrape token (docs/operator.md)
                List.of(new PrometheusServer.Target("ent-runtime", platform.adminApiOverTls().getAuthority(),
                        "/admin/metrics", platform.adminTls().caCertificate(), platform.metricsToken())),
                Map.of(SlaRuleFiles.RULE_FILE, SlaRuleFiles.ruleFile(SlaRuleGenerator.defaults())));
        operator = RunningOperator.start(client, platform.adminApi(), new SlaSettings(prometheus.url(),
                Duration.ofSeconds(5), Duration.ofSeconds(2), SlaPlans.defaults(), true));
        http = new PlatformClient(platform.adminApi(), platform.runtimeBase(),
                platform.operatorCredentials()::authorization);
    }

    @AfterAll
    static void stop() throws Exception {
        if (operator != null) {
            operator.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void eachCollectivityStatusShowsItsOwnRequestsAsPrometheusScrapedThemFromTheRuntime() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000);
        String a = "slart-a-" + n;
        String b = "slart-b-" + n;
        String hostA = a + ".localhost";
        String hostB = b + ".localhost";
        client.resource(Collectivities.collectivity(a, a, hostA)).create();
        client.resource(Collectivities.collectivity(b, b, hostB)).create();
        awaitPhase(a, "Ready");
        awaitPhase(b, "Ready");
        client.resources(Collectivity.class).inNamespace(Collectivities.NAMESPACE).withName(b)
                .edit(c -> {
                    c.getSpec().setSuspended(true);
                    return c;
                });
        awaitPhase(b, "Suspended");
        Eventually.await(Duration.ofSeconds(30), "B answering 503", () -> get(hostB, "/").statusCode(),
                code -> code == 503);

        // One request of each kind first, then wait until Prometheus holds each series: the increase that creates
        // a series is invisible to rate() (the series starts at its first value), the ones after it count.
        assertThat(get(hostA, "/").statusCode()).isEqualTo(200);
        assertThat(forged(hostA).statusCode()).isEqualTo(401);
        assertThat(http.failedLogin(hostA).statusCode()).isEqualTo(502);
        awaitSeries(a, "portal", "200");
        awaitSeries(a, "auth", "302");
        awaitSeries(a, "auth", "502");
        awaitSeries(a, "directory", "401");
        awaitSeries(b, "portal", "503");
        double aErrorsBefore = prometheus.value(sum(a, "outcome=\"SERVER_ERROR\""));

        // good requests that took longer than the plan's 0.5 s here (so at most that long in the server): bad ones
        int slow = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < GOOD_PER_ROUND; i++) {
                long start = System.nanoTime();
                assertThat(get(hostA, "/").statusCode()).isEqualTo(200);
                slow += System.nanoTime() - start > 500_000_000L ? 1 : 0;
            }
            for (int i = 0; i < FORGED_PER_ROUND; i++) {
                assertThat(forged(hostA).statusCode()).isEqualTo(401);
            }
            long start = System.nanoTime();
            HttpResponse<String> failed = http.failedLogin(hostA); // a good 302, then a 502
            slow += System.nanoTime() - start > 500_000_000L ? 1 : 0;
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
            for (int i = 0; i < B_PER_ROUND; i++) {
                assertThat(get(hostB, "/").statusCode()).isEqualTo(503);
            }
        }

        // Prometheus has every request the runtime answered (A's raw 5xx count grew by exactly the 502s sent)...
        Eventually.await(Duration.ofSeconds(30), "A's 502s scraped", () -> value(sum(a, "outcome=\"SERVER_ERROR\"")),
                v -> v - aErrorsBefore == ROUNDS);
        // ...and the operator publishes figures read after the rules have run on that scrape
        Instant scraped = Instant.now().plus(SCRAPE.multipliedBy(2));
        Collectivity readA = awaitObservedAfter(a, scraped);
        Collectivity readB = awaitObservedAfter(b, scraped);
        SlaStatus slaA = readA.getStatus().getSla();
        SlaStatus slaB = readB.getStatus().getSla();
        Condition metA = Collectivities.condition(readA, ConditionType.SLAMet);
        System.out.println("SLA " + a + ": " + metA.getMessage() + " (" + slow + " slow good requests)");
        System.out.println("SLA " + b + ": " + Collectivities.condition(readB, ConditionType.SLAMet).getMessage());

        // A's valid events: 20 pages and 1 login redirect per round (good), 1 login callback per round (bad); the
        // 401s are not events. The probe adds good events (one per scrape of its sample, about one request every
        // 15 s): at most the number of scrapes since A was created, bounded here by the probe samples Prometheus
        // holds. Counting the 401s would bring the ratio under 2.5 %; any of B's 503s over 30 %.
        double probeSamples = value("sum(count_over_time(ent_probe_success{collectivity=\"" + a + "\"}[1h]))");
        double bad = ROUNDS;
        double good = ROUNDS * (GOOD_PER_ROUND + 1.0);
        // failed probe samples are bad events too: on a loaded machine a few probe rounds time out
        double failedProbeSamples = value("sum(count_over_time(ent_probe_success{collectivity=\"" + a + "\"}[1h]))"
                + " - sum(sum_over_time(ent_probe_success{collectivity=\"" + a + "\"}[1h]))");
        System.out.println("SLA " + a + ": " + probeSamples + " probe samples, " + failedProbeSamples + " failed");
        // 4.55 % without slow pages nor failed probes: only the requests sent
        double highest = (bad + slow + failedProbeSamples) / (good + bad);
        double lowest = bad / (good + bad + probeSamples * 2 + 20); // every probe sample and request added
        double achieved = Double.parseDouble(slaA.getAchieved30d());
        // (a page slower than the 0.5 s threshold on a loaded machine is bad too: the upper margin)
        assertThat(100 - achieved).as("A's error ratio in %% (%.2f .. %.2f expected)", 100 * lowest, 100 * highest)
                .isBetween(100 * lowest * 0.95, 100 * highest * 1.2);
        assertThat(slaA.getPlan()).isEqualTo("standard");
        assertThat(slaA.getTarget()).isEqualTo("99.8");
        // about 4 % errors against an allowed 0.2 %: the budget is overspent about 20 times over
        assertThat(Double.parseDouble(slaA.getBudgetRemainingMinutes())).isLessThan(-86.4 * 10);
        assertThat(Double.parseDouble(slaA.getBurnRate1h())).isBetween(100 * lowest * 0.95 / 0.2,
                100 * highest * 1.2 / 0.2);
        assertThat(metA.getStatus()).isEqualTo("False");
        assertThat(metA.getReason()).isEqualTo("ErrorBudgetExhausted");
        assertThat(metA.getMessage()).contains(slaA.getAchieved30d() + " %");

        // B: its 900 503s against a handful of good probes from before its suspension
        assertThat(Double.parseDouble(slaB.getAchieved30d())).isLessThan(10.0);
        assertThat(Collectivities.condition(readB, ConditionType.SLAMet).getReason())
                .isEqualTo("ErrorBudgetExhausted");
    }

    private static String sum(String slug, String matcher) {
        return "sum(" + REQUESTS + "{collectivity=\"" + slug + "\"," + matcher + "})";
    }

    private static void awaitSeries(String slug, String app, String status) {
        String series = REQUESTS + "{collectivity=\"" + slug + "\",app=\"" + app + "\",status=\"" + status + "\"}";
        Eventually.await(Duration.ofSeconds(30), series + " in Prometheus", () -> value(series), v -> !v.isNaN());
    }

    private static double value(String promql) {
        try {
            return prometheus.value(promql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String host, String path) {
        try {
            return http.runtime(host, "GET", path, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> forged(String host) {
        try {
            return http.runtime(host, "GET", "/api/directory/structures", null, null, FORGED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Collectivity awaitPhase(String name, String phase) {
        return Eventually.await(TIMEOUT, name + " in phase " + phase, () -> Collectivities.read(client, name),
                c -> phase.equals(Collectivities.phase(c)) && c.getStatus().getObservedGeneration() != null
                        && c.getStatus().getObservedGeneration().equals(c.getMetadata().getGeneration()));
    }

    private static Collectivity awaitObservedAfter(String name, Instant after) {
        return Eventually.await(TIMEOUT, "SLA figures of " + name + " observed after " + after,
                () -> Collectivities.read(client, name),
                c -> c.getStatus() != null && c.getStatus().getSla() != null
                        && c.getStatus().getSla().getObservedAt() != null
                        && c.getStatus().getSla().getAchieved30d() != null
                        && !Instant.parse(c.getStatus().getSla().getObservedAt()).isBefore(after));
    }
}
