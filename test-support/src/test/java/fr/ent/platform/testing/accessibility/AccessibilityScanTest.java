package fr.ent.platform.testing.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.testing.browser.RealBrowser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scan in a real Chromium fails on a page with serious violations and passes a clean one. */
class AccessibilityScanTest {

    static HttpServer server;
    static RealBrowser browser;

    @BeforeAll
    static void serveTwoPagesAndStartTheBrowser() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/clean", """
                <!doctype html><html lang="fr"><head><title>Accueil</title></head>
                <body><main><h1>Bonjour</h1><p>Une page sans défaut.</p>
                <label for="q">Recherche</label><input id="q" name="q"></main></body></html>""");
        // an image without text alternative (critical) and a field without label (critical)
        page("/broken", """
                <!doctype html><html lang="fr"><head><title>Cassée</title></head>
                <body><main><h1>Cassée</h1><img src="/missing.png"><input name="q"></main></body></html>""");
        server.createContext("/language", exchange -> {
            byte[] body = ("<!doctype html><html lang=\"fr\"><head><title>Langue</title></head><body><main><p>"
                    + exchange.getRequestHeaders().getFirst("Accept-Language") + "</p></main></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        browser = RealBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aPageWithSeriousViolationsFailsWithTheRuleImpactTargetAndHelp() {
        browser.open(base() + "/broken");

        assertThatThrownBy(() -> AccessibilityScan.assertNoSeriousViolation(browser.driver(), "broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken page")
                .hasMessageContaining("image-alt [critical]")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/")
                .hasMessageContaining("at [img]")
                .hasMessageContaining("label [critical]");
    }

    @Test
    void aCleanPagePasses() {
        browser.open(base() + "/clean");

        AccessibilityScan.assertNoSeriousViolation(browser.driver(), "clean page");
        assertThat(browser.title()).isEqualTo("Accueil");
    }

    @Test
    void theBrowserAsksForFrenchFirst() {
        browser.open(base() + "/language");

        assertThat(browser.text()).startsWith("fr-FR");
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void page(String path, String html) {
        server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
    }
}
