package fr.ent.platform.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The compliance report on the real server (tenant-manager's admin API): one report in three formats chosen by the
 * Accept header, fed by the inventory pushed to the API, 404 problem for an unknown collectivity.
 */
class ComplianceReportIT {

    private final Platform platform = Platform.get();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(platform.server().adminBase() + path))
                .header("Accept", accept).header("Authorization", platform.identity().operatorCredentials().authorization())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String inventory(String a, String b, String computeRegion, Instant at) {
        return Json.createObjectBuilder().add("collectedAt", at.toString())
                .add("nodes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "noeud-1").add("region", computeRegion)
                                .add("provider", "ovhcloud")))
                .add("collectivities", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("slug", a).add("residency", "FR"))
                        .add(Json.createObjectBuilder().add("slug", b).add("residency", "EU")))
                .build().toString();
    }

    @Test
    void theReportFollowsThePushedInventoryInEveryFormat() throws Exception {
        String a = slug("rapport-a");
        String b = slug("rapport-b");
        platform.provisionActive(a, a + ".localhost");
        platform.provisionActive(b, b + ".localhost");
        Instant now = Instant.now();
        HttpResponse<String> put = platform.admin("PUT", "/compliance/inventory", inventory(a, b, "fr-par", now));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        HttpResponse<byte[]> json = get("/collectivities/" + a + "/compliance-report", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonObject report = Json.createReader(new java.io.ByteArrayInputStream(json.body())).readObject();
        assertThat(report.getString("residency")).isEqualTo("FR");
        assertThat(status(report, "SNC-REGION-COMPUTE")).isEqualTo("conforme");

        // the next inventory has the node outside France: the same rule flips
        platform.admin("PUT", "/compliance/inventory", inventory(a, b, "de-fra", now.plusSeconds(60)));
        HttpResponse<byte[]> html = get("/collectivities/" + a + "/compliance-report", "text/html");
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = new String(html.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("lang=\"fr\"", "<caption>", "SNC-REGION-COMPUTE", "non conforme", "noeud-1",
                "région de-fra", "Collectivité " + a, "France (FR)").doesNotContain(b);

        HttpResponse<byte[]> pdf = get("/collectivities/" + a + "/compliance-report", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("-\\R", "-").replaceAll("\\R", " ");
            assertThat(text).contains("Rapport de conformité", "SNC-REGION-COMPUTE", "non conforme", "noeud-1")
                    .doesNotContain(b);
        }
    }

    @Test
    void anUnknownCollectivityIsA404Problem() throws Exception {
        HttpResponse<byte[]> response = get("/collectivities/" + slug("inconnue") + "/compliance-report",
                "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("urn:ent:problem:collectivity-not-found");
    }

    private static String status(JsonObject report, String rule) {
        return report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("rule").equals(rule)).findFirst().orElseThrow().getString("status");
    }

    static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
