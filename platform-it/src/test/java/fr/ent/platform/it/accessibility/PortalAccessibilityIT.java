package fr.ent.platform.it.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.local.DemoData.Demo;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The portal home of the two demo collectivities (a commune with an école, a région with a lycée; {@link DemoData},
 * seeded once per run: {@link Platform#demos}), opened in a real Chromium, anonymous and signed in as a teacher
 * through Keycloak's login form, scanned with axe-core against WCAG 2.1 AA: no serious or critical violation. Once
 * on a phone-sized window too.
 *
 * <p>The login page (our theme, see LoginThemeIT) is scanned strictly on the way too, with axe's experimental
 * label-content-name-mismatch rule on. No rule is switched off anywhere.
 */
@ResourceLock(Platform.DEMOS)
class PortalAccessibilityIT {

    record Collectivity(Demo demo, String username, String firstName) {
        String displayName() {
            return demo.displayName();
        }

        String school() {
            return demo.school();
        }

        String domain() {
            return demo.domain();
        }
    }

    /** Each demo's first teacher (Sophie Martin in Lyon, Antoine Garcia in Occitanie). */
    static final Collectivity LYON = teacherOf(DemoData.DEMOS.get(0));
    static final Collectivity OCCITANIE = teacherOf(DemoData.DEMOS.get(1));

    static Platform platform;

    @BeforeAll
    static void theDemoCollectivities() {
        platform = Platform.get();
        platform.demos();
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
        browser.signInOnKeycloak(c.username(), DemoData.DEMO_PASSWORD);
        browser.awaitUrlStartingWith(home(c));
        assertThat(browser.currentUrl()).isEqualTo(home(c));
    }

    private static String home(Collectivity c) {
        return "http://" + c.domain() + ":" + platform.server().runtimeBase().getPort() + "/";
    }

    private static Collectivity teacherOf(Demo demo) {
        String[] teacher = demo.people().stream().filter(p -> p[0].equals("Teacher")).findFirst().orElseThrow();
        return new Collectivity(demo, DemoData.login(teacher[2], teacher[1]), teacher[2]);
    }
}
