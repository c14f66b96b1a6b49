package fr.ent.platform.it.portal;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import fr.ent.platform.testing.browser.RealBrowser;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a user does in the signed-in portal, in a real browser, shared by the portal's browser tests: sign in from
 * a collectivity's home page through our Keycloak login theme (with the second factor administrators must use),
 * fill and send the pages' forms (the steps of every page test: {@link fr.ent.platform.it.PageSteps}).
 */
final class PortalSteps {

    private PortalSteps() {
    }

    /**
     * From the portal's home page ({@code portal}: scheme, host and port), presses « Se connecter », signs in on
     * Keycloak's form and, when Keycloak asks an administrator to enrol their second factor, enrols an
     * authenticator (its secret read from the page, the code computed as an app would); waits until the browser is
     * back on the portal. (A later sign-in of an administrator would ask for a code: no walk signs one in twice.)
     */
    static void signIn(RealBrowser browser, String portal, String username, String password) {
        browser.open(portal + "/");
        browser.click(By.cssSelector("a[href^='/auth/login']"));
        browser.awaitUrlStartingWith(Platform.get().identity().baseUrl().toString());
        SecondFactorEnrolment.signIn(browser, username, password, portal + "/");
    }

    /**
     * Reloads the page at {@code path} of the current portal until it shows {@code text} (work done in the
     * background, such as a notification's fan-out), for 30 s at most.
     */
    static void awaitText(RealBrowser browser, String path, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!browser.text().contains(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            browser.open(browser.currentUrl().replaceAll("(https?://[^/]+).*", "$1") + path);
        }
        assertThat(browser.text()).contains(text);
    }

    static void fill(RealBrowser browser, String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    static String value(RealBrowser browser, String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    /** Sends one of the page's forms and waits for the next page (the old one gone). */
    static void submit(RealBrowser browser, String form) {
        clickAndWait(browser, By.xpath("//input[@name='form' and @value='" + form + "']/ancestor::form//button"));
    }
}
