package fr.ent.platform.it.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * "Mon compte" and "Ma classe" in a real Chromium, signed in through Keycloak's form: a teacher on a desktop window,
 * a pupil on a phone-sized one (nothing wider than the screen either), the pupil's pages scanned with axe-core
 * against WCAG 2.1 AA (no serious or critical violation). Opening a page signed out goes through the login and back
 * to it. A teacher's two pages at a desktop's width are scanned by DemoWalkIT (the demo's teacher of CP, the same
 * class as here, every violation counted), so not a second time here.
 */
class MyClassAccessibilityIT {

    private static Platform platform;
    private static ClassFixture school;

    @BeforeAll
    static void aSchoolWithAClass() {
        platform = Platform.get();
        school = ClassFixture.create("a11y-class");
    }

    @Test
    void aTeachersAccountAndClassPages() {
        try (RealBrowser browser = RealBrowser.start()) {
            signInAt(browser, "/account", "sophie.martin");
            assertThat(browser.text()).contains("Mon compte", "sophie.martin", "École Jean Macé", "CP");

            browser.click(By.cssSelector("nav a[href='/directory/my-class']"));
            browser.awaitUrlStartingWith(url("/directory/my-class"));
            assertThat(browser.text()).contains("Ma classe", "Léa Durand", "Hugo Moreau", "Nicolas Durand");
        }
    }

    @Test
    void aPupilsAccountAndClassPagesOnAPhone() {
        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(phone, "/directory/my-class", "lea.durand");
            assertThat(phone.text()).contains("Ma classe", "Hugo Moreau", "Sophie Martin")
                    .doesNotContain("Nicolas Durand");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            AccessibilityScan.assertNoSeriousViolation(phone.driver(), "Ma classe, élève, téléphone");

            phone.click(By.cssSelector("a[href='/account']"));
            phone.awaitUrlStartingWith(url("/account"));
            assertThat(phone.text()).contains("Mon compte", "lea.durand", "Nicolas Durand");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            AccessibilityScan.assertNoSeriousViolation(phone.driver(), "Mon compte, élève, téléphone");
        }
    }

    /** Opens a page signed out: the portal sends the browser to Keycloak's form, then back to that page. */
    private static void signInAt(RealBrowser browser, String path, String username) {
        browser.open(url(path));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, ClassFixture.PASSWORD);
        browser.awaitUrlStartingWith(url(path));
        assertThat(browser.currentUrl()).isEqualTo(url(path));
    }

    private static String url(String path) {
        return "http://" + school.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }
}
