package fr.ent.platform.it.diary;

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
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebElement;

/**
 * The "done when", in a real Chromium and without a script of ours: Sophie Martin, who teaches CP, drops a
 * PDF in her documents, opens her class's week, writes tomorrow's homework with the PDF attached; Nicolas Durand,
 * Léa's father, finds it on his home page (« Travail à faire », « Pour demain ») and opens the PDF from there; on a
 * phone's width, the week fits the screen. The week, the editor, the entry and the home page are scanned with
 * axe-core (WCAG 2.1 AA, no serious or critical violation).
 */
class DiaryPagesIT {

    private static Platform platform;
    private static ClassFixture school;
    private static final byte[] PDF = "%PDF-1.4\n% lecture page 12\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void aSchoolWithAClass() {
        platform = Platform.get();
        school = ClassFixture.create("diary-pages");
    }

    @Test
    void aTeacherSetsTomorrowsHomeworkWithAPdfAndTheParentOpensItFromHisHomePage() throws Exception {
        Path pdf = Files.createTempFile("lecture", ".pdf");
        Files.write(pdf, PDF);
        String name = pdf.getFileName().toString();
        String entry;
        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/documents", "sophie.martin");
            teacher.driver().findElement(By.id("docs-file")).sendKeys(pdf.toString());
            clickAndWait(teacher, By.cssSelector("form[action='/documents/upload'] button"));
            assertThat(teacher.text()).contains("Le fichier a été déposé.", name);

            teacher.open(url("/diary"));
            clickAndWait(teacher, By.linkText("CP"));
            assertThat(mainText(teacher)).contains("CP : semaine du", "Semaine suivante");
            scan(teacher, "the class's week");
            clickAndWait(teacher, By.linkText("Ajouter une séance ou un travail"));
            // the editor comes with tomorrow as the due day and today as the visible-from day
            fill(teacher, "diary-subject", "Lecture");
            fill(teacher, "diary-content", "Lire la page 12 et répondre aux questions.");
            formatWithTheKeyboard(teacher);
            teacher.driver().findElement(By.xpath("//label[contains(., '" + name + "')]/input")).click();
            scan(teacher, "the editor");
            clickAndWait(teacher, By.cssSelector("form.diary-editor button[type=submit]"));
            assertThat(mainText(teacher)).contains("L'entrée a été enregistrée.", "Lecture", "Lire la page 12",
                    "Ouvrir « " + name + " »", "Modifier");
            // the editor's formatting was kept by the sanitizer
            assertThat(teacher.pageSource()).contains("<p>Lire la <b>page 12</b> et <i>répondre</i> aux questions.</p>",
                    "<ul><li>exercice 1", "exercice 2");
            scan(teacher, "the entry, as its author sees it");
            entry = teacher.currentUrl().replaceAll(".*/diary/entries/([^/?]+).*", "$1");
        }

        try (RealBrowser parent = RealBrowser.start()) {
            signInAt(parent, "/", "nicolas.durand");
            WebElement widget = parent.driver().findElement(By.cssSelector("section[aria-labelledby='widget-diary']"));
            assertThat(widget.getText()).contains("Travail à faire", "Pour demain", "Lecture", "CP (Léa)",
                    "Ouvrir « " + name + " »");
            scan(parent, "the home page with the homework widget");
            String link = widget.findElement(By.partialLinkText(name)).getDomAttribute("href");
            assertThat(link).isEqualTo("/diary/entries/" + entry + "/attachments/"
                    + link.substring(link.lastIndexOf('/') + 1));
            HttpResponse<byte[]> opened = fetch(parent, link);
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).isEqualTo(PDF);
            assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");

            clickAndWait(parent, By.cssSelector("section[aria-labelledby='widget-diary'] a[href='/diary/entries/"
                    + entry + "']"));
            assertThat(mainText(parent)).contains("Lire la page 12").doesNotContain("Modifier", "Supprimer");
        } finally {
            Files.deleteIfExists(pdf);
        }

        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(phone, "/diary", "nicolas.durand");
            assertThat(mainText(phone)).contains("CP (Léa)");
            // the homework's week (tomorrow may be next week's Monday)
            phone.open(url("/diary/entries/" + entry));
            clickAndWait(phone, By.partialLinkText("Retour à la semaine"));
            assertThat(mainText(phone)).contains("CP (Léa) : semaine du", "Lecture", "Lire la page 12")
                    .doesNotContain("Ajouter une séance");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            scan(phone, "the week on a phone");
        }
    }

    /**
     * The one editor with the keyboard only, as a screen reader user or a phone's keyboard drives it (ADR 0045): the
     * visual editor stands for the textarea, Ctrl+B in it makes words bold (never a tag the writer sees), the toolbar
     * is one tab stop whose arrow keys move between its buttons, each saying whether it is pressed; the hidden
     * textarea, which the form sends, holds the HTML.
     */
    private static void formatWithTheKeyboard(RealBrowser teacher) {
        WebElement editor = teacher.driver().findElement(By.id("diary-content-visual"));
        WebElement area = teacher.driver().findElement(By.id("diary-content"));
        assertThat(area.isDisplayed()).isFalse();
        assertThat(editor.getDomAttribute("role")).isEqualTo("textbox");
        assertThat(editor.getDomAttribute("aria-labelledby")).isNotBlank();
        WebElement tools = teacher.driver().findElement(By.cssSelector("[role=toolbar][aria-controls=diary-content-visual]"));
        assertThat(tools.isDisplayed()).isTrue(); // shown by its script
        assertThat(tools.getDomAttribute("aria-label")).isEqualTo("Mise en forme : Contenu");
        select(teacher, editor, "page 12");
        // keys to the focused field as typed (an element's sendKeys may first move the caret to the end)
        new Actions(teacher.driver()).keyDown(Keys.CONTROL).sendKeys("b").keyUp(Keys.CONTROL).perform();
        WebElement bold = tools.findElement(By.cssSelector("[data-format=strong]"));
        assertThat(bold.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(editor.getText()).isEqualTo("Lire la page 12 et répondre aux questions.");
        assertThat(area.getDomProperty("value")).isEqualTo("<p>Lire la <b>page 12</b> et répondre aux questions.</p>");
        select(teacher, editor, "répondre");
        assertThat(bold.getDomAttribute("aria-pressed")).isEqualTo("false");
        // back to the toolbar: its one tab stop is its first button; the arrow goes to "Italique"
        ((org.openqa.selenium.JavascriptExecutor) teacher.driver()).executeScript("arguments[0].focus()", bold);
        bold.sendKeys(Keys.ARROW_RIGHT);
        WebElement focused = teacher.driver().switchTo().activeElement();
        assertThat(focused.getDomAttribute("data-format")).isEqualTo("em");
        assertThat(focused.getDomProperty("tabIndex")).isEqualTo("0");
        focused.sendKeys(Keys.ENTER);
        assertThat(focused.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(teacher.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("diary-content-visual");
        new Actions(teacher.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL)
                .sendKeys(Keys.ENTER, "exercice 1", Keys.ENTER, "exercice 2").perform();
        select(teacher, editor, "exercice 1exercice 2");
        tools.findElement(By.cssSelector("[data-format=ul]")).click();
        assertThat(tools.findElement(By.cssSelector("[data-format=ul]")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(area.getDomProperty("value")).startsWith("<p>Lire la <b>page 12</b> et <i>répondre</i> aux questions.</p>")
                .contains("<ul><li>exercice 1", "exercice 2").doesNotContain("&lt;");
        assertThat(editor.getText()).doesNotContain("<");
    }

    /** Selects these words in the visual editor (offsets in its words, across its blocks). */
    private static void select(RealBrowser browser, WebElement editor, String words) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var root = arguments[0], words = arguments[1], at = root.textContent.indexOf(words), end = at + words.length;"
                        + "root.focus(); var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), n, seen = 0,"
                        + " r = document.createRange();"
                        + "while ((n = w.nextNode())) { var len = n.data.length;"
                        + " if (at >= seen && at < seen + len) { r.setStart(n, at - seen); at = -1; }"
                        + " if (end >= seen && end <= seen + len) { r.setEnd(n, end - seen); break; } seen += len; }"
                        + "var s = getSelection(); s.removeAllRanges(); s.addRange(r);"
                        + "document.dispatchEvent(new Event('selectionchange'));",
                editor, words);
    }

    private static String mainText(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** A link's target fetched with the browser's session cookie, as opening it would. */
    private static HttpResponse<byte[]> fetch(RealBrowser browser, String path) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.server().runtimeBase() + path))
                .header("Host", school.domain()).header("Cookie", cookies).timeout(Duration.ofSeconds(30)).GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void signInAt(RealBrowser browser, String path, String username) {
        browser.open(url(path));
        if (path.equals("/")) {
            browser.click(By.cssSelector("a[href^='/auth/login']"));
        }
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, ClassFixture.PASSWORD);
        browser.awaitUrlStartingWith(url(path));
    }

    private static void fill(RealBrowser browser, String id, String text) {
        if (!browser.driver().findElements(By.id(id + "-visual")).isEmpty()) {
            browser.typeRich(id, text); // the platform's visual editor stands for this textarea (ADR 0045)
            return;
        }
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String url(String path) {
        return "http://" + school.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }
}
