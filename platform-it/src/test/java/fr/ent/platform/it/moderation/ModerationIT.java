package fr.ent.platform.it.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moderation over its JSON API on the real platform, with real tokens: a pupil reports a message her teacher sent
 * her; the local administrator of the teacher's school finds it in the queue, neutralizes it with a reason, and from
 * then on the pupil's reading, inbox, search and notification show the placeholder (the author's too), while the
 * moderator still reads the original; a restore brings everything back; a delete removes it. A local administrator
 * of another school, another collectivity's administrator (its Host, its realm's token) and guessed ids reach
 * nothing; the audit trail has every step and the database refuses to change it; bad input is problem+json.
 */
class ModerationIT {

    private static final String API = "/api/moderation";
    private static final String PLACEHOLDER = "Contenu masqué par la modération";

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String sophie;
    private static String lea;
    private static String hugo;
    private static String admlA;
    private static String admlOtherSchool;
    private static String adminOfB;
    private static String leaOfB;

    @BeforeAll
    static void twoCollectivities() throws Exception {
        platform = Platform.get();
        a = ClassFixture.create("mod-a");
        b = ClassFixture.create("mod-b");
        for (ClassFixture c : List.of(a, b)) {
            platform.keycloak().allowPasswordGrant(Realms.ofCollectivity(c.slug), Realms.PORTAL_CLIENT);
        }
        platform.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "adml.jeanmace", "Adèle", "Locale",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", a.uaiA));
        platform.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "adml.julesferry", "Jules", "Local",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", a.uaiB));
        platform.keycloak().ensureUser(Realms.ofCollectivity(b.slug), "admc.b", "Alain", "Central",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        sophie = token(a, "sophie.martin");
        lea = token(a, "lea.durand");
        hugo = token(a, "hugo.moreau");
        admlA = token(a, "adml.jeanmace");
        admlOtherSchool = token(a, "adml.julesferry");
        adminOfB = token(b, "admc.b");
        leaOfB = token(b, "lea.durand");
    }

    @Test
    void aReportedMessageIsNeutralizedForEveryReaderButItsModeratorsThenRestored() throws Exception {
        String message = send("Rendez-vous au gymnase", "Apporte tes baskets rouges pour le cross.");
        awaitNotification(lea, n -> n.contains("Rendez-vous au gymnase"));

        // the pupil reports it; people who do not hold it cannot, whoever they are
        created(call(a, lea, "POST", API + "/reports", report(message, "harassment", "Il me fait peur.")));
        problem(call(a, hugo, "POST", API + "/reports", report(message, "harassment", "")), 404, "no-such-resource");
        problem(call(b, leaOfB, "POST", API + "/reports", report(message, "spam", "")), 404, "no-such-resource");
        problem(call(a, sophie, "POST", API + "/reports", report(message, "spam", "")), 404, "no-such-resource");
        problem(call(a, lea, "POST", API + "/reports", report(message, "because", "")), 400, "invalid-input");
        problem(call(a, lea, "POST", API + "/reports", report(message, "other", "x".repeat(1001))), 400,
                "invalid-input");
        problem(call(a, lea, "POST", API + "/reports", "{\"app\":\"nope\",\"kind\":\"message\",\"id\":\"" + message
                + "\",\"reason\":\"spam\"}"), 404, "no-such-resource");
        problem(call(a, lea, "POST", API + "/reports", "{\"app\":\"../x\",\"kind\":\"message\",\"id\":\"1\"}"), 404,
                "no-such-resource");
        problem(call(a, lea, "POST", API + "/reports", "[1,"), 400, null);

        // the moderator of the teacher's school has it in the queue; nobody else does
        String caseId = caseOf(queue(admlA), message);
        assertThat(queue(admlOtherSchool).stream().map(c -> c.getString("contentId"))).doesNotContain(message);
        problem(call(a, admlOtherSchool, "GET", API + "/cases/" + caseId, null), 404, "no-such-resource");
        problem(call(a, admlOtherSchool, "POST", API + "/cases/" + caseId + "/neutralize", reason("non")), 404,
                "no-such-resource");
        problem(call(b, adminOfB, "GET", API + "/cases/" + caseId, null), 404, "no-such-resource");
        assertThat(ok(call(b, adminOfB, "GET", API + "/cases", null)).asJsonArray()).isEmpty();
        // another realm's token on this Host, and this realm's on B's Host
        problem(call(a, adminOfB, "GET", API + "/cases/" + caseId, null), 401, "invalid-token");
        problem(call(b, admlA, "GET", API + "/cases/" + caseId, null), 401, "invalid-token");
        problem(call(a, lea, "GET", API + "/cases", null), 403, "forbidden");
        problem(call(a, lea, "GET", API + "/cases/" + caseId, null), 403, "forbidden");
        problem(call(a, admlA, "GET", API + "/cases/" + UUID.randomUUID(), null), 404, "no-such-resource");
        problem(call(a, admlA, "GET", API + "/cases/not-an-id", null), 404, "no-such-resource");
        JsonObject detail = ok(call(a, admlA, "GET", API + "/cases/" + caseId, null)).asJsonObject();
        assertThat(detail.getString("text")).contains("baskets rouges");
        assertThat(detail.getJsonArray("reports").getJsonObject(0).getString("reason")).isEqualTo("harassment");

        // neutralize: a reason is required
        problem(call(a, admlA, "POST", API + "/cases/" + caseId + "/neutralize", reason(" ")), 400, "invalid-input");
        problem(call(a, admlA, "POST", API + "/cases/" + caseId + "/neutralize", ""), 400, null);
        problem(call(a, admlA, "POST", API + "/cases/" + caseId + "/explode", reason("x")), 404, "no-such-resource");
        problem(call(a, admlA, "POST", API + "/cases/" + caseId + "/restore", reason("rien")), 409,
                "moderation-state");
        JsonObject neutralized = ok(call(a, admlA, "POST", API + "/cases/" + caseId + "/neutralize",
                reason("Propos inadaptés envers une élève"))).asJsonObject();
        assertThat(neutralized.getJsonObject("summary").getString("state")).isEqualTo("NEUTRALIZED");
        assertThat(neutralized.getString("text")).as("the moderator still reads it").contains("baskets rouges");
        problem(call(a, admlA, "POST", API + "/cases/" + caseId + "/neutralize", reason("encore")), 409,
                "moderation-state");

        // every reader (the author too) gets the placeholder: reading, inbox, thread, search, notification
        for (String reader : List.of(lea, sophie)) {
            JsonObject read = ok(call(a, reader, "GET", "/api/messagerie/messages/" + message, null)).asJsonObject();
            assertThat(read.toString()).doesNotContain("baskets", "gymnase").contains(PLACEHOLDER);
            assertThat(read.getBoolean("neutralized")).isTrue();
        }
        assertThat(ok(call(a, lea, "GET", "/api/messagerie/boxes/inbox", null)).toString())
                .doesNotContain("gymnase").contains(PLACEHOLDER);
        assertThat(ok(call(a, lea, "GET", "/api/messagerie/search?q=baskets", null)).asJsonObject()
                .getJsonArray("items")).isEmpty();
        assertThat(ok(call(a, lea, "GET", "/api/messagerie/search?q=gymnase", null)).asJsonObject()
                .getJsonArray("items")).isEmpty();
        String notifications = call(a, lea, "GET", "/api/notifications", null).body();
        assertThat(notifications).doesNotContain("gymnase").contains(PLACEHOLDER);
        // the author is told, without the content being quoted
        awaitNotification(sophie, n -> n.contains("La modération a masqué un de vos contenus")
                && n.contains("Propos inadaptés"));

        // restore: everything comes back
        ok(call(a, admlA, "POST", API + "/cases/" + caseId + "/restore", reason("Après discussion, rien d'anormal")));
        assertThat(ok(call(a, lea, "GET", "/api/messagerie/messages/" + message, null)).toString())
                .contains("baskets rouges");
        assertThat(ok(call(a, lea, "GET", "/api/messagerie/search?q=baskets", null)).toString()).contains(message);
        assertThat(call(a, lea, "GET", "/api/notifications", null).body()).contains("Rendez-vous au gymnase");
        assertThat(queue(admlA).stream().map(c -> c.getString("contentId"))).as("decided: out of the open queue")
                .doesNotContain(message);

        // the audit trail has each step, who and why; the database refuses to change it
        JsonArray audit = ok(call(a, admlA, "GET", API + "/cases/" + caseId, null)).asJsonObject()
                .getJsonArray("audit");
        assertThat(audit.getValuesAs(JsonObject.class).stream().map(r -> r.getString("action") + " "
                + r.getString("actor"))).containsExactly("REPORT lea.durand", "NEUTRALIZE adml.jeanmace",
                "RESTORE adml.jeanmace");
        assertThat(audit.getJsonObject(1).getString("reason")).isEqualTo("Propos inadaptés envers une élève");
        String table = "t_" + a.slug.replace('-', '_') + ".moderation_audit";
        try (Connection c = platform.database().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET reason = 'effacé'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + table))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE " + table))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (var rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void aDeletedMessageIsGoneForItsReadersAndItsEvidenceStaysWithTheModerators() throws Exception {
        String message = send("Petit mot", "Un texte à supprimer.");
        created(call(a, lea, "POST", API + "/reports", report(message, "inappropriate", "")));
        String caseId = caseOf(queue(admlA), message);
        JsonObject deleted = ok(call(a, admlA, "POST", API + "/cases/" + caseId + "/delete",
                reason("Contenu inapproprié"))).asJsonObject();
        assertThat(deleted.getJsonObject("summary").getString("state")).isEqualTo("DELETED");
        assertThat(deleted.getString("text")).contains("Un texte à supprimer.");
        problem(call(a, lea, "GET", "/api/messagerie/messages/" + message, null), 404, "message-not-found");
        problem(call(a, sophie, "GET", "/api/messagerie/messages/" + message, null), 404, "message-not-found");
        problem(call(a, admlA, "POST", API + "/cases/" + caseId + "/restore", reason("non")), 409,
                "moderation-state");
        // another collectivity's Host does not know the case
        problem(call(b, adminOfB, "POST", API + "/cases/" + caseId + "/restore", reason("non")), 404,
                "no-such-resource");
    }

