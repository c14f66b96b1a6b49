package fr.ent.platform.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.local.DemoData.Demo;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17's path in a real Chromium (ADR 0023): Lyon's demo administrator declares a school, uploads the real BE1D
 * export of École Émile Zola (shared/data) as a dry run, reads it line by line, confirms it, opens the class CP and
 * prints its activation letters: a PDF with one page per pupil of CP. Pages scanned with axe-core.
 *
 * <p>The demo is shared with DemoWalkIT, ConsolePagesIT and DemoReportsIT, in any order: the import goes into a school
 * of its own (a new UAI each run), never the demo school, whose people are the only ones DemoData gives accounts
 * to; the administrator's enrolled authenticator is forgotten before and after, as ConsolePagesIT does.
 */
class ConsoleImportPagesIT {

    static Platform platform;
    static Demo lyon;
    static String admin;

    @BeforeAll
    static void theDemoCollectivities() throws Exception {
        platform = Platform.get();
        platform.identity().keycloak().resolveToLoopback(DemoData.DEMOS.stream().map(Demo::domain).toList());
        DemoData.ensure(platform.client(), platform.keycloak(), System.out::println);
        lyon = DemoData.DEMOS.get(0);
        admin = "admin." + lyon.slug().replace("demo-", "");
        forgetSecondFactor(admin);
    }

    @AfterAll
    static void putTheDemoBack() throws Exception {
        forgetSecondFactor(admin);
    }

    @Test
    void lyonsAdministratorImportsTheRealExportThenPrintsTheLettersOfOneClass() throws Exception {
        String portal = "http://" + lyon.domain() + ":" + platform.server().runtimeBase().getPort();
        String uai = DirectoryApi.randomUai();
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open(portal + "/");
            browser.click(By.cssSelector("a[href^='/auth/login']"));
            browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
            assertThat(SecondFactorEnrolment.signIn(browser, admin, DemoData.DEMO_PASSWORD, portal + "/")).isTrue();

            browser.open(portal + "/console/schools/new");
            browser.driver().findElement(By.id("uai")).sendKeys(uai);
            browser.driver().findElement(By.id("name")).sendKeys("École Émile Zola");
            clickAndWait(browser, By.cssSelector("form.console-form button[type='submit']"));
            assertThat(browser.text()).contains("École Émile Zola", uai);
            String schoolId = browser.currentUrl().replaceAll(".*/console/schools/([0-9a-f-]{36}).*", "$1");

            clickAndWait(browser, By.linkText("Imports et comptes"));
            assertThat(browser.text()).contains("Importer (BE1D) : École Émile Zola");
            scan(browser, "imports");
            // this run's school (an earlier run on the same data may have left another "École Émile Zola")
            browser.open(portal + "/console/imports/schools/" + schoolId);
            for (String part : new String[] {"eleves", "enseignants", "responsables"}) {
                browser.driver().findElement(By.id("file-" + part))
                        .sendKeys(sample().resolve("CSVExtraction-" + part + ".csv").toString());
            }
            scan(browser, "upload form");
            long started = System.nanoTime();
            clickAndWait(browser, By.xpath("//button[normalize-space()='Simuler l’import' or normalize-space()=\"Simuler l'import\"]"));
            long dryRun = (System.nanoTime() - started) / 1_000_000;
            assertThat(browser.text()).contains("Simulation terminée", "Simulation en attente de confirmation",
                    "Changements, ligne par ligne : 738", "Lignes rejetées : 0", "élève CAILLET Eléa");
            assertThat(directoryOf(uai)).as("nothing written before the confirmation").isEqualTo("[]");
            scan(browser, "dry run");

            started = System.nanoTime();
            clickAndWait(browser, By.xpath("//button[normalize-space()=\"Confirmer l'import\"]"));
            long apply = (System.nanoTime() - started) / 1_000_000;
            assertThat(browser.text()).contains("Import appliqué.", "Appliqué", "Ce que l'import a fait");
            System.out.println("BE1D sample through the console: dry run " + dryRun + " ms, apply " + apply + " ms");
            scan(browser, "applied import");

            clickAndWait(browser, By.linkText("Comptes et lettres d'activation des classes"));
            clickAndWait(browser, By.linkText("Classe CP"));
            assertThat(browser.text()).contains("Élèves : 28, dont 0 compte(s) activé(s)", "Pas encore de compte");
            scan(browser, "a class's accounts");

            // The print form's PDF, posted with this browser's session (a download is not a page to read)
            String csrf = browser.driver().findElement(By.cssSelector("form[action$='/letters'] input[name='csrf']"))
                    .getAttribute("value");
            String classId = browser.driver().findElement(By.cssSelector("form[action$='/letters'] input[name='class']"))
                    .getAttribute("value");
            String action = browser.driver().findElement(By.cssSelector("form[action$='/letters']")).getAttribute("action");
            LoginAgent session = new LoginAgent(platform.server().runtimeBase());
            session.setCookie(lyon.domain(), "JSESSIONID",
                    browser.driver().manage().getCookieNamed("JSESSIONID").getValue());
            started = System.nanoTime();
            HttpResponse<byte[]> letters = session.sendBytes("POST", URI.create(action),
                    "application/x-www-form-urlencoded", ("csrf=" + LoginAgent.encode(csrf) + "&class=" + classId
                            + "&audience=STUDENTS").getBytes(StandardCharsets.UTF_8));
            long print = (System.nanoTime() - started) / 1_000_000;
            assertThat(letters.statusCode()).isEqualTo(200);
            try (PDDocument pdf = Loader.loadPDF(letters.body())) {
                assertThat(pdf.getNumberOfPages()).as("one page per pupil of CP").isEqualTo(pupilsOf("CP"));
            }
            System.out.println("activation letters of CP (" + pupilsOf("CP") + " pupils, accounts created): " + print
                    + " ms, " + letters.body().length / 1024 + " KiB");
            browser.driver().navigate().refresh();
            // the pupils now have accounts waiting for activation (their parents, no letter printed yet, none)
            assertThat(browser.text()).contains("En attente d'activation", "Pas encore de compte");
            assertThat(browser.text().split("En attente d'activation", -1).length - 1).isEqualTo(pupilsOf("CP"));
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            assertThat(browser.contentWidth()).isLessThanOrEqualTo(browser.viewportWidth());
            scan(browser, "a class's accounts, on a phone");
        }
    }

    /** The directory's people of the school with this UAI, as JSON ("[]" when it has none or does not exist yet). */
    private static String directoryOf(String uai) throws Exception {
        String structures = platform.get(lyon.domain(), "/api/directory/structures").body();
        for (JsonValue s : Json.createReader(new StringReader(structures)).readArray()) {
            if (uai.equals(s.asJsonObject().getString("uai"))) {
                return Platform.json(platform.get(lyon.domain(), "/api/directory/users?structureId="
                        + s.asJsonObject().getString("id"))).getJsonArray("items").toString();
            }
        }
        return "[]";
    }

    private static long pupilsOf(String className) throws IOException {
        return Files.readAllLines(sample().resolve("CSVExtraction-eleves.csv"), Charset.forName("ISO-8859-1"))
                .stream().skip(1).map(l -> l.split(";", -1)).filter(c -> c.length > 15)
                .filter(c -> c[15].replace("\"", "").equals(className)).count();
    }

    private static Path sample() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("be1d-ecole-emile-zola");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/be1d-ecole-emile-zola not found above " + start);
    }

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

    private static void clickAndWait(RealBrowser browser, By what) {
        WebElement element = browser.driver().findElement(what);
        element.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(driver -> gone(element));
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
