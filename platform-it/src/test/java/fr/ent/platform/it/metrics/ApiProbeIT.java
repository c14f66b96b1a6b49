package fr.ent.platform.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The authenticated synthetic probe on the real platform: tenant-manager's {@code api} probe gets a token of each
 * collectivity's {@code ent-probe} client and calls {@code /api/probe} on its Host; the metric says so with
 * {@code probe="api"}. The probe's token is the collectivity's own: refused (401) on another collectivity's Host,
 * and refused (403) everywhere users' data is, including "any signed-in user" endpoints.
 */
@Isolated
class ApiProbeIT {

    private final Platform platform = Platform.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theApiProbeSucceedsForEachActiveCollectivity() throws Exception {
        String a = slug("prb-a");
        long started = System.nanoTime();
        platform.provisionActive(a, domainOf(a));
        // A round where both probes succeed: on a loaded machine an earlier one may have timed out (0), which is the
        // probe doing its job, not what this test is about.
        Scrape scrape = awaitScrape(s -> succeeded(s, a, "api") && succeeded(s, a, "portal"));
        // The duration is a measurement in seconds of a probe that ran since the collectivity was created: positive,
        // and no longer than that (a value in milliseconds would be). How fast it is depends on the machine.
        double since = (System.nanoTime() - started) / 1e9;
        assertThat(scrape.find("ent_probe_duration_seconds", "collectivity", a, "probe", "api")).singleElement()
                .satisfies(x -> assertThat(x.value()).isPositive().isLessThan(since));
        // Its calls are counted as requests of the collectivity, under their own app, as 200.
        assertThat(scrape.sum("ent_http_server_requests_seconds_count", "collectivity", a, "app", "probe",
                "status", "200")).isPositive();
        assertThat(scrape.find("ent_probe_success")).extracting(x -> x.labels().get("probe"))
                .allSatisfy(p -> assertThat(p).isIn("portal", "api"));
    }

    @Test
    void theProbeTokenOfAIsRefusedOnBAndOpensNoUsersDataOnA() throws Exception {
        String a = slug("prb-x");
        String b = slug("prb-y");
        platform.provisionActive(a, domainOf(a));
        platform.provisionActive(b, domainOf(b));
        String probeOfA = probeToken(a);

        var own = platform.send(domainOf(a), "GET", "/api/probe", null, null, probeOfA);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Platform.json(own).getString("collectivity")).isEqualTo(a);

        var elsewhere = platform.send(domainOf(b), "GET", "/api/probe", null, null, probeOfA);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(elsewhere.body()).doesNotContain(a);

        // On its own Host, the probe is no user: "any signed-in user" endpoints and the directory are closed to it.
        for (String path : new String[] {"/api/me", "/api/directory/users", "/api/directory/users/" + UUID.randomUUID(),
                "/api/directory/structures/" + UUID.randomUUID() + "/classes"}) {
            assertThat(platform.send(domainOf(a), "GET", path, null, null, probeOfA).statusCode()).as(path)
                    .isEqualTo(403);
        }
        // Nor is it an administrator of the collectivity in tenant-manager's admin API.
        assertThat(platform.client().admin("GET", "/collectivities/" + a, null, probeOfA).statusCode()).isEqualTo(403);
        // And the probe endpoint is the probe's only: anonymous 401, the collectivity's administrator 403.
        assertThat(platform.send(domainOf(a), "GET", "/api/probe", null, null, null).statusCode()).isEqualTo(401);
        assertThat(platform.send(domainOf(a), "GET", "/api/probe", null, null,
                platform.administrator(a).authorization()).statusCode()).isEqualTo(403);
    }

    private static boolean succeeded(Scrape scrape, String slug, String probe) {
        return scrape.find("ent_probe_success", "collectivity", slug, "probe", probe).stream()
                .anyMatch(x -> x.value() == 1);
    }

    /** A's probe token, as the probe gets it: the secret tenant-manager set on A's {@code ent-probe} client. */
    private String probeToken(String slug) throws Exception {
        String realm = Realms.ofCollectivity(slug);
        String secret = platform.keycloak().clientSecret(realm, Realms.PROBE_CLIENT);
        String keycloak = platform.identity().baseUrl().toString();
        return new ClientCredentials(RealmEndpoints.of(keycloak, keycloak).token(realm), Realms.PROBE_CLIENT, secret)
                .authorization();
    }

    private Scrape awaitScrape(Predicate<Scrape> condition) throws InterruptedException {
        return Scrape.await(this::scrape, condition);
    }

    private Scrape scrape() {
        try {
            URI uri = URI.create("http://127.0.0.1:" + platform.server().adminPort() + "/admin/metrics");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return Scrape.parse(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static String domainOf(String slug) {
        return slug + ".localhost";
    }
}
