package fr.ent.platform.it.documents;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.testing.browser.RealBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The espace documentaire's pages in a real Chromium: a teacher creates a folder, uploads a PDF into it (with the
 * platform's upload script: its progress bar shows, then the folder; an empty file's refusal is the same readable
 * page as without the script) and shares the folder with her class's parents through the sharing dialog; the parent
 * finds it in "Partagés avec moi", opens the folder and the file, downloads and previews the PDF; a guessed id is a
 * readable page; a pupil on a phone, whose browser never gets the script, uploads through the plain form. Every
 * page is scanned with axe-core (WCAG 2.1 AA, no serious or critical violation), one on a phone's width.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsPagesIT {

    private static Platform platform;
    private static ClassFixture school;
    private static final byte[] PDF = "%PDF-1.4\n% programme de la sortie\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void aSchoolWithAClass() {
        platform = Platform.get();
        school = ClassFixture.create("docs-pages");
    }

    @Test
    @Order(1)
    void aTeacherSharesAPdfWithTheParentsWhoOpenIt() throws Exception {
        Path pdf = Files.createTempFile("programme", ".pdf");
        Files.write(pdf, PDF);
        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/documents", "sophie.martin");
            assertThat(teacher.text()).contains("Mes documents", "Partagés avec moi", "Espace utilisé");
            scan(teacher, "my documents, empty");

            fill(teacher, "docs-folder-name", "Sortie au musée");
            clickAndWait(teacher, By.cssSelector("form[action='/documents/folders'] button"));
            assertThat(teacher.text()).contains("Le dossier a été créé.", "Ce dossier est vide.");
            // with the platform's script: the file goes by XMLHttpRequest, its progress shown, then the folder's page
            assertThat(teacher.driver().findElement(By.id("docs-upload-progress-bar")).getTagName())
                    .isEqualTo("progress");
            watchProgress(teacher, "docs-upload-progress");
            teacher.driver().findElement(By.id("docs-file")).sendKeys(pdf.toString());
            clickAndWait(teacher, By.cssSelector("form[action='/documents/upload'] button"));
            assertThat(teacher.text()).contains("Le fichier a été déposé.", pdf.getFileName().toString());
            Map<?, ?> seen = progressSeen(teacher);
            assertThat(seen.get("shown")).as("the bar appeared").isEqualTo(true);
            assertThat(((Number) seen.get("max")).intValue()).isEqualTo(100);
            assertThat(seen.get("said").toString()).contains("Envoi de « " + pdf.getFileName() + " » : 0 %",
                    "« " + pdf.getFileName() + " » est déposé.");
            scan(teacher, "a folder with a file");

            // a refusal sent by the script is the same readable page as without it
            String folderPage = teacher.currentUrl();
            Path empty = Files.createTempFile("vide", ".pdf");
            try {
                teacher.driver().findElement(By.id("docs-file")).sendKeys(empty.toString());
                clickAndWait(teacher, By.cssSelector("form[action='/documents/upload'] button"));
                assertThat(mainText(teacher)).contains("Fichier vide", empty.getFileName().toString());
                teacher.open(folderPage);
            } finally {
                Files.deleteIfExists(empty);
            }

            clickAndWait(teacher, By.cssSelector("form[action$='/share'] button"));
            assertThat(teacher.text()).contains("Sortie au musée");
            fill(teacher, "sharing-q", "Parents");
            clickAndWait(teacher, By.cssSelector("form[role='search'] button"));
            clickAndWait(teacher, By.xpath("//ul[@class='sharing-candidates']/li[contains(., 'Parents — CP')]//button"));
            assertThat(teacher.text()).contains("Partages enregistrés.", "Parents — CP");
        }

        try (RealBrowser parent = RealBrowser.start()) {
            signInAt(parent, "/documents/shared", "nicolas.durand");
            assertThat(mainText(parent)).contains("Sortie au musée");
            scan(parent, "shared with me");
            clickAndWait(parent, By.partialLinkText("Sortie au musée"));
            assertThat(mainText(parent)).contains(pdf.getFileName().toString()).doesNotContain("Déposer un fichier");
            scan(parent, "a folder shared for reading");
            clickAndWait(parent, By.linkText(pdf.getFileName().toString()));
            assertThat(mainText(parent)).contains("Versions du fichier", "Aperçu").doesNotContain("Mettre à la corbeille");
            scan(parent, "a shared file");

            String file = parent.driver().getCurrentUrl().replaceAll(".*/documents/files/([^/?]+).*", "$1");
            HttpResponse<byte[]> download = fetch(parent, "/documents/files/" + file + "/download");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(PDF);
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            HttpResponse<byte[]> preview = fetch(parent, "/documents/files/" + file + "/preview");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(preview.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");

            // the script is the portal's own static file, served as a script
            HttpResponse<byte[]> script = fetch(parent, "/static/upload-progress.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");

            // a guessed id is a readable page, not someone's file
            parent.open(url("/documents/files/" + java.util.UUID.randomUUID()));
            assertThat(parent.text()).contains("Document introuvable");
            scan(parent, "a file that is not there");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    @Order(2)
    void onAPhoneThePupilSeesHerSpaceAndNothingSharedWithHerAndUploadsWithoutTheScript() throws Exception {
        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            // the platform's script never arrives (as in a browser without JavaScript): the plain form still works
            ChromeDriver chrome = (ChromeDriver) phone.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setBlockedURLs",
                    Map.<String, Object>of("urls", List.of("*upload-progress.js")));
            signInAt(phone, "/documents/shared", "lea.durand");
            assertThat(mainText(phone)).contains("Personne ne vous a encore partagé").doesNotContain("Sortie au musée");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            scan(phone, "shared with me on a phone");
            phone.open(url("/documents"));
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            scan(phone, "my documents on a phone");

            Path drawing = Files.createTempFile("dessin", ".pdf");
            try {
                Files.write(drawing, PDF);
                phone.driver().findElement(By.id("docs-file")).sendKeys(drawing.toString());
                clickAndWait(phone, By.cssSelector("form[action='/documents/upload'] button"));
                assertThat(mainText(phone)).contains("Le fichier a été déposé.", drawing.getFileName().toString());
                assertThat(chrome.executeScript("return window.entUploadProgress === undefined")).isEqualTo(true);
                assertThat(phone.driver().findElement(By.cssSelector("#docs-upload-progress [data-upload-bar]"))
                        .isDisplayed()).isFalse();
            } finally {
                Files.deleteIfExists(drawing);
            }
        }
    }

    /**
     * Records in the tab's session storage what the progress box {@code id} showed while a file is sent (whether
     * its bar appeared, the highest value, what its status line said), to be read on the page that follows.
     */
    static void watchProgress(RealBrowser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("var box = document.getElementById(arguments[0]);"
                + "var seen = {shown: false, max: 0, said: []};"
                + "new MutationObserver(function () {"
                + "  if (!box.querySelector('[data-upload-bar]').hidden) { seen.shown = true; }"
                + "  var bar = box.querySelector('progress');"
                + "  if (bar.hasAttribute('value')) { seen.max = Math.max(seen.max, Number(bar.value)); }"
                + "  var said = box.querySelector('[role=status]').textContent;"
                + "  if (said && seen.said.indexOf(said) < 0) { seen.said.push(said); }"
                + "  sessionStorage.setItem('upload-progress-seen', JSON.stringify(seen));"
                + "}).observe(box, {attributes: true, childList: true, subtree: true, characterData: true});", id);
    }

    /** What {@link #watchProgress} recorded: {@code shown}, {@code max}, {@code said}. */
    static Map<?, ?> progressSeen(RealBrowser browser) {
        Object seen = ((JavascriptExecutor) browser.driver()).executeScript(
                "return JSON.parse(sessionStorage.getItem('upload-progress-seen') || '{}');");
        assertThat(seen).as("progress recorded").isInstanceOf(Map.class);
        return (Map<?, ?>) seen;
    }

    private static String mainText(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** The file behind a link, fetched with the browser's session cookie, as its download would be. */
    private static HttpResponse<byte[]> fetch(RealBrowser browser, String path) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        // to the runtime's address with the collectivity's Host, as PlatformClient does (the JVM need not resolve
        // *.localhost; the failsafe JVM allows the Host header)
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.server().runtimeBase() + path))
                .header("Host", school.domain()).header("Cookie", cookies).timeout(Duration.ofSeconds(30)).GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void signInAt(RealBrowser browser, String path, String username) {
        browser.open(url(path));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, ClassFixture.PASSWORD);
        browser.awaitUrlStartingWith(url(path));
    }

    private static void fill(RealBrowser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String value(RealBrowser browser, String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("value");
    }

    private static String url(String path) {
        return "http://" + school.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }
}
