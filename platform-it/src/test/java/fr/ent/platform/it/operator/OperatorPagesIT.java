package fr.ent.platform.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hosting operators' overview (ADR 0026) on the admin endpoint: every collectivity with its state, provisioning
 * steps, this month's availability (from the platform's Prometheus) and compliance verdict, for a platform-admin
 * token only (bearer, or the HttpOnly cookie its sign-in form sets); a collectivity administrator's token and no
 * token are refused, and a collectivity's domain does not serve it. In a real Chromium, the operator signs in with
 * the form and the page passes an axe scan.
 */
class OperatorPagesIT {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static Platform platform;
    static String a;
    static String b;
    static String page;

    @BeforeAll
    static void twoCollectivities() {
        platform = Platform.get();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
        a = platform.provisionActive("operateur-a-" + suffix, "commune", "Commune de Martigues " + suffix,
                "operateur-a-" + suffix + ".localhost");
        b = platform.provisionActive("operateur-b-" + suffix, "departement", "Département du Béarn " + suffix,
                "operateur-b-" + suffix + ".localhost");
        page = platform.server().adminBase() + "/operator";
    }

    @Test
    void withAPlatformAdminTokenEveryCollectivityIsListedAtAGlance() throws Exception {
        HttpResponse<String> response = get(page, operatorToken(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        String html = response.body();
        assertThat(html).contains("<html lang=\"fr\"", "Collectivités hébergées", "Commune de Martigues",
                "Département du Béarn", a, b, "active", "4 étape(s) terminée(s) sur 4", "royaume Keycloak : terminée");
        // the compliance verdict of each, with its counts, and a link to each report
        JsonObject compliance = json("/collectivities/" + a + "/compliance-report");
        assertThat(html).contains(compliance.getString("summary"), "sur " + compliance.getJsonArray("lines").size()
                + " règles", "/admin/api/v1/collectivities/" + a + "/compliance-report",
                "/admin/api/v1/collectivities/" + a + "/sla-report");
        // availability from the platform's Prometheus: figures once a step is measured, else said so, never a 503
        JsonObject sla = json("/collectivities/" + a + "/sla-report");
        assertThat(html).doesNotContain("prometheus-not-configured", "prometheus-unavailable");
        if (sla.getJsonObject("figures").isNull("availabilityPercent")) {
            assertThat(html).contains("aucune mesure ce mois-ci");
        } else {
            assertThat(html).contains("pour un objectif de");
        }
        // in English too
        HttpResponse<String> english = send(HttpRequest.newBuilder(URI.create(page)).header("Accept", "text/html")
                .header("Accept-Language", "en").header("Authorization", operatorToken()).build());
        assertThat(english.body()).contains("<html lang=\"en\"", "Hosted collectivities", a);
    }

    @Test
    void aCollectivitysAdministratorAndNoTokenAreRefused() throws Exception {
        String administrator = platform.administrator(a).authorization();
        // its bearer token, and the same token as the operators' cookie
        assertThat(get(page, administrator, null).statusCode()).isEqualTo(403);
        HttpResponse<String> asCookie = get(page, null, bare(administrator));
        assertThat(asCookie.statusCode()).isEqualTo(403);
        assertThat(asCookie.body()).doesNotContain(b);
        // nor does the sign-in form take it
        HttpResponse<String> form = postForm(page + "/session", administrator);
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("n'est pas celui d'un opérateur de la plateforme").doesNotContain(a, b);
        assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();

        // no token: the sign-in form, naming no collectivity; a forged cookie: the same
        HttpResponse<String> none = get(page, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("name=\"token\"", "Connexion requise").doesNotContain(a, b);
        assertThat(get(page, null, "pas-un-jeton").statusCode()).isEqualTo(401);
        // the cookie opens the read-only pages only: a change still wants the bearer header
        HttpResponse<String> change = send(HttpRequest.newBuilder(URI.create(platform.server().adminBase()
                + "/collectivities/" + b + "/suspend")).POST(HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "ent_operator_token=" + bare(operatorToken())).build());
        assertThat(change.statusCode()).isEqualTo(401);

        // a collectivity's domain does not serve the admin endpoint's pages
        HttpResponse<String> onPortal = platform.send(a + ".localhost", "GET",
                "/admin/api/v1/operator", null, null, platform.identity().operatorCredentials().authorization());
        assertThat(onPortal.statusCode()).isEqualTo(404);
        assertThat(onPortal.body()).doesNotContain(b);
    }

    @Test
    void anOperatorSignsInWithTheFormAndThePageHasNoSeriousViolation() {
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open(page);
            assertThat(browser.text()).contains("Connexion requise");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "operators' sign-in form");

            browser.driver().findElement(By.id("token")).sendKeys(bare(operatorToken()));
            browser.click(By.cssSelector("form button[type=submit]"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getTitle().startsWith("Collectivités hébergées"));
            assertThat(browser.currentUrl()).isEqualTo(page);
            assertThat(browser.text()).contains(a, b, "Disponibilité du mois", "Conformité");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "operators' overview");
            // the cookie is out of reach of scripts
            assertThat(browser.driver().manage().getCookieNamed("ent_operator_token").isHttpOnly()).isTrue();

            // the compliance report of a collectivity opens from its link with the same cookie
            browser.click(By.cssSelector("a[href$='/collectivities/" + a + "/compliance-report']"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getTitle().startsWith("Rapport de conformité"));

            // signing out drops the cookie: the page asks for a token again
            browser.open(page);
            browser.click(By.cssSelector("form[action$='/operator/session/end'] button"));
            browser.awaitText("Vous êtes déconnecté", Duration.ofSeconds(30));
            browser.open(page);
            assertThat(browser.text()).contains("Connexion requise").doesNotContain(a);
        }
    }

    private static String operatorToken() {
        return platform.identity().operatorCredentials().authorization();
    }

    /** A report as JSON (without Accept the compliance report comes as a PDF). */
    private static JsonObject json(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(platform.server().adminBase() + path))
                .header("Accept", "application/json").header("Authorization", operatorToken()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    private static String bare(String authorization) {
        return authorization.substring("Bearer ".length());
    }

    private static HttpResponse<String> get(String url, String authorization, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", "ent_operator_token=" + cookie);
        }
        return send(request.build());
    }

    private static HttpResponse<String> postForm(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token,
                        StandardCharsets.UTF_8))).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