    @Test
    void aNewsItemAndACommentAreNeutralizedInThePagesApiAndWidget() {
        String thread = created(call(a, sophie, "POST", "/api/actualites/threads",
                "{\"title\":\"Vie de la classe\",\"structure\":\"" + a.uaiA + "\"}")).getString("id");
        String pupils = visibleGroup(sophie, "Élèves — CP");
        ok(call(a, sophie, "PUT", "/api/sharing/actualites/thread/" + thread,
                "{\"shares\":[{\"kind\":\"group\",\"id\":\"" + pupils + "\",\"right\":\"read\"}]}"));
        String item = created(call(a, sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"Kermesse du printemps\",\"content\":\"<p>Stand de crêpes tenu par les CP</p>\"}"))
                .getString("id");
        ok(call(a, sophie, "POST", "/api/actualites/items/" + item + "/publish", "{}"));
        JsonObject commented = ok(call(a, lea, "POST", "/api/actualites/items/" + item + "/comments",
                "{\"text\":\"Vive les crêpes au chocolat\"}")).asJsonObject();
        String comment = commented.getJsonArray("comments").getJsonObject(0).getString("id");

        // Hugo reports the comment, Léa the item; Zoé (not shared) cannot report the item
        created(call(a, hugo, "POST", API + "/reports", Json.createObjectBuilder().add("app", "actualites")
                .add("kind", "comment").add("id", comment).add("reason", "spam").add("comment", "").build().toString()));
        created(call(a, lea, "POST", API + "/reports", Json.createObjectBuilder().add("app", "actualites")
                .add("kind", "item").add("id", item).add("reason", "other").add("comment", "test").build().toString()));
        String zoe = token(a, "zoe.roux");
        problem(call(a, zoe, "POST", API + "/reports", Json.createObjectBuilder().add("app", "actualites")
                .add("kind", "item").add("id", item).add("reason", "other").build().toString()), 404,
                "no-such-resource");

        String itemCase = caseOf(queue(admlA), item);
        String commentCase = caseOf(queue(admlA), comment);
        assertThat(queue(admlOtherSchool).stream().map(c -> c.getString("contentId"))).doesNotContain(item, comment);
        ok(call(a, admlA, "POST", API + "/cases/" + commentCase + "/neutralize", reason("Hors sujet")));
        ok(call(a, admlA, "POST", API + "/cases/" + itemCase + "/neutralize", reason("Vérification")));

        for (String reader : List.of(lea, hugo, sophie)) {
            String read = ok(call(a, reader, "GET", "/api/actualites/items/" + item, null)).toString();
            assertThat(read).contains(PLACEHOLDER).doesNotContain("Kermesse", "crêpes");
            assertThat(ok(call(a, reader, "GET", "/api/actualites/latest", null)).toString())
                    .doesNotContain("Kermesse", "crêpes");
            assertThat(ok(call(a, reader, "GET", "/api/actualites/threads/" + thread, null)).toString())
                    .doesNotContain("Kermesse", "crêpes");
        }
        // its author cannot rewrite the evidence
        assertThat(call(a, sophie, "PUT", "/api/actualites/items/" + item,
                "{\"title\":\"Autre\",\"content\":\"<p>autre</p>\"}").statusCode()).isIn(403, 409);
        assertThat(ok(call(a, admlA, "GET", API + "/cases/" + itemCase, null)).asJsonObject().getString("text"))
                .contains("Stand de crêpes");
        assertThat(ok(call(a, admlA, "GET", API + "/cases/" + commentCase, null)).asJsonObject().getString("text"))
                .contains("Vive les crêpes");

        ok(call(a, admlA, "POST", API + "/cases/" + itemCase + "/restore", reason("Rien d'anormal")));
        assertThat(ok(call(a, lea, "GET", "/api/actualites/items/" + item, null)).toString())
                .contains("Kermesse du printemps").doesNotContain("Vive les crêpes");
    }

