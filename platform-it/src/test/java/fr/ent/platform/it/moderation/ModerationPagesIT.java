package fr.ent.platform.it.moderation;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Moderation as its users work it in a real Chromium, without a script of ours: a parent reports a message from
 * its page ("Signaler ce message", the report form refused without a reason, then sent); the local administrator of
 * the school opens the queue, reads the original and neutralizes it with a reason; the parent then reads the
 * placeholder. The report form, the queue and a case's page are scanned with axe-core (WCAG 2.1 AA), the case page
 * also at a phone's width.
 */
class ModerationPagesIT {

    private static Platform platform;
    private static ClassFixture school;
    private static String message;

    @BeforeAll
    static void aTeacherWritesToAParent() throws Exception {
        platform = Platform.get();
        school = ClassFixture.create("mod-pages");
        platform.keycloak().ensureUser(Realms.ofCollectivity(school.slug), "adml.pages", "Adèle", "Locale",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", school.uaiA));
        String teacher = Logins.accessToken(platform, school.slug, school.domain(), "sophie.martin",
                ClassFixture.PASSWORD);
        String json = Json.createObjectBuilder().add("to", Json.createArrayBuilder().add("user:" + school.parent))
                .add("subject", "Réunion de jeudi").add("body", "Le code du portail est 4521.").build().toString();
        var sent = platform.send(school.domain(), "POST", "/api/messagerie/messages", "application/json",
                json.getBytes(StandardCharsets.UTF_8), "Bearer " + teacher);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        message = Platform.json(sent).getString("id");
    }

    @Test
    void aParentReportsTheModeratorNeutralizesAndTheParentReadsThePlaceholder() {
        try (RealBrowser parent = RealBrowser.start()) {
            parent.open(url("/messagerie/messages/" + message));
            parent.awaitUrlStartingWith(platform.identity().baseUrl().toString());
            parent.signInOnKeycloak("nicolas.durand", ClassFixture.PASSWORD);
            parent.awaitUrlStartingWith(url("/messagerie/messages/"));
            assertThat(parent.text()).contains("Le code du portail est 4521.");

            clickAndWait(parent, By.partialLinkText("Signaler ce message"));
            assertThat(parent.text()).contains("Signaler un contenu", "Réunion de jeudi");
            scan(parent, "report form");
            // sent as a script would (form.submit() skips the browser's "required"): the server's check shows
            parent.driver().findElement(By.id("mod-comment")).sendKeys("Un code confidentiel est affiché.");
            parent.driver().findElement(By.cssSelector("form.mod-form")).submit();
            parent.awaitText("Choisissez un motif", Duration.ofSeconds(30));
            assertThat(parent.driver().findElement(By.id("mod-comment")).getDomProperty("value"))
                    .isEqualTo("Un code confidentiel est affiché.");
            scan(parent, "report form with an error");
            parent.click(By.cssSelector("input[name='reason'][value='personal-data']"));
            clickAndWait(parent, By.cssSelector("form.mod-form button[type='submit']"));
            assertThat(parent.text()).contains("Merci : votre signalement a été transmis aux modérateurs.");

            try (RealBrowser moderator = RealBrowser.start()) {
                moderator.open(url("/"));
                signIn(moderator, "adml.pages");
                moderator.open(url("/moderation"));
                assertThat(moderator.text()).contains("Modération", "Réunion de jeudi", "à traiter");
                scan(moderator, "moderation queue");
                clickAndWait(moderator, By.partialLinkText("Réunion de jeudi"));
                assertThat(moderator.text()).contains("Le code du portail est 4521.", "Données personnelles exposées",
                        "Un code confidentiel est affiché.", "Signalement");
                scan(moderator, "a reported content");
                moderator.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                assertThat(moderator.contentWidth()).isLessThanOrEqualTo(moderator.viewportWidth());
                scan(moderator, "a reported content, on a phone");

                moderator.driver().findElement(By.id("mod-reason")).sendKeys("Donnée confidentielle exposée");
                clickAndWait(moderator, By.cssSelector("button[value='neutralize']"));
                assertThat(moderator.text()).contains("Contenu masqué.", "Masquage", "Donnée confidentielle exposée",
                        "Le code du portail est 4521.");
                scan(moderator, "a neutralized content");
            }

            parent.open(url("/messagerie/messages/" + message));
            assertThat(parent.text()).contains("Contenu masqué par la modération").doesNotContain("4521", "Réunion");
            parent.open(url("/messagerie"));
            assertThat(parent.text()).contains("Contenu masqué par la modération").doesNotContain("Réunion de jeudi");
        }
    }

    /** Signs in from the home page; an administrator enrols the authenticator Keycloak asks for (FlashAccessibilityIT). */
    private static void signIn(RealBrowser browser, String username) {
        browser.click(By.cssSelector("a[href^='/auth/login']"));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        SecondFactorEnrolment.signIn(browser, username, ClassFixture.PASSWORD, url("/"));
    }

    private static String url(String path) {
        return "http://" + school.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }
}
