package fr.ent.platform.it.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's download of their data (issue 18, ADR 0030) on the real platform: a pupil asks for her archive over the
 * API, follows its progress and downloads a ZIP holding her directory entry, the message her teacher wrote her, her
 * document's bytes, a manifest and a French README; nobody else reaches it (another person of her collectivity,
 * another collectivity's Host, her token on another collectivity, guessed ids); the request, the archive and the
 * download are in the collectivity's audit trail; past its time the archive is gone. Then the same in a browser,
 * from Mon compte, without a script (refreshing the page), every page scanned with axe-core, one on a phone.
 */
class PersonalDataIT {

    private static final String API = "/api/privacy/exports";
    private static final byte[] PDF = "%PDF-1.4\n% exposé sur les volcans\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String lea;
    private static String sophie;
    private static String sophieOfB;

    @BeforeAll
    static void twoCollectivities() {
        platform = Platform.get();
        a = ClassFixture.create("privacy-a");
        b = ClassFixture.create("privacy-b");
        lea = token(a, "lea.durand");
        sophie = token(a, "sophie.martin");
        sophieOfB = token(b, "sophie.martin");
    }

    @Test
    void aPupilDownloadsEverythingAboutHerAndNobodyElseReachesIt() throws Exception {
        // what the platform keeps about Léa: a document of hers and a message from her teacher
        HttpResponse<String> upload = platform.send(a.domain(), "POST", "/api/documents/files?name="
                + URLEncoder.encode("exposé volcans.pdf", StandardCharsets.UTF_8), "application/pdf", PDF,
                "Bearer " + lea);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String documentId = Platform.json(upload).getString("id");
        String draft = Platform.json(call(a, sophie, "POST", "/api/messagerie/drafts", "{\"to\":[\"user:" + a.lea
                + "\"],\"subject\":\"Ton exposé\",\"body\":\"<p>Bravo pour ton exposé.</p>\"}")).getString("id");
        assertThat(call(a, sophie, "POST", "/api/messagerie/drafts/" + draft + "/send", "").statusCode())
                .isEqualTo(201);

        HttpResponse<String> asked = call(a, lea, "POST", API, "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String id = Platform.json(asked).getString("id");
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith(".localhost" + API + "/" + id);
        JsonObject ready = awaitReady(a, lea, id);
        assertThat(ready.getInt("stepsDone")).isEqualTo(ready.getInt("stepsTotal"));
        assertThat(ready.getJsonNumber("size").longValue()).isPositive();
        assertThat(ready.getString("expiresAt")).isNotBlank();

        // nobody else: another person, another collectivity's Host, her token there, guessed ids; nor anonymous
        problem(call(a, sophie, "GET", API + "/" + id, null), 404, "personal-export-not-found");
        problem(call(a, sophie, "GET", API + "/" + id + "/archive", null), 404, "personal-export-not-found");
        assertThat(Json.createReader(new StringReader(call(a, sophie, "GET", API, null).body())).readArray()
                .toString()).doesNotContain(id);
        problem(call(b, sophieOfB, "GET", API + "/" + id + "/archive", null), 404, "personal-export-not-found");
        problem(call(b, lea, "GET", API + "/" + id, null), 401, "invalid-token");
        problem(call(a, sophieOfB, "GET", API + "/" + id + "/archive", null), 401, "invalid-token");
        problem(call(a, lea, "GET", API + "/" + UUID.randomUUID() + "/archive", null), 404,
                "personal-export-not-found");
        problem(call(a, lea, "GET", API + "/not-an-id", null), 404, "personal-export-not-found");
        problem(platform.send(a.domain(), "GET", API + "/" + id + "/archive", null, null, null), 401,
                "unauthenticated");

        // the archive
        HttpResponse<byte[]> zip = bytes(a, lea, API + "/" + id + "/archive");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("mes-donnees-" + a.slug);
        Map<String, byte[]> entries = unzip(zip.body());
        assertThat(entries).containsKeys("LISEZMOI.txt", "manifeste.json", "directory.json", "messagerie.json",
                "documents.json", "notifications.json", "privacy.json");
        assertThat(entries.get("files/documents/" + documentId + "/exposé volcans.pdf")).isEqualTo(PDF);
        JsonObject person = sections(entries, "directory.json").getJsonArray("person").getJsonObject(0);
        assertThat(person.getString("first_name")).isEqualTo("Léa");
        assertThat(person.getString("id")).isEqualTo(a.lea);
        assertThat(sections(entries, "directory.json").getJsonArray("classes").getJsonObject(0).getString("name"))
                .isEqualTo("CP");
        JsonObject message = sections(entries, "messagerie.json").getJsonArray("messages").getJsonObject(0);
        assertThat(message.getString("subject")).isEqualTo("Ton exposé");
        assertThat(message.getString("box")).isEqualTo("INBOX");
        assertThat(message.getString("author_name")).isEqualTo("Sophie Martin");
        assertThat(sections(entries, "documents.json").getJsonArray("nodes").getJsonObject(0).getString("name"))
                .isEqualTo("exposé volcans.pdf");
        JsonObject manifest = json(entries, "manifeste.json");
        assertThat(manifest.getString("format")).isEqualTo("ent-personal-export/1");
        assertThat(manifest.getJsonObject("person").getString("login")).isEqualTo("lea.durand");
        // every app with tables states its contract (DataContractsTest): one manifest entry each
        assertThat(manifest.getJsonArray("apps").getValuesAs(JsonObject.class)).extracting(a -> a.getString("app"))
                .contains("directory", "messagerie", "documents", "wiki", "courses", "communities", "privacy").hasSize(14);
        String readme = new String(entries.get("LISEZMOI.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("VOS DONNÉES", "« lea.durand »", "manifeste.json", "files/documents/",
                "CE QUE L'ARCHIVE NE CONTIENT PAS");

        // her teacher's own archive holds her teacher's data, not Léa's document
        String sophies = Platform.json(call(a, sophie, "POST", API, "")).getString("id");
        awaitReady(a, sophie, sophies);
        Map<String, byte[]> hers = unzip(bytes(a, sophie, API + "/" + sophies + "/archive").body());
        assertThat(hers.keySet()).noneMatch(name -> name.startsWith("files/documents/"));
        assertThat(sections(hers, "directory.json").getJsonArray("person").getJsonObject(0).getString("first_name"))
                .isEqualTo("Sophie");
        assertThat(sections(hers, "messagerie.json").getJsonArray("messages").getJsonObject(0).getString("box"))
                .isEqualTo("SENT");

        // the collectivity's audit trail: asked, ready, downloaded, by whom
        // (her school: its local administrators read them too)
        assertThat(audit(a, id)).containsExactly("PERSONAL_EXPORT_REQUESTED lea.durand DONE " + a.uaiA,
                "PERSONAL_EXPORT_READY lea.durand DONE " + a.uaiA, "PERSONAL_EXPORT_DOWNLOADED lea.durand DONE "
                        + a.uaiA);

        // past its time the archive is gone, its request stays
        sql(a, "UPDATE personal_export SET expires_at = now() - interval '1 second' WHERE id = '" + id + "'");
        assertThat(Platform.json(call(a, lea, "GET", API + "/" + id, null)).getString("state")).isEqualTo("EXPIRED");
        problem(call(a, lea, "GET", API + "/" + id + "/archive", null), 409, "personal-export-expired");
    }

    @Test
    void fromMyAccountInABrowserWithoutScriptOnAPhone() throws Exception {
        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            phone.open(url(a, "/account"));
            phone.awaitUrlStartingWith(platform.identity().baseUrl().toString());
            phone.signInOnKeycloak("hugo.moreau", ClassFixture.PASSWORD);
            phone.awaitUrlStartingWith(url(a, "/account"));
            assertThat(phone.text()).contains("Mes données", "Télécharger mes données");
            clickAndWait(phone, By.linkText("Télécharger mes données"));
            assertThat(main(phone)).contains("Mes données", "Préparer mon archive",
                    "Vous n'avez encore demandé aucune archive.");
            scan(phone, "my data, nothing asked yet");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());

            clickAndWait(phone, By.cssSelector("form[action='/privacy/exports'] button"));
            assertThat(phone.currentUrl()).contains("/privacy/exports/");
            assertThat(main(phone)).contains("Mon archive", "Demandée le");
            scan(phone, "my archive, asked");
            // no script: the person refreshes the page until it is ready
            Instant until = Instant.now().plus(Duration.ofSeconds(90));
            while (!main(phone).contains("Prête") && Instant.now().isBefore(until)) {
                assertThat(main(phone)).containsAnyOf("En attente", "En préparation");
                Thread.sleep(500);
                phone.open(phone.currentUrl());
            }
            assertThat(main(phone)).contains("Prête", "Télécharger mon archive (ZIP", "Téléchargeable jusqu'au");
            scan(phone, "my archive, ready");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());
            String page = phone.currentUrl();
            clickAndWait(phone, By.linkText("Retour à mes demandes"));
            assertThat(main(phone)).contains("Mes demandes", "Prête");
            scan(phone, "my data, one archive ready");

            // another person's request, or a guessed one, is the readable "not found" page
            phone.open(url(a, "/privacy/exports/" + UUID.randomUUID()));
            assertThat(phone.text()).contains("Archive introuvable");
            scan(phone, "an archive that is not there");
            assertThat(page).startsWith(url(a, "/privacy/exports/"));
        }
    }

    private static JsonObject awaitReady(ClassFixture c, String token, String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            JsonObject job = Platform.json(call(c, token, "GET", API + "/" + id, null));
            seen.add(job.getString("state"));
            if (job.getString("state").equals("READY")) {
                return job;
            }
            assertThat(job.getString("state")).as(job.toString()).isIn("QUEUED", "RUNNING");
            Thread.sleep(200);
        }
        throw new AssertionError("archive " + id + " not ready in 90 s: " + seen);
    }

    private static List<String> audit(ClassFixture c, String id) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection db = platform.database().getConnection(); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT action, actor, outcome, schools FROM " + schema(c)
                        + ".console_audit WHERE detail LIKE 'archive " + id + "%' ORDER BY seq")) {
            while (rows.next()) {
                lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4));
            }
        }
        return lines;
    }

    private static void sql(ClassFixture c, String statement) throws Exception {
        try (Connection db = platform.database().getConnection(); Statement s = db.createStatement()) {
            s.execute("SET search_path TO " + schema(c));
            s.executeUpdate(statement);
        }
    }

    private static String schema(ClassFixture c) {
        return "t_" + c.slug.replace('-', '_');
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static JsonObject json(Map<String, byte[]> entries, String name) {
        assertThat(entries).containsKey(name);
        return Json.createReader(new StringReader(new String(entries.get(name), StandardCharsets.UTF_8))).readObject();
    }

    private static JsonObject sections(Map<String, byte[]> entries, String name) {
        return json(entries, name).getJsonObject("sections");
    }

    private static void problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Platform.json(response).getString("type")).isEqualTo("urn:ent:problem:" + code);
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json) {
        return platform.send(c.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static HttpResponse<byte[]> bytes(ClassFixture c, String token, String path) {
        try {
            return platform.client().runtime(c.domain(), "GET", path, null, null,
                    Map.of("Authorization", "Bearer " + token), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }

    private static String main(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static void clickAndWait(RealBrowser browser, By what) {
        WebElement element = browser.driver().findElement(what);
        element.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> gone(element));
    }

    /** Chrome 150 also answers a node of a page being replaced with "does not belong to the document". */
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

    private static String url(ClassFixture c, String path) {
        return "http://" + c.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }
}
