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
    }
}
