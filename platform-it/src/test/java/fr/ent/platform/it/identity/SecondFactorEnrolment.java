package fr.ent.platform.it.identity;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in through Keycloak's form in a real browser, enrolling the authenticator Keycloak asks an administrator
 * for at first login (realm browser flow, ADR 0013): the secret read from the page, the code computed as an app
 * would ({@link Totp}), and forgetting it again. One place for the browser tests of every app.
 */
public final class SecondFactorEnrolment {

    /** Keycloak's form enrolling the second factor. */
    public static final String FORM = "kc-totp-settings-form";

    private SecondFactorEnrolment() {
    }

    /**
     * Signs in on Keycloak's form (the browser is on it, or on its way) and, if Keycloak then asks for an
     * authenticator, enrols one; returns once the browser is back at {@code back} (a URL prefix).
     *
     * @return whether an authenticator was enrolled
     */
    public static boolean signIn(RealBrowser browser, String username, String password, String back) {
        browser.signInOnKeycloak(username, password);
        // The next page is either the enrolment form or already the way back: wait for one of them, as the form
        // page's address may change before its content is there (a loaded machine showed it).
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .withMessage(() -> "neither the enrolment form nor " + back + ": still at " + browser.currentUrl())
                .until(d -> d.getCurrentUrl().startsWith(back) || !d.findElements(By.id(FORM)).isEmpty());
        List<WebElement> enrol = browser.driver().findElements(By.id(FORM));
        boolean enrolled = !enrol.isEmpty() && !browser.currentUrl().startsWith(back);
        if (enrolled) {
            String secret = browser.driver().findElement(By.name("totpSecret")).getDomAttribute("value");
            browser.driver().findElement(By.id("totp")).sendKeys(Totp.next(secret));
            browser.driver().findElement(By.id("userLabel")).sendKeys("Téléphone");
            enrol.get(0).submit();
        }
        browser.awaitUrlStartingWith(back);
        return enrolled;
    }

    /**
     * Removes the account's OTP credentials in the collectivity's realm (Keycloak's admin API), as an administrator
     * does for a lost phone: its next sign-in asks it to enrol an authenticator again. Tests that enrol a demo
     * account's authenticator call it before and after, so that every other test still finds a first login.
     */
    public static void forget(String slug, String username) throws IOException, InterruptedException {
        Platform platform = Platform.get();
        String realm = Realms.ofCollectivity(slug);
        String users = platform.keycloak().admin("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + username, null).body();
        for (JsonValue user : Json.createReader(new StringReader(users)).readArray()) {
            String id = user.asJsonObject().getString("id");
            String credentials = platform.keycloak().admin("GET", "/admin/realms/" + realm + "/users/" + id
                    + "/credentials", null).body();
            for (JsonValue c : Json.createReader(new StringReader(credentials)).readArray()) {
                if ("otp".equals(c.asJsonObject().getString("type", ""))) {
                    platform.keycloak().admin("DELETE", "/admin/realms/" + realm + "/users/" + id
                            + "/credentials/" + c.asJsonObject().getString("id"), null);
                }
            }
        }
    }
}
