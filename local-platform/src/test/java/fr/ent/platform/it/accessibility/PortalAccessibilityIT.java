package fr.ent.platform.it.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The portal home of two collectivities shaped like the demo ones (a commune with an école, a région with a lycée),
 * opened in a real Chromium, anonymous and signed in through Keycloak's login form, scanned with axe-core against
 * WCAG 2.1 AA: no serious or critical violation. Once on a phone-sized window too.
 *
 * <p>The login page (our theme, see LoginThemeIT) is scanned strictly on the way too, with axe's experimental
 * label-content-name-mismatch rule on. No rule is switched off anywhere.
 */
class PortalAccessibilityIT {

    private static final String PASSWORD = "demo-like-" + ThreadLocalRandom.current().nextInt(1_000_000);

    record Collectivity(String slug, String kind, String displayName, String uai, String school, String type,
            String username, String firstName, String lastName) {
        String domain() {
            return slug + ".localhost";
        }
    }

    static final Collectivity LYON = new Collectivity(slug("a11y-lyon"), "commune", "Ville de Lyon", "0693331W",
            "École élémentaire Jean Macé", "ECOLE", "sophie.martin", "Sophie", "Martin");
    static final Collectivity OCCITANIE = new Collectivity(slug("a11y-occitanie"), "région", "Région Occitanie",
            "0310036W", "Lycée Pierre de Fermat", "LYCEE", "antoine.garcia", "Antoine", "Garcia");

    static Platform platform;

    @BeforeAll
    static void twoDemoLikeCollectivities() throws Exception {
        platform = Platform.get();
        for (Collectivity c : List.of(LYON, OCCITANIE)) {
            platform.provisionActive(c.slug(), c.kind(), c.displayName(), c.domain());
            assertThat(platform.postJson(c.domain(), "/api/directory/structures", "{\"uai\":\"" + c.uai()
                    + "\",\"name\":\"" + c.school() + "\",\"type\":\"" + c.type() + "\"}").statusCode())
                    .as(c.school()).isEqualTo(201);
            platform.keycloak().ensureUser(Realms.ofCollectivity(c.slug()), c.username(), c.firstName(),
                    c.lastName(), PASSWORD, List.of("Teacher"), Map.of());
        }
    }

    @Test
    void theCommunesHomeHasNoSeriousViolationAnonymousNorSignedIn() {
        anonymousThenSignedIn(LYON);
    }

    @Test
    void theRegionsHomeHasNoSeriousViolationAnonymousNorSignedIn() {
        anonymousThenSignedIn(OCCITANIE);
    }

    @Test
    void onAPhoneTheHomeFitsTheScreenAndHasNoSeriousViolation() {
        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            phone.open(home(LYON));

            assertThat(phone.text()).contains(LYON.displayName(), LYON.school());
            assertThat(phone.viewportWidth()).isLessThanOrEqualTo(390);
            // nothing wider than the screen: no sideways scrolling
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            AccessibilityScan.assertNoSeriousViolation(phone.driver(), LYON.displayName() + ", phone, anonymous");

            signIn(phone, LYON);
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            AccessibilityScan.assertNoSeriousViolation(phone.driver(), LYON.displayName() + ", phone, signed in");
        }
    }

    private void anonymousThenSignedIn(Collectivity c) {
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open(home(c));

            assertThat(browser.title()).contains(c.displayName());
            assertThat(browser.text()).contains(c.displayName(), c.school(), "Se connecter");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), c.displayName() + ", anonymous");

            signIn(browser, c);
            assertThat(browser.text()).contains(c.firstName(), c.displayName(), c.school())
                    .doesNotContain("Se connecter");
            AccessibilityScan.assertNoSeriousViolation(browser.driver(), c.displayName() + ", signed in");
        }
    }

    /**
     * Presses the portal's sign-in link, types the account into Keycloak's form in the browser, and waits to be back
     * on the portal's home. The login page is scanned on the way.
     */
    private static void signIn(RealBrowser browser, Collectivity c) {
        browser.click(By.cssSelector("a[href^='/auth/login']"));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), c.displayName() + ", login page",
                List.of(AccessibilityScan.LABEL_CONTENT_NAME_MISMATCH));
        browser.signInOnKeycloak(c.username(), PASSWORD);
        browser.awaitUrlStartingWith(home(c));
        assertThat(browser.currentUrl()).isEqualTo(home(c));
    }

    private static String home(Collectivity c) {
        return "http://" + c.domain() + ":" + platform.server().runtimeBase().getPort() + "/";
    }

    private static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
