package fr.ent.platform.it.apps;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.ai.LocalChatServer;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * Actualités' pages and the sharing dialog in a real Chromium, scanned with axe-core against WCAG 2.1 AA (no serious
 * or critical violation): the teacher's threads, a thread, an item, the dialog with search results; the pupil's home
 * page with the news widget and the item with its comment form. Signed in through Keycloak as a user would.
 * The teacher writes a draft, asks the FALC help (the test platform's local AI provider answers), accepts the
 * proposal, saves, publishes, and finds it on the portal's home page; the editor and the comparison are scanned.
 */
@ResourceLock(Platform.AI)
class ActualitesAccessibilityIT {

    private static Platform platform;
    private static ClassFixture a;
    private static String thread;
    private static String item;

    @BeforeAll
    static void aThreadSharedWithTheClassAndAPublishedItem() {
        platform = Platform.get();
        a = ClassFixture.create("news-a11y");
        String sophie = Logins.accessToken(platform, a.slug, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        thread = Platform.json(ok(call(sophie, "POST", "/api/actualites/threads",
                "{\"title\":\"Vie de la classe\",\"structure\":\"" + uai() + "\"}"), 201)).getString("id");
        JsonObject visible = Platform.json(ok(call(sophie, "GET", "/api/directory/communication/visible?limit=100&q="
                + URLEncoder.encode("élèves", StandardCharsets.UTF_8), null), 200));
        String pupils = visible.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("name").equals("Élèves — CP")).findFirst().orElseThrow().getString("id");
        ok(call(sophie, "PUT", "/api/sharing/actualites/thread/" + thread,
                "{\"shares\":[{\"kind\":\"group\",\"id\":\"" + pupils + "\",\"right\":\"read\"}]}"), 200);
        item = Platform.json(ok(call(sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"Sortie au musée\",\"content\":\"<p>Jeudi <b>matin</b>, départ à 9 h.</p>"
                        + "<ul><li>un goûter</li><li>un cahier</li></ul>\"}"), 201)).getString("id");
        ok(call(sophie, "POST", "/api/actualites/items/" + item + "/publish", "{}"), 200);
        ok(call(sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"Fête de fin d'année\",\"content\":\"<p>À préparer.</p>\"}"), 201);
    }

    @Test
    void theTeachersPagesAndTheSharingDialogHaveNoSeriousViolation() {
        try (RealBrowser browser = RealBrowser.start()) {
            signIn(browser, "sophie.martin");
            browser.open(home() + "actualites");
            assertThat(browser.text()).contains("Vie de la classe", "Sortie au musée", "Ouvrir un fil");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "news: my threads");

            browser.open(home() + "actualites/threads/" + thread);
            assertThat(browser.text()).contains("Fête de fin d'année", "brouillon", "Partager ce fil");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "news: a thread");

            browser.click(By.partialLinkText("Partager ce fil"));
            browser.awaitUrlStartingWith(home() + "sharing/actualites/thread/" + thread);
            browser.driver().findElement(By.id("sharing-q")).sendKeys("durand");
            browser.driver().findElement(By.cssSelector("form[role='search']")).submit();
            browser.awaitUrlStartingWith(home() + "sharing/actualites/thread/" + thread + "?return=");
            assertThat(browser.text()).contains("Élèves — CP", "Durand Léa");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "sharing dialog with search results");

            // an accented search (a GET form): the server reads the query string as UTF-8 and gives it back
            org.openqa.selenium.WebElement form = browser.driver().findElement(By.cssSelector("form[role='search']"));
            browser.driver().findElement(By.id("sharing-q")).clear();
            browser.driver().findElement(By.id("sharing-q")).sendKeys("Léa");
            form.submit();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(form));
            assertThat(browser.driver().findElement(By.id("sharing-q")).getDomProperty("value")).isEqualTo("Léa");
            assertThat(browser.text()).contains("Durand Léa").doesNotContain("Moreau Hugo");
        }
    }

    @Test
    void thePupilsHomeWidgetAndItemHaveNoSeriousViolation() {
        try (RealBrowser browser = RealBrowser.start()) {
            signIn(browser, "lea.durand");
            assertThat(browser.text()).contains("Sortie au musée");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "home with the news widget");

            browser.open(home() + "actualites/items/" + item);
            assertThat(browser.text()).contains("Jeudi matin", "Commentaires");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "news: an item with its comment form");
        }
    }

    @Test
    void aTeacherWritesADraftAcceptsTheFalcProposalPublishesAndFindsItOnTheHomePage() {
        LocalChatServer ai = platform.ai();
        String typed = "Conformément aux dispositions réglementaires, les représentants légaux sont invités à "
                + "transmettre l'autorisation de sortie préalablement au vendredi 12 décembre.";
        String proposal = "Rendez l'autorisation de sortie.\nFaites-le avant le vendredi 12 décembre.";
        String sophie = Logins.accessToken(platform, a.slug, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        try (RealBrowser browser = RealBrowser.start()) {
            signIn(browser, "sophie.martin");
            browser.open(home() + "actualites/threads/" + thread);
            browser.driver().findElement(By.id("item-title")).sendKeys("Autorisation de sortie");
            browser.typeRich("item-content", typed);

            // the provider down: the editor says so, the text as typed is kept, nothing is saved
            ai.answer(new LocalChatServer.Answer(500, "{\"error\":\"panne\"}", 0));
            browser.click(By.xpath("//button[normalize-space()='Aide FALC']"));
            browser.awaitUrlStartingWith(home() + "actualites/threads/" + thread + "/falc");
            awaitText(browser, "n'a pas pu répondre");
            assertThat(browser.text()).contains("n'a pas pu répondre", "Votre texte est conservé");
            assertThat(browser.richText("item-content")).isEqualTo(typed);
            assertThat(browser.driver().findElement(By.id("item-title")).getDomProperty("value"))
                    .isEqualTo("Autorisation de sortie");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "news: the editor after a failed FALC help");

            ai.forget();
            ai.answer(LocalChatServer.Answer.completion(proposal));
            browser.click(By.xpath("//button[normalize-space()='Aide FALC']"));
            awaitText(browser, "Proposition FALC");
            assertThat(browser.currentUrl()).startsWith(home() + "actualites/threads/" + thread + "/falc");
            assertThat(browser.text()).contains("Votre texte", "Proposition FALC", "représentants légaux",
                    "Rendez l'autorisation de sortie.", "Lisibilité avant et après", "Mots par phrase");
            assertThat(ai.received()).singleElement().satisfies(r -> assertThat(r.body()).contains("représentants"));
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "news: the FALC comparison");
            // nothing stored yet
            assertThat(ok(call(sophie, "GET", "/api/actualites/threads/" + thread, null), 200).body())
                    .doesNotContain("Autorisation de sortie");

            browser.click(By.xpath("//button[normalize-space()='Accepter la proposition']"));
            browser.awaitUrlStartingWith(home() + "actualites/threads/" + thread + "/editor");
            assertThat(browser.driver().findElement(By.id("item-content")).getDomProperty("value"))
                    .contains("<p>Rendez l'autorisation de sortie.</p>", "<p>Faites-le avant le vendredi 12 décembre.</p>")
                    .doesNotContain("représentants");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "news: the editor with the accepted proposal");
            assertThat(ok(call(sophie, "GET", "/api/actualites/threads/" + thread, null), 200).body())
                    .doesNotContain("Autorisation de sortie");

            browser.click(By.xpath("//button[normalize-space()='Enregistrer le brouillon']"));
            browser.awaitUrlStartingWith(home() + "actualites/items/");
            assertThat(browser.text()).contains("Autorisation de sortie", "Rendez l'autorisation de sortie.",
                    "brouillon", "Modifier cette actualité");
            browser.click(By.xpath("//button[normalize-space()='Publier']"));
            awaitText(browser, "publiée le");

            browser.open(home());
            assertThat(browser.text()).contains("Autorisation de sortie");
        }
    }

    private static void awaitText(RealBrowser browser, String text) {
        browser.awaitText(text, java.time.Duration.ofSeconds(60));
    }

    private static void signIn(RealBrowser browser, String username) {
        browser.open(home());
        browser.click(By.cssSelector("a[href^='/auth/login']"));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, ClassFixture.PASSWORD);
        browser.awaitUrlStartingWith(home());
    }

    private static String uai() {
        return Platform.json(ok(platform.get(a.domain(), "/api/directory/structures/" + a.schoolA), 200))
                .getString("uai");
    }

    private static String home() {
        return "http://" + a.domain() + ":" + platform.server().runtimeBase().getPort() + "/";
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> call(String token, String method, String path, String json) {
        return platform.send(a.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }
}
