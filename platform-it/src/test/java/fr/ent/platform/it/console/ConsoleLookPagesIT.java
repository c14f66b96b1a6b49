package fr.ent.platform.it.console;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.local.DemoData.Demo;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's apps, look, service and audit pages in a real Chromium, as Lyon's demo administrator uses them
 * (docs/console.md; signed in by {@link ConsoleSession}, shared with the console's other browser classes): disables
 * an app and enables it again, is refused a pale colour with its contrast ratio, saves darker colours, reads the SLA
 * and compliance reports and the audit trail of what was just done. Each page is scanned with axe-core (WCAG 2.1
 * AA) once, the look page with a colour refused (its richest state), the service page also at a phone's width. The
 * demo is shared with the other browser classes: the apps' choice and the colours are put back as they were,
 * whatever happens here.
 */
@Order(ConsoleSession.ORDER)
@ResourceLock(Platform.DEMOS)
class ConsoleLookPagesIT {

    static Platform platform;
    static Demo lyon;
    static String admin;
    static JsonValue appsBefore;
    static JsonObject brandingBefore;

    @BeforeAll
    static void theDemoCollectivities() {
        platform = Platform.get();
        platform.demos();
        lyon = ConsoleSession.lyon();
        admin = ConsoleSession.admin();
        appsBefore = Platform.json(platform.admin("GET", "/collectivities/" + lyon.slug() + "/apps", null))
                .get("enabled");
        brandingBefore = Platform.json(platform.admin("GET", "/collectivities/" + lyon.slug() + "/branding", null));
    }

    @AfterAll
    static void putTheDemoBack() {
        if (appsBefore != null) {
            platform.admin("PUT", "/collectivities/" + lyon.slug() + "/apps", Json.createObjectBuilder()
                    .add("enabled", appsBefore).build().toString());
        }
        if (brandingBefore != null) {
            platform.admin("PUT", "/collectivities/" + lyon.slug() + "/branding", Json.createObjectBuilder()
                    .add("primaryColor", brandingBefore.get("primaryColor"))
                    .add("accentColor", brandingBefore.get("accentColor")).build().toString());
        }
    }

    @Test
    void lyonsAdministratorChoosesAppsAndColoursAndReadsTheReports() throws Exception {
        String portal = ConsoleSession.portal();
        RealBrowser browser = ConsoleSession.browser();
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