    private static String visibleGroup(String token, String name) {
        JsonObject page = ok(call(a, token, "GET", "/api/directory/communication/visible?limit=100&q="
                + java.net.URLEncoder.encode(name.substring(0, 6), StandardCharsets.UTF_8), null)).asJsonObject();
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("kind").equals("GROUP") && i.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + page)).getString("id");
    }

    // --- helpers ---

    private static String send(String subject, String body) {
        JsonObject sent = created(call(a, sophie, "POST", "/api/messagerie/messages", Json.createObjectBuilder()
                .add("to", Json.createArrayBuilder().add("user:" + a.lea)).add("subject", subject)
                .add("body", body).build().toString()));
        return sent.getString("id");
    }

    private static String report(String message, String reason, String comment) {
        return Json.createObjectBuilder().add("app", "messagerie").add("kind", "message").add("id", message)
                .add("reason", reason).add("comment", comment).build().toString();
    }

    private static String reason(String why) {
        return Json.createObjectBuilder().add("reason", why).build().toString();
    }

    private static List<JsonObject> queue(String token) {
        return ok(call(a, token, "GET", API + "/cases", null)).asJsonArray().getValuesAs(JsonObject.class);
    }

    private static String caseOf(List<JsonObject> queue, String message) {
        return queue.stream().filter(c -> c.getString("contentId").equals(message)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the queue: " + message + " " + queue))
                .getString("id");
    }

    private static void awaitNotification(String token, Predicate<String> wanted) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String last = "";
        while (Instant.now().isBefore(until)) {
            last = call(a, token, "GET", "/api/notifications", null).body();
            if (wanted.test(last)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no such notification in " + last);
    }

    private static jakarta.json.JsonValue ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Platform.json(response);
    }

    private static void problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(Platform.json(response).getString("type")).isEqualTo("urn:ent:problem:" + code);
        }
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json) {
        return platform.send(c.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A token of the user's own collectivity realm (password grant on the portal client, as FlashIT). */
    static String token(ClassFixture c, String username) {
        String realm = Realms.ofCollectivity(c.slug);
        URI endpoint = RealmEndpoints.of(platform.identity().baseUrl().toString(),
                platform.identity().baseUrl().toString()).token(realm);
        String form = "grant_type=password&scope=openid&client_id=" + Realms.PORTAL_CLIENT + "&username="
                + LoginAgent.encode(username) + "&password=" + LoginAgent.encode(ClassFixture.PASSWORD);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(username + ": " + answer.body()).isEqualTo(200);
            return Json.createReader(new StringReader(answer.body())).readObject().getString("access_token");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
