package fr.ent.platform.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The portal home page shows the collectivity of the Host header, and only its schools. */
class PortalHomeIT {

    private final Platform platform = Platform.get();

    @Test
    void homePageNamesTheCollectivityAndListsOnlyItsSchools() {
        String a = TenantLifecycleIT.slug("home-a");
        String b = TenantLifecycleIT.slug("home-b");
        platform.provisionActive(a, a + ".localhost");
        platform.provisionActive(b, b + ".localhost");
        assertThat(platform.postJson(a + ".localhost", "/api/directory/structures",
                "{\"uai\":\"0693331W\",\"name\":\"École <Jean> Macé\",\"type\":\"ECOLE\"}").statusCode()).isEqualTo(201);
        assertThat(platform.postJson(b + ".localhost", "/api/directory/structures",
                "{\"uai\":\"0310036W\",\"name\":\"Lycée Fermat\",\"type\":\"LYCEE\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> home = platform.get(a + ".localhost", "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(home.body()).contains("<html lang=\"fr\">", "Collectivité " + a, "École &lt;Jean&gt; Macé",
                "name=\"viewport\"").doesNotContain("Lycée Fermat", "<Jean>");

        HttpResponse<String> english = platform.send(a + ".localhost", "GET", "/", null, null);
        assertThat(english.body()).contains("Établissements");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.server().runtimeBase() + "/"))
                .header("Host", a + ".localhost").header("Accept-Language", "en-GB,en;q=0.8").build();
        try {
            HttpResponse<String> en = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(en.body()).contains("<html lang=\"en\">", "Schools (1)", "Digital workspace");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
