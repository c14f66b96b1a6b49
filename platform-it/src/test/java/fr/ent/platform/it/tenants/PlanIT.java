package fr.ent.platform.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.tenancy.TenantState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The SLA plan of a collectivity on the real platform: chosen at creation, shown by the admin API and in the
 * metrics ({@code ent_collectivity_info{plan}}), changed by a hosting operator only (never by the collectivity's
 * own SUPER_ADMIN, nor by another collectivity's), an unknown plan refused with a problem document.
 */
class PlanIT {

    private final Platform platform = Platform.get();

    @Test
    void thePlanIsChosenAtCreationAndShownInTheApiAndTheMetrics() throws Exception {
        String a = slug("plan-a");
        var created = platform.admin("POST", "/collectivities", body(a, "\"plan\":\"premium\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(Platform.json(created).getString("plan")).isEqualTo("premium");
        platform.client().awaitState(a, TenantState.ACTIVE, Duration.ofMinutes(2));
        String b = slug("plan-b");
        platform.provisionActive(b, b + ".localhost");

        assertThat(Platform.json(platform.admin("GET", "/collectivities/" + a, null)).getString("plan"))
                .isEqualTo("premium");
        assertThat(Platform.json(platform.admin("GET", "/collectivities/" + b, null)).getString("plan"))
                .isEqualTo("standard");
        String metrics = adminMetrics();
        assertThat(metrics).contains("ent_collectivity_info{collectivity=\"" + a + "\",plan=\"premium\"} 1")
                .contains("ent_collectivity_info{collectivity=\"" + b + "\",plan=\"standard\"} 1");
    }

    @Test
    void anUnknownPlanIsABadRequestProblem() {
        String a = slug("plan-x");
        var refused = platform.admin("POST", "/collectivities", body(a, "\"plan\":\"gold\""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("gold").contains("standard").contains("essentiel").contains("premium");
        assertThat(platform.admin("GET", "/collectivities/" + a, null).statusCode()).isEqualTo(404);

        String b = slug("plan-y");
        platform.provisionActive(b, b + ".localhost");
        assertThat(platform.admin("PATCH", "/collectivities/" + b, "{\"plan\":\"PREMIUM\"}").statusCode())
                .isEqualTo(400);
        assertThat(platform.admin("PATCH", "/collectivities/" + b, "{\"plan\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(Platform.json(platform.admin("GET", "/collectivities/" + b, null)).getString("plan"))
                .isEqualTo("standard");
    }

    @Test
    void onlyAHostingOperatorChangesThePlanNeverTheCollectivitysAdministrator() throws Exception {
        String a = slug("plan-o");
        String b = slug("plan-p");
        platform.provisionActive(a, a + ".localhost");
        platform.provisionActive(b, b + ".localhost");
        String superAdminOfA = platform.administrator(a).authorization();
        String superAdminOfB = platform.administrator(b).authorization();

        var own = platform.client().admin("PATCH", "/collectivities/" + a, "{\"plan\":\"premium\"}", superAdminOfA);
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(platform.client().admin("PATCH", "/collectivities/" + a,
                "{\"displayName\":\"A renommée\",\"plan\":\"premium\"}", superAdminOfA).statusCode()).isEqualTo(403);
        assertThat(platform.client().admin("PATCH", "/collectivities/" + a, "{\"plan\":\"premium\"}", superAdminOfB)
                .statusCode()).isEqualTo(403);
        var unchanged = Platform.json(platform.admin("GET", "/collectivities/" + a, null));
        assertThat(unchanged.getString("plan")).isEqualTo("standard");
        assertThat(unchanged.getString("displayName")).isNotEqualTo("A renommée");

        var changed = platform.admin("PATCH", "/collectivities/" + a, "{\"plan\":\"essentiel\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Platform.json(changed).getString("plan")).isEqualTo("essentiel");
        assertThat(Platform.json(platform.admin("GET", "/collectivities/" + b, null)).getString("plan"))
                .isEqualTo("standard");
        assertThat(adminMetrics()).contains("ent_collectivity_info{collectivity=\"" + a + "\",plan=\"essentiel\"} 1");
        // The collectivity's administrator still reads its plan.
        var read = platform.client().admin("GET", "/collectivities/" + a, null, superAdminOfA);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Platform.json(read).getString("plan")).isEqualTo("essentiel");
    }

    private static String body(String slug, String extra) {
        return "{\"slug\":\"" + slug + "\",\"kind\":\"commune\",\"displayName\":\"Commune " + slug
                + "\",\"domains\":[\"" + slug + ".localhost\"]," + extra + "}";
    }

    private String adminMetrics() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + platform.server().adminPort() + "/admin/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }

    private static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
