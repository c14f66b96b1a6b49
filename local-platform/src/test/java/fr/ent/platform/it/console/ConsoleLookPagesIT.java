package fr.ent.platform.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.local.DemoData.Demo;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's apps, look, service and audit pages in a real Chromium, as Lyon's demo administrator uses them
 * (docs/console.md): disables an app and enables it again, is refused a pale colour with its contrast ratio, saves
 * darker colours, reads the SLA and compliance reports and the audit trail of what was just done. Each screen is
 * scanned with axe-core (WCAG 2.1 AA), the service page also at a phone's width. The demo is shared with the other
 * browser classes: the apps' choice and the colours are put back as they were, and the administrator's enrolled
 * authenticator forgotten (as ConsolePagesIT does), whatever happens here.
 */
class ConsoleLookPagesIT {

    static Platform platform;
    static Demo lyon;
    static String admin;
    static JsonValue appsBefore;
    static JsonObject brandingBefore;

    @BeforeAll
    static void theDemoCollectivities() throws Exception {
        platform = Platform.get();
        platform.identity().keycloak().resolveToLoopback(DemoData.DEMOS.stream().map(Demo::domain).toList());
        DemoData.ensure(platform.client(), platform.keycloak(), System.out::println);
        lyon = DemoData.DEMOS.get(0);
        admin = "admin." + lyon.slug().replace("demo-", "");
        appsBefore = Platform.json(platform.admin("GET", "/collectivities/" + lyon.slug() + "/apps", null))
                .get("enabled");
        brandingBefore = Platform.json(platform.admin("GET", "/collectivities/" + lyon.slug() + "/branding", null));
        forgetSecondFactor(admin);
    }

    @AfterAll
    static void putTheDemoBack() throws Exception {
        if (appsBefore != null) {
            platform.admin("PUT", "/collectivities/" + lyon.slug() + "/apps", Json.createObjectBuilder()
                    .add("enabled", appsBefore).build().toString());
        }
        if (brandingBefore != null) {
            platform.admin("PUT", "/collectivities/" + lyon.slug() + "/branding", Json.createObjectBuilder()
                    .add("primaryColor", brandingBefore.get("primaryColor"))
                    .add("accentColor", brandingBefore.get("accentColor")).build().toString());
        }
        forgetSecondFactor(admin);
    }

    @Test
    void lyonsAdministratorChoosesAppsAndColoursAndReadsTheReports() {
        String portal = "http://" + lyon.domain() + ":" + platform.server().runtimeBase().getPort();
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open(portal + "/");
            browser.click(By.cssSelector("a[href^='/auth/login']"));
            browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
            assertThat(SecondFactorEnrolment.signIn(browser, admin, DemoData.DEMO_PASSWORD, portal + "/")).isTrue();

            browser.open(portal + "/console/apps");
            assertThat(browser.text()).contains("Applications de la collectivité", "Actualités", "Activée");
            scan(browser, "apps");
            clickAndWait(browser, By.cssSelector("button[aria-label='Désactiver Actualités']"));
            assertThat(browser.text()).contains("Application désactivée.");
            assertThat(browser.driver().findElements(By.cssSelector("button[aria-label='Activer Actualités']")))
                    .hasSize(1);
            clickAndWait(browser, By.cssSelector("button[aria-label='Activer Actualités']"));
            assertThat(browser.text()).contains("Application activée.");

            clickAndWait(browser, By.linkText("Apparence"));
            assertThat(browser.text()).contains("Apparence du portail", "Couleur principale", "Logo");
            scan(browser, "look");
            WebElement primary = browser.driver().findElement(By.id("primary"));
            primary.clear();
            primary.sendKeys("#ffcc00");
            clickAndWait(browser, By.xpath("//form[@action='/console/look/colours']//button"));
            assertThat(browser.text()).contains("Couleur principale refusée", "contraste de 1,51:1", "4,5:1");
            scan(browser, "look, a colour refused");
            primary = browser.driver().findElement(By.id("primary"));
            primary.clear();
            primary.sendKeys("#1f4e79");
            clickAndWait(browser, By.xpath("//form[@action='/console/look/colours']//button"));
            assertThat(browser.text()).contains("Couleurs enregistrées.");
            assertThat(browser.driver().findElement(By.id("primary")).getAttribute("value")).isEqualTo("#1f4e79");

            clickAndWait(browser, By.linkText("Service"));
            assertThat(browser.text()).contains("Service et conformité", "Rapports mensuels")
                    .containsAnyOf("Disponibilité mesurée", "Les mesures de disponibilité");
            scan(browser, "service");
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
            scan(browser, "service, on a phone");
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            clickAndWait(browser, By.linkText("Lire le rapport de conformité"));
            assertThat(browser.text()).contains("Verdict :", "règle(s)");

            clickAndWait(browser, By.linkText("Journal"));
            assertThat(browser.text()).contains("Journal des actions", "Actualités", "enabled", "disabled",
                    "#ffcc00 n'a qu'un contraste de 1,51:1", "Refusée", admin);
            scan(browser, "audit trail");
        }
    }

    /** Removes the account's OTP credentials (Keycloak's admin API), as ConsolePagesIT does. */
    private static void forgetSecondFactor(String username) throws Exception {
        String realm = Realms.ofCollectivity(lyon.slug());
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

    /** Clicks what leads to another page, and waits until the old page is gone. */
    private static void clickAndWait(RealBrowser browser, By what) {
        WebElement element = browser.driver().findElement(what);
        element.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> gone(element));
    }

    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static void scan(RealBrowser browser, String what) {
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), what);
    }
}
