package fr.ent.platform.it.console;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.local.DemoData.Demo;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * Issue 17's path in a real Chromium (ADR 0023): Lyon's demo administrator declares a school, uploads the real BE1D
 * export of École Émile Zola (shared/data) as a dry run, reads it line by line, confirms it, opens the class CP and
 * prints its activation letters: a PDF with one page per pupil of CP. Each page template is scanned with axe-core
 * once, in its richest state: the schools to import into, the upload form, the dry run's 738 lines with the form
 * that confirms them (the applied import is the same template and lines), the class's accounts once the letters are
 * printed, on a phone.
 *
 * <p>The demo is shared with DemoWalkIT, ConsolePagesIT and DemoReportsIT, in any order: the import goes into a school
 * of its own (a new UAI each run), never the demo school, whose people are the only ones DemoData gives accounts
 * to; the administrator is signed in by {@link ConsoleSession}, shared with the console's other browser classes.
 */
@Order(ConsoleSession.ORDER)
@ResourceLock(Platform.DEMOS)
class ConsoleImportPagesIT {

    static Platform platform;
    static Demo lyon;

    @BeforeAll
    static void theDemoCollectivities() {
        platform = Platform.get();
        platform.demos();
        lyon = ConsoleSession.lyon();
    }

    @Test
    void lyonsAdministratorImportsTheRealExportThenPrintsTheLettersOfOneClass() throws Exception {
        String portal = ConsoleSession.portal();
        String uai = DirectoryApi.randomUai();
        RealBrowser browser = ConsoleSession.browser();
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

        clickAndWait(browser, By.linkText("Comptes et lettres d'activation des classes"));
        clickAndWait(browser, By.linkText("Classe CP"));
        assertThat(browser.text()).contains("Élèves : 28, dont 0 compte(s) activé(s)", "Pas encore de compte");

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
        scan(browser, "a class's accounts with letters printed, on a phone");
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
}
