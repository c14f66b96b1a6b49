package fr.ent.platform.it.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.branding.TestLogos;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Our Keycloak login theme ("ent", module keycloak-theme) on two collectivities branded like the demo ones: the
 * login page in French and Spanish, the activation pages (choose a password, an administrator's OTP enrolment) and
 * an error page carry the collectivity's name, colours and logo, never the other's, and pass axe (WCAG 2.1 AA plus
 * the experimental label-content-name-mismatch rule that Keycloak's stock page fails) with no serious or critical
 * violation. The portal's home, before sign-in, wears the same colours (computed, so the page's CSP allowed them).
 */
@ResourceLock(Platform.DEMOS)
class LoginThemeIT {

    private static final List<String> EXTRA_RULES = List.of(AccessibilityScan.LABEL_CONTENT_NAME_MISMATCH);
    private static final String PASSWORD = "demo-like-"
            + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)); // 12 characters at least

    record Brand(String slug, String kind, String displayName, String primary, String accent, Color logo) {
        String domain() {
            return slug + ".localhost";
        }

        String realm() {
            return Realms.ofCollectivity(slug);
        }
    }

    static final Brand LYON = new Brand(slug("theme-lyon"), "commune", "Ville de Lyon", "#c8102e", "#1d3557",
            new Color(0xc8, 0x10, 0x2e));
    static final Brand OCCITANIE = new Brand(slug("theme-occitanie"), "région", "Région Occitanie", "#005f73",
            "#9b1b30", new Color(0x00, 0x5f, 0x73));

    static Platform platform;

    @BeforeAll
    static void twoBrandedCollectivities() throws Exception {
        platform = Platform.get();
        for (Brand b : List.of(LYON, OCCITANIE)) {
            platform.provisionActive(b.slug(), b.kind(), b.displayName(), b.domain());
            HttpResponse<String> colours = platform.admin("PUT", "/collectivities/" + b.slug() + "/branding",
                    "{\"primaryColor\":\"" + b.primary() + "\",\"accentColor\":\"" + b.accent() + "\"}");
            assertThat(colours.statusCode()).as(colours.body()).isEqualTo(200);
            HttpResponse<String> logo = platform.client().adminBytes("PUT", "/collectivities/" + b.slug()
                    + "/branding/logo", "image/png", TestLogos.png(b.logo()));
            assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);
        }
    }

    @Test
    void theLoginPageOfEachCollectivityIsItsOwnAndAccessibleInFrenchAndSpanish() {
        for (Brand b : List.of(LYON, OCCITANIE)) {
            Brand other = b == LYON ? OCCITANIE : LYON;
            try (RealBrowser browser = RealBrowser.start()) {
                openLoginPage(browser, b);

                browser.click(By.cssSelector(".ent-languages a[hreflang='fr']"));
                assertThat(lang(browser)).isEqualTo("fr");
                assertThat(browser.text()).contains("Connexion à votre ENT");
                assertBranded(browser, b, other);
                AccessibilityScan.assertNoSeriousViolation(browser.driver(), b.displayName() + ", login, fr",
                        EXTRA_RULES);

                browser.click(By.cssSelector(".ent-languages a[hreflang='es']"));
                assertThat(lang(browser)).isEqualTo("es");
                assertThat(browser.text()).contains("Inicia sesión en tu ENT");
                assertBranded(browser, b, other);
                AccessibilityScan.assertNoSeriousViolation(browser.driver(), b.displayName() + ", login, es",
                        EXTRA_RULES);
            }
        }
    }

    @Test
    void choosingAPasswordAtActivationIsBrandedAndAccessible() throws Exception {
        Brand b = LYON;
        String username = "activation." + slug("x");
        String id = platform.keycloak().ensureUser(b.realm(), username, "Camille", "Activation", PASSWORD,
                List.of("Teacher"), Map.of());
        // What an activation code is: a temporary password, to be replaced at the first login.
        HttpResponse<String> actions = platform.keycloak().admin("PUT", "/admin/realms/" + b.realm() + "/users/" + id,
                "{\"requiredActions\":[\"UPDATE_PASSWORD\"]}");
        assertThat(actions.statusCode()).as(actions.body()).isEqualTo(204);
        try (RealBrowser browser = RealBrowser.start()) {
            openLoginPage(browser, b);
            browser.signInOnKeycloak(username, PASSWORD);

            awaitElement(browser, By.id("password-new"));
            assertThat(browser.text()).contains("Choisissez votre mot de passe");
            assertBranded(browser, b, OCCITANIE);
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), b.displayName() + ", choose password",
                    EXTRA_RULES);
        }
    }

    @Test
    void anAdministratorsOtpEnrolmentIsBrandedAndAccessible() throws Exception {
        Brand b = OCCITANIE;
        String username = "admin." + slug("x");
        // SUPER_ADMIN must give a TOTP code (BrowserFlow): at the first login Keycloak has them enrol an app.
        platform.keycloak().ensureUser(b.realm(), username, "Alex", "Admin", PASSWORD,
                List.of("SUPER_ADMIN", "Personnel"), Map.of());
        try (RealBrowser browser = RealBrowser.start()) {
            openLoginPage(browser, b);
            browser.signInOnKeycloak(username, PASSWORD);

            awaitElement(browser, By.id("totp"));
            assertThat(browser.text()).contains("Configurez votre application d’authentification");
            assertBranded(browser, b, LYON);
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), b.displayName() + ", OTP set-up",
                    EXTRA_RULES);
        }
    }

    @Test
    void anErrorPageIsBrandedAndAccessible() {
        Brand b = OCCITANIE;
        try (RealBrowser browser = RealBrowser.start()) {
            // a client that does not exist: Keycloak's error page, in our layout
            browser.open(platform.identity().baseUrl() + "/realms/" + b.realm()
                    + "/protocol/openid-connect/auth?client_id=nobody&response_type=code&ui_locales=fr"
                    + "&redirect_uri=http%3A%2F%2Fexample.invalid%2F");
            assertThat(browser.text()).contains(b.displayName());
            assertBranded(browser, b, LYON);
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), b.displayName() + ", error page",
                    EXTRA_RULES);
        }
    }

    /** The portal's sign-in link leads to the collectivity realm's login page; the portal wears its colours. */
    private static void openLoginPage(RealBrowser browser, Brand b) {
        browser.open("http://" + b.domain() + ":" + platform.server().runtimeBase().getPort() + "/");
        String brand = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()");
        assertThat(brand).as("portal colour of " + b.slug()).isEqualTo(b.primary());
        WebElement portalLogo = browser.driver().findElement(By.cssSelector("header.shell img.logo"));
        assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : -1", portalLogo)).intValue())
                .as("portal logo loaded").isEqualTo(32);
        browser.click(By.cssSelector("a[href^='/auth/login']"));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        awaitElement(browser, By.id("kc-header"));
    }

    /** The page shows this collectivity's name, colours and logo (an image that loads), and nothing of the other's. */
    private static void assertBranded(RealBrowser browser, Brand b, Brand other) {
        WebElement header = browser.driver().findElement(By.id("kc-header"));
        assertThat(header.getText()).contains(b.displayName());
        String primary = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--ent-primary').trim()");
        assertThat(primary).isEqualTo(b.primary());
        WebElement logo = header.findElement(By.cssSelector("img.ent-logo"));
        assertThat(logo.getAttribute("src")).startsWith("http://" + b.domain() + ":").contains("/branding/logo?v=");
        Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : -1", logo);
        assertThat(width.intValue()).as("logo loaded").isEqualTo(32);
        assertThat(browser.pageSource()).doesNotContain(other.primary(), other.accent(), other.domain(),
                other.displayName());
    }

    private static String lang(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("html")).getAttribute("lang");
    }

    private static void awaitElement(RealBrowser browser, By element) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                .withMessage(() -> "no " + element + " at " + browser.currentUrl() + ":\n" + browser.text())
                .until(d -> !d.findElements(element).isEmpty());
    }

    private static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
