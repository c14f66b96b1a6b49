package fr.ent.platform.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the servlet container answers itself on the public port — a path nothing serves, the admin API's path,
 * a method a servlet does not implement — is our problem document or French page, never Liberty's default page
 * (its SRVE… codes and wording name server internals). Unknown hosts: {@link TenantLifecycleIT}.
 */
class ContainerErrorsIT {

    private static final Platform PLATFORM = Platform.get();
    /** The JDK's default client: it asks for an HTTP/2 upgrade (h2c), on which Liberty used to hang error pages. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String slug;
    private static String domain;

    @BeforeAll
    static void collectivity() {
        slug = TenantLifecycleIT.slug("errors");
        domain = slug + ".localhost";
        PLATFORM.provisionActive(slug, domain);
    }

    @Test
    void unknownPathOnACollectivityDomainGetsA404Problem() throws Exception {
        HttpResponse<String> api = send("GET", domain, "/nothing/here", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Platform.json(api).getString("type")).isEqualTo("urn:ent:problem:no-such-resource");
        assertThat(Platform.json(api).getString("title")).isEqualTo("Ressource introuvable");
        assertThat(api.body()).doesNotContain("SRVE");
    }

    @Test
    void browserGetsAFrenchPageForAnUnknownPath() throws Exception {
        HttpResponse<String> page = send("GET", domain, "/nothing/here", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"fr\">", "<h1>Ressource introuvable</h1>")
                .doesNotContain("SRVE", "Error 404");
    }

    @Test
    void adminApiPathOnThePublicPortIsOurs404() throws Exception {
        // tenant-manager's context root (/admin) is bound to the admin endpoint only: on the public port the path
        // belongs to the runtime, which serves nothing there
        for (String host : new String[] {domain, "127.0.0.1"}) {
            HttpResponse<String> api = send("GET", host, "/admin/api/v1/collectivities", "application/json");
            assertThat(api.statusCode()).as(host).isEqualTo(404);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).as(host)
                    .startsWith("application/problem+json");
            assertThat(api.body()).as(host).contains("\"type\":\"urn:ent:problem:").doesNotContain("SRVE");
        }
        HttpResponse<String> page = send("GET", domain, "/admin/", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"fr\">").doesNotContain("SRVE");
    }

    @Test
    void hostNamingTheAdminPortOnThePublicPortGetsNoServerPage() throws Exception {
        // such a Host selects the admin virtual host, which refuses the public endpoint before any application
        // runs: Liberty answers with the message server.xml gives it (httpDispatcher), not its own page
        HttpResponse<String> answer = send("GET", domain + ":" + PLATFORM.server().adminPort(),
                "/admin/api/v1/collectivities", "application/json");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("Ressource introuvable")
                .doesNotContain("SRVE", "Liberty", "Context Root", "CONTEXT_ROOT");
    }

    @Test
    void unsupportedMethodOnAServletGetsA405Problem() throws Exception {
        // the back-channel logout servlet implements POST only; the container answers the rest
        HttpResponse<String> api = send("GET", domain, "/auth/backchannel-logout", "application/json");
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Platform.json(api).getString("type")).isEqualTo("urn:ent:problem:method-not-allowed");
        assertThat(api.body()).doesNotContain("SRVE");
    }

    @Test
    void theErrorPageAddressItselfServesNothing() throws Exception {
        HttpResponse<String> api = send("GET", domain, "/_error", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(Platform.json(api).getString("type")).isEqualTo("urn:ent:problem:no-such-resource");
    }

    @Test
    void unknownPathIsCountedAsTheCollectivitys404NotAsAServerError() throws Exception {
        assertThat(send("GET", domain, "/counted/nowhere", "application/json").statusCode()).isEqualTo(404);
        URI metrics = URI.create("http://127.0.0.1:" + PLATFORM.server().adminPort() + "/admin/metrics");
        HttpRequest scrape = HttpRequest.newBuilder(metrics).timeout(java.time.Duration.ofSeconds(60)).build();
        List<String> series = HTTP.send(scrape, HttpResponse.BodyHandlers.ofString())
                .body().lines().filter(l -> l.startsWith("ent_http_server_requests_seconds_count{"))
                .filter(l -> l.contains("collectivity=\"" + slug + "\"")).toList();
        assertThat(series).anySatisfy(l -> assertThat(l).contains("status=\"404\""));
        assertThat(series).noneSatisfy(l -> assertThat(l).contains("status=\"5"));
    }

    private static HttpResponse<String> send(String method, String host, String path, String accept)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PLATFORM.server().runtimeBase() + path))
                .header("Host", host).header("Accept", accept).timeout(java.time.Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
