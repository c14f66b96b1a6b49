package fr.ent.platform.it.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.browser.RealBrowser;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reversibility (issue 18 item 5, ADR 0033) on the real platform, the "done when" path: a collectivity seeded
 * with the demo Lyon's content ({@link DemoData}: its school, classes, people and accounts; the shared demo Lyon itself
 * stays, other test classes use it) is exported whole by its SUPER_ADMIN; the archive ({@code ent-collectivity-export/1})
 * is verified and nobody else reaches it (another collectivity's administrator, a token of another realm, a pupil,
 * guessed ids); the same archive with one byte changed is refused by the operators' import with a problem and nothing
 * created. Then the collectivity is deleted (archived, schema and realm dropped), and the archive imported under a new
 * slug and domain gives a collectivity where the demo pupil Léa activates her account with the usual activation code,
 * signs in, and finds her teacher's message and her document, byte for byte.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReversibilityIT {

    private static final String API = "/api/privacy/collectivity-exports";
    private static final byte[] PDF = "%PDF-1.4\n% la photosynthèse\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final String NEW_PASSWORD = "nouveau-mot-de-passe-" + UUID.randomUUID().toString().substring(0, 6);

    private static Platform platform;
    /** The demo Lyon's content in a collectivity of this test's own (deleted by it). */
    private static Source a;
    private static ClassFixture b;
    private static String lea;
    private static String sophie;
    private static String adminA;
    private static String adminB;

    @BeforeAll
    static void twoCollectivities() {
        platform = Platform.get();
        a = Source.seed();
        b = ClassFixture.create("rev-b");
        lea = "Bearer " + Logins.accessToken(platform, a.slug, a.domain(), "lea.durand", DemoData.DEMO_PASSWORD);
        sophie = "Bearer " + Logins.accessToken(platform, a.slug, a.domain(), "sophie.martin", DemoData.DEMO_PASSWORD);
        adminA = platform.administrator(a.slug).authorization();
        adminB = platform.administrator(b.slug).authorization();
    }

    /** The demo Lyon's school, classes, people and accounts, seeded into a fresh collectivity. */
    private record Source(String slug, String domain, String lea) {

        static Source seed() {
            String slug = "revlyon-" + UUID.randomUUID().toString().substring(0, 6);
            String domain = slug + ".localhost";
            platform.identity().keycloak().resolveToLoopback(List.of(domain));
            // the display name is also the demo administrator's last name in Keycloak: letters and spaces only
            DemoData.Demo lyon = DemoData.DEMOS.stream().filter(d -> d.slug().equals("demo-lyon")).findFirst()
                    .orElseThrow();
            try {
                DemoData.ensure(platform.client(), platform.keycloak(), lyon.as(slug, "Ville de Lyon export", domain),
                        System.out::println);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            HttpResponse<String> users = platform.send(domain, "GET", "/api/directory/users?limit=100", null, null,
                    platform.administrator(slug).authorization());
            assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
            String lea = Platform.json(users).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(u -> u.getString("firstName").equals("Léa")).findFirst().orElseThrow().getString("id");
            return new Source(slug, domain, lea);
        }
    }

    @Test
    @Order(2)
    void aCollectivityGoesOutWholeIsDeletedAndComesBackUnderANewNameWhereItsPeopleSignIn() throws Exception {
        // what Léa finds afterwards: her document and her teacher's message
        HttpResponse<String> upload = platform.send(a.domain(), "POST", "/api/documents/files?name="
                + URLEncoder.encode("photosynthèse.pdf", StandardCharsets.UTF_8), "application/pdf", PDF, lea);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String documentId = Platform.json(upload).getString("id");
        String draft = Platform.json(send(a.domain(), sophie, "POST", "/api/messagerie/drafts", "{\"to\":[\"user:"
                + a.lea + "\"],\"subject\":\"Ta sortie\",\"body\":\"<p>Rendez-vous à 9 h.</p>\"}")).getString("id");
        assertThat(send(a.domain(), sophie, "POST", "/api/messagerie/drafts/" + draft + "/send", "").statusCode())
                .isEqualTo(201);

        // the SUPER_ADMIN exports the collectivity
        HttpResponse<String> asked = send(a.domain(), adminA, "POST", API, "");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String id = Platform.json(asked).getString("id");
        JsonObject ready = awaitState(a.domain(), adminA, API + "/" + id, "READY");
        assertThat(ready.getString("verifiedAt")).as("the stored archive was read back and verified").isNotBlank();
        assertThat(ready.getString("sha256")).hasSize(64);

        // nobody else reaches it
        problem(send(b.domain(), adminB, "GET", API + "/" + id + "/archive", null), 404,
                "collectivity-transfer-not-found");
        problem(send(b.domain(), adminA, "GET", API + "/" + id, null), 401, "invalid-token");
        assertThat(send(a.domain(), lea, "GET", API + "/" + id + "/archive", null).statusCode()).isEqualTo(403);
        problem(send(a.domain(), adminA, "GET", API + "/" + UUID.randomUUID() + "/archive", null), 404,
                "collectivity-transfer-not-found");
        problem(send(a.domain(), adminA, "GET", API + "/not-an-id", null), 404, "collectivity-transfer-not-found");

        HttpResponse<byte[]> zip = platform.client().runtime(a.domain(), "GET", API + "/" + id + "/archive", null,
                null, Map.of("Authorization", adminA), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, byte[]> entries = unzip(zip.body());
        JsonObject manifest = Json.createReader(new ByteArrayInputStream(entries.get("manifest.json"))).readObject();
        assertThat(manifest.getString("format")).isEqualTo("ent-collectivity-export/1");
        assertThat(manifest.getJsonObject("collectivity").getString("slug")).isEqualTo(a.slug);
        assertThat(entries).containsKeys("manifest.sha256", "apps/directory/ent_user.jsonl",
                "apps/messagerie/message.jsonl", "apps/documents/node.jsonl");
        assertThat(new String(entries.get("apps/messagerie/message.jsonl"), StandardCharsets.UTF_8))
                .contains("Ta sortie");
        assertThat(entries.entrySet()).anyMatch(e -> e.getKey().startsWith("files/documents/")
                && java.util.Arrays.equals(e.getValue(), PDF));

        // one byte changed: refused, with a problem, and nothing created
        String slug2 = a.slug + "2";
        String domain2 = slug2 + ".localhost";
        byte[] changed = zip.body().clone();
        // one byte of the first entry's data (after its local header: 30 bytes, then name and extra field)
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(changed).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int data = 30 + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
        changed[data + 1] ^= 0x01;
        HttpResponse<String> refused = platform.client().adminBytes("POST", importPath(slug2, domain2),
                "application/zip", changed);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Platform.json(refused).getString("type")).startsWith("urn:ent:problem:export-archive-");
        assertThat(Platform.json(refused).getString("detail")).contains("rien n'a été importé");
        assertThat(platform.admin("GET", "/collectivities/" + slug2, null).statusCode()).isEqualTo(404);

        // the collectivity goes: archived, then deleted (its schema and realm dropped)
        assertThat(platform.admin("POST", "/collectivities/" + a.slug + "/archive", null).statusCode()).isEqualTo(200);
        HttpResponse<String> deleted = platform.admin("DELETE", "/collectivities/" + a.slug, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(Platform.json(deleted).getString("state")).isEqualTo("DELETED");
        Instant gone = Instant.now().plus(Duration.ofSeconds(60));
        while (send(a.domain(), null, "GET", "/api/directory/structures", null).statusCode() != 404
                && Instant.now().isBefore(gone)) {
            Thread.sleep(300);
        }
        assertThat(send(a.domain(), null, "GET", "/api/directory/structures", null).statusCode()).isEqualTo(404);

        // the archive, whole: a new collectivity, provisioned as any other, then filled
        platform.identity().keycloak().resolveToLoopback(List.of(domain2));
        HttpResponse<String> imported = platform.client().adminBytes("POST", importPath(slug2, domain2),
                "application/zip", zip.body());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        String importId = Platform.json(imported).getString("importId");
        assertThat(Platform.json(imported).getString("source")).isEqualTo(a.slug);
        JsonObject done = awaitAdmin("/collectivities/" + slug2 + "/transfers/" + importId, "DONE");
        assertThat(done.getJsonNumber("rows").longValue()).isPositive();
        assertThat(done.getJsonNumber("files").longValue()).isEqualTo(1);

        // accounts as for any collectivity: the directory's people get an account and an activation code
        HttpResponse<String> sync = platform.admin("POST", "/collectivities/" + slug2 + "/accounts/sync", null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        JsonObject account = Platform.json(sync).getJsonArray("accounts").stream().map(v -> v.asJsonObject())
                .filter(x -> x.getString("userId").equals(a.lea)).findFirst().orElseThrow();
        assertThat(account.getString("login")).isEqualTo("lea.durand");
        String code = account.getString("activationCode");

        // Léa activates her account on the new domain: the activation code, then a password of her choice
        try (RealBrowser browser = RealBrowser.start()) {
            browser.open("http://" + domain2 + ":" + platform.server().runtimeBase().getPort() + "/account");
            browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
            browser.signInOnKeycloak("lea.durand", code);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.id("password-new")).isEmpty());
            browser.driver().findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
            browser.driver().findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
            browser.driver().findElement(By.cssSelector("[type=submit]")).click();
            browser.awaitUrlStartingWith("http://" + domain2 + ":" + platform.server().runtimeBase().getPort()
                    + "/account");
            assertThat(browser.text()).contains("Léa", "Durand");
        }
        String lea2 = "Bearer " + Logins.accessToken(platform, slug2, domain2, "lea.durand", NEW_PASSWORD);
        String inbox = send(domain2, lea2, "GET", "/api/messagerie/boxes/INBOX", null).body();
        assertThat(inbox).contains("Ta sortie", "Sophie Martin");
        HttpResponse<byte[]> file = platform.client().runtime(domain2, "GET", "/api/documents/files/" + documentId
                + "/content", null, null, Map.of("Authorization", lea2), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(send(domain2, lea2, "GET", "/api/documents", null).body()).contains("photosynthèse.pdf");

        // her new token opens nothing elsewhere; the old collectivity's export is not the new one's
        problem(send(b.domain(), lea2, "GET", "/api/messagerie/boxes/INBOX", null), 401, "invalid-token");
        problem(send(domain2, lea2, "GET", API + "/" + id, null), 403, "forbidden");
        String admin2 = platform.administrator(slug2).authorization();
        problem(send(domain2, admin2, "GET", API + "/" + id + "/archive", null), 404,
                "collectivity-transfer-not-found");
    }

    /**
     * The console's way, without a script: the service page links to the export page, a button starts it. Before the
     * other test, which deletes {@code a}.
     */
    @Test
    @Order(1)
    void theSuperAdminExportsFromTheConsoleWithoutAScript() throws Exception {
        platform.keycloak().ensureUser(fr.ent.platform.identity.Realms.ofCollectivity(b.slug), "alex.export", "Alex",
                "Export", ClassFixture.PASSWORD, List.of("SUPER_ADMIN", "Personnel"), Map.of());
        LoginAgent admin = Logins.portal(platform, b.domain(), "alex.export", ClassFixture.PASSWORD);
        String portal = "http://" + b.domain() + ":" + platform.server().runtimeBase().getPort();
        assertThat(admin.get(portal + "/console/service").body()).contains("href=\"/privacy/collectivity\"");
        HttpResponse<String> page = admin.get(portal + "/privacy/collectivity");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Export de la collectivité", "ent-collectivity-export/1");
        String csrf = LoginAgent.inputValue(page, "csrf").orElseThrow();
        HttpResponse<String> started = admin.send("POST", java.net.URI.create(portal + "/privacy/collectivity/exports"),
                "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        String body = "";
        while (Instant.now().isBefore(until) && !body.contains("Prête, vérifiée le")) {
            Thread.sleep(500);
            body = admin.get(portal + "/privacy/collectivity").body();
        }
        assertThat(body).contains("Prête, vérifiée le", "SHA-256");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/privacy/collectivity/exports/[^\"]+/archive)\"")
                .matcher(body);
        assertThat(link.find()).isTrue();
        HttpResponse<String> archive = admin.get(portal + link.group(1));
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(archive.body()).startsWith("PK");

        // a pupil of the same collectivity, and the same administrator's link on another collectivity: refused
        LoginAgent hugo = Logins.portal(platform, b.domain(), "hugo.moreau", ClassFixture.PASSWORD);
        assertThat(hugo.get(portal + "/privacy/collectivity").statusCode()).isEqualTo(403);
        assertThat(hugo.get(portal + link.group(1)).statusCode()).isEqualTo(403);
        platform.keycloak().ensureUser(fr.ent.platform.identity.Realms.ofCollectivity(a.slug), "alex.export", "Alex",
                "Export", ClassFixture.PASSWORD, List.of("SUPER_ADMIN", "Personnel"), Map.of());
        LoginAgent otherAdmin = Logins.portal(platform, a.domain(), "alex.export", ClassFixture.PASSWORD);
        assertThat(otherAdmin.get("http://" + a.domain() + ":" + platform.server().runtimeBase().getPort()
                + link.group(1)).statusCode()).as("b's export on a's domain").isEqualTo(404);
    }

    private static String importPath(String slug, String domain) {
        return "/collectivities/imports?slug=" + slug + "&domain=" + domain + "&kind=commune&displayName="
                + URLEncoder.encode("Import de " + a.slug, StandardCharsets.UTF_8);
    }

    private static JsonObject awaitState(String host, String token, String path, String state) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            JsonObject job = Platform.json(send(host, token, "GET", path, null));
            seen.add(job.getString("state"));
            if (job.getString("state").equals(state)) {
                return job;
            }
            assertThat(job.getString("state")).as(job.toString()).isIn("QUEUED", "RUNNING");
            Thread.sleep(300);
        }
        throw new AssertionError(path + " not " + state + " in 180 s: " + seen);
    }

    private static JsonObject awaitAdmin(String path, String state) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(300));
        String last = "";
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> r = platform.admin("GET", path, null);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonObject job = Platform.json(r);
                if (job.getString("state").equals(state)) {
                    return job;
                }
                assertThat(job.getString("state")).as(job.toString()).isIn("QUEUED", "RUNNING");
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " not " + state + " in 300 s: " + last);
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

    private static void problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Platform.json(response).getString("type")).isEqualTo("urn:ent:problem:" + code);
    }

    private static HttpResponse<String> send(String host, String authorization, String method, String path,
            String json) {
        return platform.send(host, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), authorization);
    }
}
