package fr.ent.platform.it.flash;

import fr.ent.platform.it.identity.SecondFactorEnrolment;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The flash messages' screens in a real Chromium, scanned with axe-core against WCAG 2.1 AA (no serious or critical
 * violation): the home page with a message in its widget, and the administrator's list and form, also with its
 * errors shown; with the administrator signed in, the schools' quiet hours too (no browser start of their own).
 * Everything is done as a user would, without a script of ours: the browser signs in through Keycloak (the
 * administrator enrols its authenticator at first login), fills the form and presses its buttons.
 */
class FlashAccessibilityIT {

    static final String PASSWORD = "flash-a11y-" + ThreadLocalRandom.current().nextInt(1_000_000);
    static Platform platform;
    static String slug;
    static String domain;
    static String uai;

    @BeforeAll
    static void aCollectivityWithASchoolATeacherAndAnAdministrator() throws Exception {
        platform = Platform.get();
        DirectoryApi d = DirectoryApi.newCollectivity("flash-a11y");
        domain = d.host;
        slug = domain.substring(0, domain.indexOf('.'));
        uai = DirectoryApi.randomUai();
        String school = d.createStructure(uai, "École élémentaire Jean Macé", "ECOLE").getString("id");
        String teacher = d.createUser("Teacher", "Martin", "Sophie", school, List.of(), List.of()).getString("id");
        platform.keycloak().ensureUser(Realms.ofCollectivity(slug), "sophie.martin", "Sophie", "Martin", PASSWORD,
                List.of(RealmRoles.TEACHER), Map.of("ent_user_id", teacher));
        platform.keycloak().ensureUser(Realms.ofCollectivity(slug), "admin.flash", "Alain", "Central", PASSWORD,
                List.of(RealmRoles.SUPER_ADMIN), Map.of());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String message = Json.createObjectBuilder().add("title", "Grève des transports")
                .add("text", "Les cours commencent à 10 h jeudi.\nMerci de prévenir les familles.")
                .add("level", "warning").add("profiles", Json.createArrayBuilder(List.of("Teacher")))
                .add("structures", Json.createArrayBuilder(List.of(uai)))
                .add("startsAt", now.minusHours(1).toString()).add("endsAt", now.plusDays(1).toString())
                .build().toString();
        assertThat(platform.postJson(domain, "/api/flash", message).statusCode()).isEqualTo(201);
    }

    @Test
    void theHomeWidgetHasNoSeriousViolationAndItsButtonHidesTheMessage() {
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open(home());
            signIn(browser, "sophie.martin");
            assertThat(browser.text()).contains("À la une", "Attention : Grève des transports",
                    "Merci de prévenir les familles.");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "home with a flash message");

            browser.click(By.cssSelector("form[action$='/dismiss'] button"));
            // POST, then redirected to the same home page: wait for the page without the message
            browser.awaitTextGone("Grève des transports", Duration.ofSeconds(30));
            assertThat(browser.currentUrl()).isEqualTo(home());
        }
    }

    @Test
    void theAdministratorsListAndFormHaveNoSeriousViolationAlsoWithErrors() {
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open(home());
            signIn(browser, "admin.flash");
            browser.open(home() + "flash");
            assertThat(browser.text()).contains("Messages flash", "Grève des transports", "École élémentaire Jean Macé");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "flash messages list");

            browser.click(By.cssSelector("a[href='/flash/new']"));
            browser.awaitUrlStartingWith(home() + "flash/new");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "new flash message form");

            // A refused submit: the form again, with its errors, keeping what was typed. The title is left empty and
            // the form sent as a script would (form.submit() skips the browser's own check of "required"), so that
            // the server's check and its error list are what is shown.
            browser.driver().findElement(By.id("flash-text")).sendKeys("Mardi à 18 h, salle polyvalente.");
            browser.click(By.cssSelector("input[name='profiles'][value='Relative']"));
            browser.driver().findElement(By.cssSelector("form.flash-form")).submit();
            browser.awaitText("Le message n'a pas été enregistré", Duration.ofSeconds(30));
            assertThat(browser.text()).contains("Titre : entre 1 et 120 caractères");
            assertThat(browser.driver().findElement(By.id("flash-text")).getDomProperty("value"))
                    .isEqualTo("Mardi à 18 h, salle polyvalente.");
            assertThat(browser.driver().findElement(By.cssSelector("input[name='profiles'][value='Relative']"))
                    .isSelected()).isTrue();
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), "flash message form with errors");

            schoolsQuietHours(browser);
        }
    }

    /**
     * The schools' quiet hours (the notifications app's page for administrators), scanned here while an
     * administrator is signed in rather than in a browser of their own: the list, then a school's form refused with
     * the error summary and the reason next to its field, and that page at a phone's width.
     */
    private static void schoolsQuietHours(RealBrowser browser) {
        browser.open(home() + "notifications/schools");
        assertThat(browser.text()).contains("Heures de tranquillité des écoles", "École élémentaire Jean Macé");
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), "schools' quiet hours");

        browser.click(By.partialLinkText("École élémentaire Jean Macé"));
        browser.awaitUrlStartingWith(home() + "notifications/schools/");
        browser.click(By.cssSelector("input[name='day.0'][value='FRIDAY']"));
        browser.driver().findElement(By.id("from-0")).sendKeys("22:00");
        browser.driver().findElement(By.id("to-0")).sendKeys("06:00");
        browser.driver().findElement(By.cssSelector("form.quiet-hours")).submit();
        browser.awaitText("finit avant de commencer", Duration.ofSeconds(30));
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), "a school's quiet hours refused");

        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), "a school's quiet hours refused, on a phone");
    }

    /**
     * Signs in from the home page through Keycloak's form; an administrator enrols the authenticator Keycloak asks
     * for (its secret read from the page, the code computed as an app would).
     */
    private static void signIn(RealBrowser browser, String username) {
        browser.click(By.cssSelector("a[href^='/auth/login']"));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        SecondFactorEnrolment.signIn(browser, username, PASSWORD, home());
    }

    private static String home() {
        return "http://" + domain + ":" + platform.server().runtimeBase().getPort() + "/";
    }
}
