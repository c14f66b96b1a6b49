package fr.ent.platform.it.branding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import java.awt.Color;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A collectivity's branding through the admin API: bad colours and logos are refused with problem documents, and
 * each collectivity's colours and logo show on its own domains only.
 */
class BrandingIT {

    private static final Platform PLATFORM = Platform.get();
    private static final String COLOURS = "/branding/colours.css?v=";
    private static String a;
    private static String b;

    @BeforeAll
    static void twoCollectivities() {
        a = "brand-a-" + letters();
        b = "brand-b-" + letters();
        PLATFORM.provisionActive(a, a + ".localhost");
        PLATFORM.provisionActive(b, b + ".localhost");
    }

    @Test
    void malformedOrUnreadableColoursAreRefusedWithAProblem() {
        assertProblem(colours(a, "#fff", "#000091"), 400, "branding-colour-invalid", "primaryColor");
        assertProblem(colours(a, "#000091", "navy"), 400, "branding-colour-invalid", "accentColor");
        assertProblem(colours(a, "#000091;}body{", null), 400, "branding-colour-invalid", "primaryColor");
        // yellow on white: 1.07:1
        assertProblem(colours(a, "#ffff00", null), 400, "branding-colour-contrast", "4,5:1");
        // the lightest grey that fails AA (4.48:1); #767676 (4.54:1) passes
        assertProblem(colours(a, "#000091", "#777777"), 400, "branding-colour-contrast", "accentColor");
        assertThat(colours(a, "#767676", "#767676").statusCode()).isEqualTo(200);
        assertProblem(PLATFORM.admin("PUT", "/collectivities/" + a + "/branding", "not json"), 400,
                "malformed-request", "");
        assertThat(PLATFORM.admin("GET", "/collectivities/no-such-" + letters() + "/branding", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void logosOtherThanSmallPngJpegOrWebpAreRefusedWithAProblem() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(logo(a, "image/svg+xml", svg), 415, "branding-logo-type", "image/svg+xml");
        // a JPEG sent as a PNG, an HTML page sent as a PNG
        assertProblem(logo(a, "image/png", TestLogos.jpeg(Color.RED)), 415, "branding-logo-type", "image/png");
        assertProblem(logo(a, "image/png", "<html>".getBytes(StandardCharsets.UTF_8)), 415, "branding-logo-type", "");
        byte[] large = Arrays.copyOf(TestLogos.png(Color.RED), 100 * 1024 + 1);
        assertProblem(logo(a, "image/png", large), 413, "branding-logo-too-large", "");
        assertThat(logo(a, "image/jpeg", TestLogos.jpeg(Color.BLUE)).statusCode()).isEqualTo(200);
    }

    @Test
    void eachCollectivitysBrandingShowsOnItsOwnDomainOnly() throws Exception {
        assertThat(colours(b, "#005f73", "#9b1b30").statusCode()).isEqualTo(200);
        String shaB = Platform.json(logo(b, "image/png", TestLogos.png(new Color(0x00, 0x5f, 0x73))))
                .getString("logoSha256");
        assertThat(colours(a, "#c8102e", "#1d3557").statusCode()).isEqualTo(200);
        String shaA = Platform.json(logo(a, "image/png", TestLogos.png(new Color(0xc8, 0x10, 0x2e))))
                .getString("logoSha256");
        assertThat(shaA).isNotEqualTo(shaB);

        // the colours and the logo are two changes of the registry: wait for the second (the logo), which comes last
        awaitHome(a, COLOURS + "c8102e1d3557");
        HttpResponse<String> homeA = awaitHome(a, "/branding/logo?v=" + shaA.substring(0, 16));
        awaitHome(b, COLOURS + "005f739b1b30");
        HttpResponse<String> homeB = awaitHome(b, "/branding/logo?v=" + shaB.substring(0, 16));
        assertThat(homeA.body()).contains("/branding/logo?v=" + shaA.substring(0, 16))
                .doesNotContain("005f73", "9b1b30", shaB.substring(0, 16));
        assertThat(homeB.body()).contains("/branding/logo?v=" + shaB.substring(0, 16))
                .doesNotContain("c8102e", "1d3557", shaA.substring(0, 16));

        // each domain's stylesheet has its own collectivity's colours, whatever version the URL asks for
        HttpResponse<String> cssA = PLATFORM.get(a + ".localhost", COLOURS + "005f739b1b30");
        assertThat(cssA.statusCode()).isEqualTo(200);
        assertThat(cssA.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(cssA.body()).contains("--brand:#c8102e", "--accent:#1d3557").doesNotContain("#005f73");
        assertThat(cssA.headers().firstValue("Cache-Control")).contains("no-cache");
        HttpResponse<String> cssB = PLATFORM.get(b + ".localhost", COLOURS + "005f739b1b30");
        assertThat(cssB.body()).contains("--brand:#005f73", "--accent:#9b1b30").doesNotContain("#c8102e");
        assertThat(cssB.headers().firstValue("Cache-Control")).contains("public, max-age=86400");

        // the same path on each domain serves that domain's collectivity's logo
        HttpResponse<String> logoA = PLATFORM.get(a + ".localhost", "/branding/logo");
        HttpResponse<String> logoB = PLATFORM.get(b + ".localhost", "/branding/logo");
        assertThat(logoA.statusCode()).isEqualTo(200);
        assertThat(logoA.headers().firstValue("ETag")).contains("\"" + shaA + "\"");
        assertThat(logoA.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(logoB.headers().firstValue("ETag")).contains("\"" + shaB + "\"");

        // removing A's logo removes it from A's pages, B keeps its own
        assertThat(PLATFORM.admin("DELETE", "/collectivities/" + a + "/branding/logo", null).statusCode())
                .isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (PLATFORM.get(a + ".localhost", "/").body().contains("/branding/logo") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(PLATFORM.get(a + ".localhost", "/").body()).doesNotContain("/branding/logo");
        assertThat(PLATFORM.get(a + ".localhost", "/branding/logo").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(b + ".localhost", "/branding/logo").statusCode()).isEqualTo(200);
    }

    /** The runtime's registry cache follows within a second or so. */
    private static HttpResponse<String> awaitHome(String slug, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> home;
        do {
            home = PLATFORM.get(slug + ".localhost", "/");
            if (home.body().contains(expected)) {
                return home;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(home.body()).as("home of " + slug).contains(expected);
        return home;
    }

    private static HttpResponse<String> colours(String slug, String primary, String accent) {
        return PLATFORM.admin("PUT", "/collectivities/" + slug + "/branding", "{\"primaryColor\":"
                + (primary == null ? "null" : "\"" + primary + "\"") + ",\"accentColor\":"
                + (accent == null ? "null" : "\"" + accent + "\"") + "}");
    }

    private static HttpResponse<String> logo(String slug, String type, byte[] image)
            throws IOException, InterruptedException {
        return PLATFORM.client().adminBytes("PUT", "/collectivities/" + slug + "/branding/logo", type, image);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String code, String inDetail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Platform.json(r).getString("type")).isEqualTo("urn:ent:problem:" + code);
        assertThat(Platform.json(r).getString("detail", "")).contains(inDetail);
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
