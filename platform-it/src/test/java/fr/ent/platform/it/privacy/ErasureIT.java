package fr.ent.platform.it.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Erasing a person (issue 18, ADR 0032) on the real platform. An administrator erases a pupil over the API: her
 * account is gone (she can no longer sign in), her documents and mailboxes go, the message she wrote her teacher
 * stays in his inbox from "Ancien utilisateur", and the audit trail says who asked and that it was done. Nobody else
 * may: a local administrator of another school, the pupil herself, another collectivity's administrator (on its own
 * Host, or with its token here), guessed ids. Then the end of rights: people a BE1D import no longer names are
 * marked, with the date; once the mark is older than the delay (shortened to seconds for this test's collectivity
 * through a setting, {@link Platform#END_OF_RIGHTS_DELAY}; the others keep the rule's 90 days) their accounts and
 * data go, except a parent one of whose children keeps the right; a person the next import names again
 * gets the right back. Last, the console's pages in Chromium, scanned with axe-core.
 */
class ErasureIT {

    private static final String API = "/api/console/erasures";
    private static final byte[] PDF = "%PDF-1.4\n% mon dessin\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private static Platform platform;
    private static ClassFixture a;
    private static DirectoryApi b;
    private static String admin;
    private static String localOfB;
    private static String adminOfB;

    @BeforeAll
    static void twoCollectivitiesAndTheirAdministrators() throws Exception {
        platform = Platform.get();
        a = ClassFixture.create("erase-a");
        b = DirectoryApi.newCollectivity("erase-b");
        String slugB = b.host.substring(0, b.host.indexOf('.'));
        platform.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "admin.erase", "Alain", "Central",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        platform.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "adml.erase", "Adèle", "Locale",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", a.uaiB));
        // the browser's administrator: its second factor is enrolled in the browser, not by Logins
        platform.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "admin.erase.web", "Alice", "Web",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        platform.keycloak().ensureUser(Realms.ofCollectivity(slugB), "admin.erase.b", "Bruno", "Central",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        admin = Logins.accessToken(platform, a.slug, a.domain(), "admin.erase", ClassFixture.PASSWORD);
        localOfB = Logins.accessToken(platform, a.slug, a.domain(), "adml.erase", ClassFixture.PASSWORD);
        adminOfB = Logins.accessToken(platform, slugB, b.host, "admin.erase.b", ClassFixture.PASSWORD);
    }

    @Test
    void anAdministratorErasesAPupilWhatOthersReceivedStaysAndNobodyElseMay() throws Exception {
        String lea = token(a, "lea.durand");
        String sophie = token(a, "sophie.martin");
        HttpResponse<String> upload = platform.send(a.domain(), "POST", "/api/documents/files?name="
                + URLEncoder.encode("mon dessin.pdf", StandardCharsets.UTF_8), "application/pdf", PDF, "Bearer " + lea);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        send(lea, a.teacher, "Mon dessin", "<p>Voici mon dessin, maîtresse.</p>");
        send(sophie, a.lea, "Bravo", "<p>Bravo Léa.</p>");

        // nobody but an administrator who reaches her: not a local administrator of another school, not herself,
        // not another collectivity's administrator (there, or with its token here); guessed ids find nothing
        String body = "{\"person\":\"" + a.lea + "\",\"confirm\":true}";
        problem(call(a, localOfB, "POST", API, body), 404, "user-not-found");
        problem(call(a, lea, "POST", API, body), 403, "forbidden");
        problem(call(a, adminOfB, "POST", API, body), 401, "invalid-token");
        problem(platform.send(b.host, "POST", API, "application/json", body.getBytes(StandardCharsets.UTF_8),
                "Bearer " + adminOfB), 404, "user-not-found");
        problem(call(a, admin, "POST", API, "{\"person\":\"" + UUID.randomUUID() + "\",\"confirm\":true}"), 404,
                "user-not-found");
        problem(call(a, admin, "POST", API, "{\"person\":\"" + a.lea + "\",\"confirm\":false}"), 400,
                "person-erasure-unconfirmed");
        problem(call(a, admin, "GET", API + "/" + UUID.randomUUID(), null), 404, "person-erasure-not-found");
        assertThat(count(a, "SELECT count(*) FROM ent_user WHERE id = '" + a.lea + "'")).isEqualTo(1);

        HttpResponse<String> asked = call(a, admin, "POST", API, body);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String id = Platform.json(asked).getString("id");
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith(API + "/" + id);
        JsonObject done = awaitDone(a, admin, id);
        assertThat(done.getInt("stepsDone")).isEqualTo(done.getInt("stepsTotal"));
        assertThat(done.getString("reason")).isEqualTo("REQUEST");
        // the erasure is the collectivity's, read by whoever reaches her schools: not B, not another school's
        problem(platform.send(b.host, "GET", API + "/" + id, null, null, "Bearer " + adminOfB), 404,
                "person-erasure-not-found");
        problem(call(a, localOfB, "GET", API + "/" + id, null), 404, "person-erasure-not-found");

        // she can no longer sign in, her entry and her documents are gone
        assertThatThrownBy(() -> token(a, "lea.durand")).isInstanceOf(IllegalStateException.class);
        assertThat(count(a, "SELECT count(*) FROM ent_user WHERE id = '" + a.lea + "'")).isZero();
        assertThat(count(a, "SELECT count(*) FROM node WHERE owner_id = '" + a.lea + "'")).isZero();
        assertThat(count(a, "SELECT count(*) FROM mailbox_entry WHERE user_id = '" + a.lea + "'")).isZero();
        // what her teacher received stays, from a former user; his sent message names her so too
        JsonObject inbox = Platform.json(call(a, sophie, "GET", "/api/messagerie/boxes/INBOX", null));
        JsonObject hers = inbox.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("subject").equals("Mon dessin")).findFirst().orElseThrow();
        assertThat(hers.getString("authorName")).isEqualTo("Ancien utilisateur");
        assertThat(count(a, "SELECT count(*) FROM message WHERE author_id = '" + a.lea + "'")).isZero();
        assertThat(count(a, "SELECT count(*) FROM message_addressee WHERE name = 'Ancien utilisateur'"))
                .isEqualTo(1);
        assertThat(count(a, "SELECT count(*) FROM message WHERE subject = 'Bravo'")).isEqualTo(1);

        // the audit trail: asked, done, by whom, for which school
        assertThat(audit(a, id)).containsExactly("PERSON_ERASURE_REQUESTED admin.erase DONE " + a.uaiA,
                "PERSON_ERASURE_DONE admin.erase DONE " + a.uaiA);
        // once erased there is nobody left to erase
        problem(call(a, admin, "POST", API, body), 404, "user-not-found");
    }

    @Test
    void theEndOfRightsErasesThoseAbsentFromTheImportAfterTheDelayButKeepsAParentOfAChildWhoStays()
            throws Exception {
        ClassFixture c = ClassFixture.create(Platform.END_OF_RIGHTS_PREFIX);
        // a parent of Léa (school A) and of Zoé (school B, not imported: she keeps the right)
        String paul = c.account("Relative", "Roux", "Paul", c.schoolA, List.of(), List.of(c.lea, c.zoe));
        // the real export of another school, imported into school A: the people made by hand there are not in it
        Map<String, byte[]> sample = be1d();
        importInto(c, sample);
        Map<String, Instant> marked = lost(c);
        assertThat(marked).containsOnlyKeys(c.teacher, c.lea, c.hugo, c.parent, paul);

        // a pupil of the export who is missing from the next one loses the right; the others keep their date
        String eleves = new String(sample.get("eleves"), StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(eleves.split("\r\n")));
        String gone = lines.remove(1);
        Map<String, byte[]> without = new LinkedHashMap<>(sample);
        without.put("eleves", String.join("\r\n", lines).concat("\r\n").getBytes(StandardCharsets.ISO_8859_1));
        importInto(c, without);
        Map<String, Instant> after = lost(c);
        assertThat(after.size()).isGreaterThan(marked.size());
        marked.forEach((who, when) -> assertThat(after.get(who)).isEqualTo(when));
        // ... and gets it back when the following import names them again, before the delay
        importInto(c, sample);
        assertThat(lost(c)).isEqualTo(marked);
        assertThat(gone).isNotBlank();

        // the delay (shortened by the setting) has not passed: rounds later, everyone is still there
        Instant first = marked.values().stream().min(Instant::compareTo).orElseThrow();
        Instant beforeTheDelay = first.plus(Platform.END_OF_RIGHTS_DELAY).minusSeconds(3);
        Instant check = max(Instant.now(), first.plusSeconds(11)); // two rounds of 5 s after the first mark
        if (check.isBefore(beforeTheDelay)) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), check).toMillis()));
            assertThat(count(c, "SELECT count(*) FROM person_erasure")).isZero();
        }
        // it has passed, with nothing moved by the test: accounts and data go, the parent of a child who keeps the
        // right stays
        Instant until = Instant.now().plus(Platform.END_OF_RIGHTS_DELAY).plusSeconds(60);
        while (count(c, "SELECT count(*) FROM person_erasure WHERE state = 'DONE'") < 4
                && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
        assertThat(count(c, "SELECT count(*) FROM person_erasure WHERE state = 'DONE' AND reason = 'END_OF_RIGHTS'"))
                .isEqualTo(4);
        for (String erased : List.of(c.teacher, c.lea, c.hugo, c.parent)) {
            assertThat(count(c, "SELECT count(*) FROM ent_user WHERE id = '" + erased + "'")).isZero();
        }
        assertThat(count(c, "SELECT count(*) FROM ent_user WHERE id IN ('" + paul + "', '" + c.zoe + "')"))
                .isEqualTo(2);
        assertThatThrownBy(() -> token(c, "hugo.moreau")).isInstanceOf(IllegalStateException.class);
        assertThat(token(c, "paul.roux")).isNotBlank();
        assertThat(count(c, "SELECT count(*) FROM console_audit WHERE action = 'PERSON_ERASURE_DONE'"
                + " AND actor = 'fin-de-droits' AND detail LIKE '%fin de droits%'")).isEqualTo(4);
        // idempotent: later rounds find nobody more to erase
        Thread.sleep(Duration.ofSeconds(7));
        assertThat(count(c, "SELECT count(*) FROM person_erasure")).isEqualTo(4);
    }

    @Test
    void theConsolePagesInABrowser() throws Exception {
        String victim = a.account("Student", "Petit", "Jules", a.schoolA, List.of(a.cp), List.of());
        try (RealBrowser browser = RealBrowser.start()) {
            String portal = "http://" + a.domain() + ":" + platform.server().runtimeBase().getPort();
            browser.open(portal + "/auth/login?return=/");
            browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
            SecondFactorEnrolment.signIn(browser, "admin.erase.web", ClassFixture.PASSWORD, portal + "/");
            browser.open(portal + "/console/users/" + victim);
            assertThat(main(browser)).contains("Effacer le compte et les données de cette personne");
            browser.click(By.linkText("Effacer le compte et les données de cette personne"));
            browser.awaitUrlStartingWith(portal + "/console/users/" + victim + "/erase");
            assertThat(main(browser)).contains("Effacer Jules Petit", "Ancien utilisateur", "définitive");
            scan(browser, "erasure, confirmation");
            browser.driver().findElement(By.id("erase-confirm")).click();
            browser.click(By.cssSelector("form[action$='/erase'] button"));
            browser.awaitUrlStartingWith(portal + "/console/erasures/");
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            boolean scanned = false;
            while (!main(browser).contains("Terminé") && Instant.now().isBefore(until)) {
                assertThat(main(browser)).containsAnyOf("En attente", "En cours");
                if (!scanned) {
                    scan(browser, "erasure, at work");
                    scanned = true;
                }
                Thread.sleep(300);
                browser.open(browser.currentUrl());
            }
            assertThat(main(browser)).contains("Effacement de Jules Petit", "Terminé", "lignes effacées");
            scan(browser, "erasure, done");
            // a guessed erasure is the readable "not found"
            browser.open(portal + "/console/erasures/" + UUID.randomUUID());
            assertThat(browser.text()).doesNotContain("Jules Petit");
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void send(String from, String to, String subject, String html) {
        HttpResponse<String> draft = call(a, from, "POST", "/api/messagerie/drafts", "{\"to\":[\"user:" + to
                + "\"],\"subject\":\"" + subject + "\",\"body\":\"" + html + "\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        HttpResponse<String> sent = call(a, from, "POST", "/api/messagerie/drafts/"
                + Platform.json(draft).getString("id") + "/send", "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    }

    private static void importInto(ClassFixture c, Map<String, byte[]> parts) {
        HttpResponse<String> r = platform.postMultipart(c.domain(), "/api/directory/structures/" + c.schoolA
                + "/imports/be1d", parts);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The real BE1D sample (shared/data, as DirectoryImportIT reads it). */
    private static Map<String, byte[]> be1d() throws Exception {
        Path dir = null;
        for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); d != null && dir == null;
                d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data").resolve("be1d-ecole-emile-zola");
            dir = Files.isDirectory(candidate) ? candidate : null;
        }
        assertThat(dir).as("shared/data/be1d-ecole-emile-zola").isNotNull();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (String kind : List.of("eleves", "enseignants", "responsables")) {
            parts.put(kind, Files.readAllBytes(dir.resolve("CSVExtraction-" + kind + ".csv")));
        }
        return parts;
    }

    private static Map<String, Instant> lost(ClassFixture c) throws Exception {
        Map<String, Instant> marks = new LinkedHashMap<>();
        try (Connection db = platform.database().getConnection(); Statement s = db.createStatement()) {
            s.execute("SET search_path TO " + schema(c));
            try (ResultSet r = s.executeQuery("SELECT id, rights_lost_at FROM ent_user WHERE rights_lost_at IS NOT NULL")) {
                while (r.next()) {
                    marks.put(r.getString(1), r.getTimestamp(2).toInstant());
                }
            }
        }
        return marks;
    }

    private static JsonObject awaitDone(ClassFixture c, String token, String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            JsonObject job = Platform.json(call(c, token, "GET", API + "/" + id, null));
            seen.add(job.getString("state"));
            if (job.getString("state").equals("DONE")) {
                return job;
            }
            assertThat(job.getString("state")).as(job.toString()).isIn("QUEUED", "RUNNING");
            Thread.sleep(200);
        }
        throw new AssertionError("erasure " + id + " not done in 90 s: " + seen);
    }

    private static List<String> audit(ClassFixture c, String id) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection db = platform.database().getConnection(); PreparedStatement s = db.prepareStatement(
                "SELECT action, actor, outcome, schools FROM " + schema(c) + ".console_audit WHERE detail LIKE ?"
                        + " ORDER BY seq")) {
            s.setString(1, "effacement " + id + "%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4));
                }
            }
        }
        return lines;
    }

    private static long count(ClassFixture c, String query) throws Exception {
        try (Connection db = platform.database().getConnection(); Statement s = db.createStatement()) {
            s.execute("SET search_path TO " + schema(c));
            try (ResultSet r = s.executeQuery(query)) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String schema(ClassFixture c) {
        return "t_" + c.slug.replace('-', '_');
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

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }

    private static String main(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static void scan(RealBrowser browser, String what) {
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), what);
    }
}
