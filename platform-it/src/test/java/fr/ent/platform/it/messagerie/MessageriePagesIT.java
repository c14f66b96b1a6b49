package fr.ent.platform.it.messagerie;

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The messagerie's pages in a real Chromium, as its users work them: a teacher writes to her pupil's parents (found
 * through the recipient search) with a PDF of her espace documentaire picked from her files (by reference), the
 * parent sees the unread count, reads, opens the document from the message (not by its id in the documents app),
 * replies with a PDF attached (sent by the platform's upload script), and the teacher finds the reply in the
 * conversation and downloads the file; a pupil finds nobody of another school, cannot open the parents' document
 * by its link or its id, and a crafted addressee is refused with the reason, what was typed kept. Inbox, message and
 * compose pages are scanned with axe-core (WCAG 2.1 AA, no serious or critical violation), the compose page also on
 * a phone's width.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessageriePagesIT {

    private static final byte[] PROGRAMME = "%PDF-1.4\n% programme du musée\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);

    private static Platform platform;
    private static ClassFixture school;
    /** The teacher's document attached by reference, and its link in the message (set by the first test). */
    private static String programmeId;
    private static String programmeLink;

    @BeforeAll
    static void aSchoolWithAClass() {
        platform = Platform.get();
        school = ClassFixture.create("mail-pages");
    }

    @Test
    @Order(1)
    void aTeacherWritesToTheParentsWhoReplyWithAFileThatSheDownloads() throws Exception {
        Path programme = Files.createTempFile("programme", ".pdf");
        Files.write(programme, PROGRAMME);
        String programmeName = programme.getFileName().toString();
        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/messagerie", "sophie.martin");
            assertThat(teacher.text()).contains("Boîte de réception", "Aucun message ici.");
            scan(teacher, "inbox, empty");

            // a PDF of her espace documentaire, to attach by reference below
            teacher.open(url("/documents"));
            teacher.driver().findElement(By.id("docs-file")).sendKeys(programme.toString());
            clickAndWait(teacher, By.cssSelector("form[action='/documents/upload'] button"));
            String fileLink = teacher.driver().findElement(By.linkText(programmeName)).getDomAttribute("href");
            programmeId = fileLink.substring(fileLink.lastIndexOf('/') + 1);
            teacher.open(url("/messagerie"));

            clickAndWait(teacher, By.cssSelector("a[href='/messagerie/compose']"));
            fill(teacher, "mail-subject", "Sortie au musée");
            fill(teacher, "mail-body", "Bonjour,\n\nLa sortie au musée a lieu jeudi.");
            fill(teacher, "mail-recipient-q", "Parents");
            clickAndWait(teacher, By.cssSelector("button[value='search']"));
            assertThat(teacher.text()).contains("Destinataires trouvés", "Parents — CP");
            // the search saved the draft: what was typed is still there
            assertThat(value(teacher, "mail-subject")).isEqualTo("Sortie au musée");
            // the editor's paragraphs come back as they were typed (multipart form, saved, shown again)
            assertThat(teacher.richText("mail-body")).contains("Bonjour,", "La sortie au musée a lieu jeudi.")
                    .doesNotContain("<p>");
            scan(teacher, "compose, recipients found");
            clickAndWait(teacher, By.xpath("//ul[@class='mail-found']/li[contains(., 'Parents — CP')]//button"));
            assertThat(teacher.driver().findElement(By.cssSelector(".mail-chosen")).getText()).contains("Parents — CP");

            // the picker: her own files, found by name, ticked and attached by reference
            fill(teacher, "mail-docs-q", "programme");
            clickAndWait(teacher, By.cssSelector("button[value='documents-search']"));
            assertThat(teacher.text()).contains("Mes fichiers, les plus récents d'abord", programmeName);
            scan(teacher, "compose, my documents to attach");
            teacher.driver().findElement(By.xpath("//ul[@class='mail-docs']//label[contains(., '" + programmeName
                    + "')]/input")).click();
            clickAndWait(teacher, By.cssSelector("button[value='documents']"));
            assertThat(teacher.text()).contains("Documents joints.", programmeName, "(depuis mes documents)");
            assertThat(value(teacher, "mail-subject")).isEqualTo("Sortie au musée");
            clickAndWait(teacher, By.cssSelector("button[value='send']"));
            assertThat(teacher.text()).contains("Message envoyé.");
        } finally {
            Files.deleteIfExists(programme);
        }

        Path pdf = Files.createTempFile("autorisation", ".pdf");
        byte[] content = "%PDF-1.4\n% autorisation de sortie signée\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(pdf, content);
        try (RealBrowser parent = RealBrowser.start()) {
            signInAt(parent, "/messagerie", "nicolas.durand");
            assertThat(parent.text()).contains("1 messages non lus", "Non lu", "Sortie au musée", "De Sophie Martin");
            scan(parent, "inbox with an unread message");

            clickAndWait(parent, By.partialLinkText("Sortie au musée"));
            assertThat(parent.text()).contains("La sortie au musée a lieu jeudi.", "Sophie Martin", "Parents — CP")
                    .doesNotContain("1 messages non lus");
            scan(parent, "message");

            // the document attached by reference opens from the message, and only from there
            programmeLink = parent.driver().findElement(By.linkText(programmeName)).getDomAttribute("href");
            HttpResponse<byte[]> opened = fetch(parent, programmeLink);
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).isEqualTo(PROGRAMME);
            assertThat(fetch(parent, "/documents/files/" + programmeId + "/download").statusCode()).isEqualTo(404);
            assertThat(fetch(parent, "/messagerie/attachments/" + java.util.UUID.randomUUID()).statusCode())
                    .isEqualTo(404);

            clickAndWait(parent, By.cssSelector("form[action$='/reply'] button"));
            assertThat(value(parent, "mail-subject")).isEqualTo("Re : Sortie au musée");
            assertThat(parent.driver().findElement(By.cssSelector(".mail-chosen")).getText()).contains("Sophie Martin");
            // the quoted message, prefixed as in an e-mail
            assertThat(value(parent, "mail-body")).startsWith("Sophie Martin, ")
                    .endsWith(":\n\n> Bonjour,\n>\n> La sortie au musée a lieu jeudi.");
            fill(parent, "mail-body", "Merci, voici l'autorisation signée.");
            parent.driver().findElement(By.id("mail-file")).sendKeys(pdf.toString());
            clickAndWait(parent, By.cssSelector("button[value='attach']"));
            assertThat(parent.text()).contains("Fichier joint.", pdf.getFileName().toString());
            assertThat(parent.richText("mail-body")).isEqualTo("Merci, voici l'autorisation signée.");
            scan(parent, "compose, a reply with its attachment");
            clickAndWait(parent, By.cssSelector("button[value='send']"));
            assertThat(parent.text()).contains("Message envoyé.");
        }

        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/messagerie", "sophie.martin");
            assertThat(teacher.text()).contains("1 messages non lus", "Re : Sortie au musée", "1 pièce jointe");
            clickAndWait(teacher, By.partialLinkText("Re : Sortie au musée"));
            assertThat(teacher.text()).contains("Merci, voici l'autorisation signée.", "Conversation (2 messages)");
            assertThat(teacher.driver().findElement(By.cssSelector(".mail-thread")).getText())
                    .contains("Sortie au musée", "Re : Sortie au musée");
            scan(teacher, "a reply in its conversation");

            WebElement link = teacher.driver().findElement(By.linkText(pdf.getFileName().toString()));
            HttpResponse<byte[]> download = fetch(teacher, link.getDomAttribute("href"));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(content);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/pdf"));
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("attachment;").contains(pdf.getFileName().toString()));
            assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

            clickAndWait(teacher, By.cssSelector("a[href$='/print']"));
            assertThat(teacher.text()).contains("Merci, voici l'autorisation signée.", "Nicolas Durand");
            scan(teacher, "print view");
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    @Order(2)
    void aPupilCannotWriteToAnotherSchoolsPupilAndKeepsWhatSheTyped() throws Exception {
        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(phone, "/messagerie/compose", "lea.durand");
            fill(phone, "mail-recipient-q", "Roux");
            clickAndWait(phone, By.cssSelector("button[value='search']"));
            assertThat(phone.text()).contains("Personne ne correspond").doesNotContain("Zoé");
            // the parents' document is not hers: neither through the message's link nor by its id
            assertThat(fetch(phone, programmeLink).statusCode()).isEqualTo(404);
            assertThat(fetch(phone, "/documents/files/" + programmeId + "/download").statusCode()).isEqualTo(404);
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            scan(phone, "compose on a phone, nobody found");

            // A crafted form names Zoé (another school's pupil) anyway, as a request could.
            ((JavascriptExecutor) phone.driver()).executeScript("var f = document.querySelector('form.mail-compose');"
                    + "var i = document.createElement('input'); i.type = 'hidden'; i.name = 'addressee';"
                    + "i.value = 'user:" + school.zoe + "'; f.appendChild(i);");
            fill(phone, "mail-subject", "Coucou");
            fill(phone, "mail-body", "Tu viens jouer mercredi ?");
            clickAndWait(phone, By.cssSelector("button[value='send']"));
            assertThat(phone.text()).contains("Destinataire non autorisé",
                    "Vous ne pouvez pas écrire à au moins un des destinataires choisis");
            assertThat(value(phone, "mail-subject")).isEqualTo("Coucou");
            // the visual editor shows what she typed (its textarea holds the same text as HTML)
            assertThat(phone.richText("mail-body")).isEqualTo("Tu viens jouer mercredi ?");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            scan(phone, "compose on a phone, refused");
        }
    }

    @Test
    @Order(3)
    void theParentFilesTheMessageInANestedFolderFindsItTrashesAndRestoresIt() throws Exception {
        try (RealBrowser parent = RealBrowser.start()) {
            signInAt(parent, "/messagerie", "nicolas.durand");
            fill(parent, "folder-name", "École");
            clickAndWait(parent, By.cssSelector("form[action='/messagerie/folders'] button"));
            assertThat(parent.text()).contains("Dossier créé.");
            fill(parent, "folder-name", "Sorties");
            new Select(parent.driver().findElement(By.id("folder-parent"))).selectByVisibleText("École");
            clickAndWait(parent, By.cssSelector("form[action='/messagerie/folders'] button"));
            assertThat(parent.text()).contains("Dossier créé.");
            assertThat(parent.driver().findElement(By.cssSelector(".mail-side")).getText()).contains("École",
                    "Sorties");
            String sorties = parent.driver().getCurrentUrl().replaceAll(".*/messagerie/folders/([^/?]+).*", "$1");
            scan(parent, "a nested folder, empty");

            parent.open(url("/messagerie"));
            clickAndWait(parent, By.partialLinkText("Sortie au musée"));
            String message = parent.driver().getCurrentUrl().replaceAll(".*/messagerie/messages/([^/?]+).*", "$1");
            Select folder = new Select(parent.driver().findElement(By.id("mail-folder")));
            folder.getOptions().stream().filter(o -> o.getText().contains("Sorties")).findFirst().orElseThrow()
                    .click();
            clickAndWait(parent, By.cssSelector("form.mail-move button"));
            assertThat(parent.text()).contains("Message rangé.");

            parent.open(url("/messagerie/box/inbox"));
            assertThat(mainText(parent)).doesNotContain("Sortie au musée");
            parent.open(url("/messagerie/folders/" + sorties));
            assertThat(mainText(parent)).contains("Sortie au musée");
            scan(parent, "a folder with its message");

            fill(parent, "mail-q", "musée");
            clickAndWait(parent, By.cssSelector("form.mail-search button"));
            assertThat(parent.text()).contains("Résultats pour « musée »", "Sortie au musée");
            fill(parent, "mail-q", "piscine");
            clickAndWait(parent, By.cssSelector("form.mail-search button"));
            assertThat(parent.text()).contains("Aucun message ne correspond à cette recherche.");

            parent.open(url("/messagerie/messages/" + message));
            clickAndWait(parent, By.cssSelector("form[action$='/trash'] button"));
            assertThat(parent.text()).contains("Message mis à la corbeille.");
            parent.open(url("/messagerie/box/trash"));
            assertThat(mainText(parent)).contains("Sortie au musée");
            scan(parent, "trash");
            clickAndWait(parent, By.partialLinkText("Sortie au musée"));
            clickAndWait(parent, By.cssSelector("form[action$='/restore'] button"));
            assertThat(parent.text()).contains("Message sorti de la corbeille.");
            parent.open(url("/messagerie/box/trash"));
            assertThat(mainText(parent)).doesNotContain("Sortie au musée");

            // a guessed id is a readable page, not someone's message
            parent.open(url("/messagerie/messages/" + java.util.UUID.randomUUID()));
            assertThat(parent.text()).contains("Message introuvable");
            scan(parent, "a message that is not there");
        }
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
        if (!browser.driver().findElements(By.id(id + "-visual")).isEmpty()) {
            browser.typeRich(id, text); // the platform's visual editor stands for this textarea (ADR 0045)
            return;
        }
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
