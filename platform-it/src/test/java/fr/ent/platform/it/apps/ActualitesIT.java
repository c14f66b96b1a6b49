package fr.ent.platform.it.apps;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Actualités through the platform's share rights, on the real platform with real tokens. In collectivity A
 * ({@link ClassFixture}: teacher Sophie Martin and pupils Léa Durand and Hugo Moreau in CP of the first school, Zoé
 * Roux in CM2 of the second), Sophie opens a thread, shares it with her class's pupils as readers and publishes an
 * item: Léa reads it, Zoé (not shared) gets 404 by its id, a reader cannot publish nor change shares, a share to
 * Zoé is outside Sophie's communication rules. Nothing of A is reachable from collectivity B (Host, token, ids).
 */
@ResourceLock(Platform.AI)
class ActualitesIT {

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String sophie;
    private static String lea;
    private static String zoe;
    private static String sophieOfB;
    private static String hugo;
    private static String leaOfB;
    private static String thread;
    private static String item;

    @BeforeAll
    static void aThreadSharedWithAClassAndOnePublishedItem() {
        platform = Platform.get();
        a = ClassFixture.create("news-a");
        b = ClassFixture.create("news-b");
        sophie = token(a, "sophie.martin");
        lea = token(a, "lea.durand");
        zoe = token(a, "zoe.roux");
        sophieOfB = token(b, "sophie.martin");
        hugo = token(a, "hugo.moreau");
        leaOfB = token(b, "lea.durand");

        String uai = Platform.json(status(platform.get(a.domain(), "/api/directory/structures/" + a.schoolA), 200))
                .getString("uai");
        HttpResponse<String> created = call(a, sophie, "POST", "/api/actualites/threads",
                "{\"title\":\"Vie de la classe\",\"structure\":\"" + uai + "\"}");
        thread = Platform.json(status(created, 201)).getString("id");

        String pupils = visibleGroup(sophie, "Élèves — CP");
        JsonObject shared = Platform.json(status(call(a, sophie, "PUT", sharing(thread),
                "{\"shares\":[{\"kind\":\"group\",\"id\":\"" + pupils + "\",\"right\":\"read\"}]}"), 200));
        assertThat(shared.getString("title")).isEqualTo("Vie de la classe");
        assertThat(shared.getJsonArray("shares").getJsonObject(0).getString("name")).isEqualTo("Élèves — CP");
        assertThat(shared.getJsonArray("shares").getJsonObject(0).getString("right")).isEqualTo("read");

        item = Platform.json(status(call(a, sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"Sortie au musée\",\"content\":\"<p>Jeudi <b>matin</b> <a href=\\\"https://musee.example/\\\""
                        + " onclick=\\\"steal()\\\">le musée</a></p><script>alert(1)</script>\"}"), 201)).getString("id");
        JsonObject published = Platform.json(status(call(a, sophie, "POST", "/api/actualites/items/" + item + "/publish",
                "{}"), 200));
        assertThat(published.getString("state")).isEqualTo("published");
    }

    @Test
    void aPupilOfTheClassReadsThePublishedItemAndComments() {
        JsonObject read = Platform.json(status(call(a, lea, "GET", "/api/actualites/items/" + item, null), 200));
        assertThat(read.getString("title")).isEqualTo("Sortie au musée");
        // sanitized on the server: no script nor handler survives, the link gets rel=noopener
        assertThat(read.getString("content")).contains("<b>matin</b>", "noopener").doesNotContain("<script",
                "onclick", "steal");
        assertThat(status(call(a, lea, "GET", "/api/actualites/threads", null), 200).body())
                .contains(thread, "\"right\":\"read\"");
        assertThat(status(call(a, lea, "GET", "/api/actualites/latest", null), 200).body()).contains(item);
        JsonObject commented = Platform.json(status(call(a, lea, "POST", "/api/actualites/items/" + item + "/comments",
                "{\"text\":\"Super !\"}"), 200));
        assertThat(commented.getJsonArray("comments").toString()).contains("Super !");
    }

    @Test
    void aPupilTheThreadIsNotSharedWithGets404ByGuessedIdsAsForUnknownOnes() {
        problem(call(a, zoe, "GET", "/api/actualites/items/" + item, null), 404, "no-such-resource");
        problem(call(a, zoe, "GET", "/api/actualites/threads/" + thread, null), 404, "no-such-resource");
        problem(call(a, zoe, "GET", sharing(thread), null), 404, "no-such-resource");
        problem(call(a, zoe, "POST", "/api/actualites/items/" + item + "/comments", "{\"text\":\"x\"}"), 404,
                "no-such-resource");
        problem(call(a, zoe, "GET", "/api/actualites/items/" + UUID.randomUUID(), null), 404, "no-such-resource");
        assertThat(status(call(a, zoe, "GET", "/api/actualites/latest", null), 200).body()).doesNotContain(item);
        assertThat(status(call(a, zoe, "GET", "/api/actualites/threads", null), 200).body()).doesNotContain(thread);
    }

    @Test
    void aReaderCannotWritePublishNorChangeTheShares() {
        problem(call(a, lea, "POST", "/api/actualites/items/" + item + "/publish", "{}"), 403, "forbidden");
        problem(call(a, lea, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"x\",\"content\":\"y\"}"), 403, "forbidden");
        problem(call(a, lea, "GET", sharing(thread), null), 403, "forbidden");
        problem(call(a, lea, "PUT", sharing(thread), "{\"shares\":[]}"), 403, "forbidden");
        // a draft of the publisher is not there for a reader
        String draft = Platform.json(status(call(a, sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"Brouillon\",\"content\":\"<p>pas encore</p>\"}"), 201)).getString("id");
        problem(call(a, lea, "GET", "/api/actualites/items/" + draft, null), 404, "no-such-resource");
    }

    @Test
    void aShareOutsideTheCommunicationRulesIsRefusedAndChangesNothing() {
        HttpResponse<String> refused = call(a, sophie, "PUT", sharing(thread),
                "{\"shares\":[{\"kind\":\"user\",\"id\":\"" + a.zoe + "\",\"right\":\"read\"}]}");
        assertThat(problem(refused, 403, "communication-refused").toString()).doesNotContain(a.zoe);
        assertThat(status(call(a, sophie, "GET", sharing(thread), null), 200).body()).contains("Élèves — CP")
                .doesNotContain(a.zoe);
        // another collectivity's person, or an id nobody has, is outside the rules too
        problem(call(a, sophie, "PUT", sharing(thread), "{\"shares\":[{\"kind\":\"user\",\"id\":\"" + b.lea
                + "\",\"right\":\"read\"}]}"), 403, "communication-refused");
    }

    @Test
    void badInputGetsAProblem() {
        problem(call(a, sophie, "PUT", sharing(thread), "not json"), 400, "malformed-request");
        problem(call(a, sophie, "PUT", sharing(thread), "{\"shares\":[{\"kind\":\"user\",\"id\":\"" + a.lea
                + "\",\"right\":\"owner\"}]}"), 400, "invalid-input");
        problem(call(a, sophie, "PUT", sharing(thread), "{\"shares\":[{\"kind\":\"robot\",\"id\":\"x\","
                + "\"right\":\"read\"}]}"), 400, "invalid-input");
        problem(call(a, sophie, "PUT", "/api/sharing/actualites/thread/not_an_id", "{\"shares\":[]}"), 404,
                "no-such-resource");
        problem(call(a, sophie, "POST", "/api/actualites/threads", "{\"title\":\"\"}"), 400, "invalid-input");
        problem(call(a, sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"x\",\"content\":\"<script>alert(1)</script>\"}"), 400, "invalid-input");
        problem(call(a, sophie, "POST", "/api/actualites/items/" + item + "/publish",
                "{\"publishAt\":\"demain\"}"), 400, "invalid-input");
        problem(call(a, sophie, "POST", "/api/actualites/threads/" + thread + "/items", "{"), 400,
                "malformed-request");
    }

    @Test
    void nothingOfACollectivityIsReachableFromAnother() {
        // B's teacher on B's domain: A's ids do not exist there
        problem(call(b, sophieOfB, "GET", "/api/actualites/items/" + item, null), 404, "no-such-resource");
        problem(call(b, sophieOfB, "GET", "/api/actualites/threads/" + thread, null), 404, "no-such-resource");
        problem(call(b, sophieOfB, "GET", sharing(thread), null), 404, "no-such-resource");
        problem(call(b, sophieOfB, "PUT", sharing(thread), "{\"shares\":[]}"), 404, "no-such-resource");
        // another realm's token on A's domain, and A's token on B's
        problem(call(a, sophieOfB, "GET", "/api/actualites/items/" + item, null), 401, "invalid-token");
        problem(call(b, lea, "GET", "/api/actualites/items/" + item, null), 401, "invalid-token");
        problem(call(b, sophie, "PUT", sharing(thread), "{\"shares\":[]}"), 401, "invalid-token");
        // anonymous, and a Host no collectivity owns
        problem(platform.send(a.domain(), "GET", "/api/actualites/items/" + item, null, null, null), 401,
                "unauthenticated");
        assertThat(platform.send("nobody-news.localhost", "GET", "/api/actualites/items/" + item, null, null,
                "Bearer " + lea).statusCode()).isEqualTo(404);
        // and A's thread still has its one share
        assertThat(status(call(a, sophie, "GET", sharing(thread), null), 200).body()).contains("Élèves — CP");
    }

    @Test
    void theSharingDialogWorksWithPlainFormsAndTheAntiForgeryToken() {
        LoginAgent teacher = Logins.portal(platform, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        String dialog = portal(a) + "/sharing/actualites/thread/" + thread;
        String back = "/actualites/threads/" + thread;
        HttpResponse<String> page = status(teacher.get(dialog + "?return=" + back + "&q=durand"), 200);
        assertThat(page.body()).contains("Vie de la classe", "Élèves — CP", "Durand Léa", "href=\"" + back + "\"");
        String csrf = LoginAgent.inputValue(page, "csrf").orElseThrow();
        String add = "action=add&kind=user&id=" + a.lea + "&right=contrib";

        assertThat(teacher.send("POST", URI.create(dialog), add + "&csrf=wrong").statusCode()).isEqualTo(403);
        HttpResponse<String> saved = teacher.send("POST", URI.create(dialog + "?return=" + back),
                add + "&csrf=" + LoginAgent.encode(csrf));
        assertThat(LoginAgent.location(saved).orElseThrow()).contains("done=saved");
        assertThat(status(call(a, sophie, "GET", sharing(thread), null), 200).body()).contains(a.lea, "contrib");
        // Zoé is outside Sophie's rules: the page says so and nothing changes
        HttpResponse<String> refused = teacher.send("POST", URI.create(dialog),
                "action=add&kind=user&id=" + a.zoe + "&right=read&csrf=" + LoginAgent.encode(csrf));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("règles de communication");
        HttpResponse<String> removed = teacher.send("POST", URI.create(dialog),
                "action=remove&kind=user&id=" + a.lea + "&csrf=" + LoginAgent.encode(csrf));
        assertThat(LoginAgent.location(removed).orElseThrow()).contains("done=saved");
        assertThat(status(call(a, sophie, "GET", sharing(thread), null), 200).body()).doesNotContain(a.lea);
        assertThat(status(teacher.get(portal(a) + back), 200).body()).contains("Sortie au musée",
                "/sharing/actualites/thread/" + thread);

        // a reader sees the item and the home widget, not the dialog
        LoginAgent pupil = Logins.portal(platform, a.domain(), "lea.durand", ClassFixture.PASSWORD);
        assertThat(status(pupil.get(portal(a) + "/"), 200).body()).contains("Sortie au musée");
        assertThat(status(pupil.get(portal(a) + "/actualites/items/" + item), 200).body()).contains("<b>matin</b>");
        assertThat(pupil.get(dialog).statusCode()).isEqualTo(403);
        LoginAgent other = Logins.portal(platform, a.domain(), "zoe.roux", ClassFixture.PASSWORD);
        assertThat(other.get(dialog).statusCode()).isEqualTo(404);
        assertThat(other.get(portal(a) + "/actualites/items/" + item).statusCode()).isEqualTo(404);
    }

    @Test
    void publishingTellsTheThreadsReadersOnceAndNobodyElse() throws InterruptedException {
        String link = "/actualites/items/" + item;
        JsonObject notice = awaitNotice(lea, link);
        assertThat(notice.getString("type")).isEqualTo("actualites.published");
        assertThat(notice.getString("text")).contains("Vie de la classe", "Sortie au musée");
        awaitNotice(hugo, link);
        // two ticks of the job later, still once; never to the publisher, a pupil not shared with, nor another
        // collectivity's namesake
        Thread.sleep(5_000);
        assertThat(notices(lea, link)).hasSize(1);
        assertThat(notices(hugo, link)).hasSize(1);
        assertThat(notices(sophie, link)).isEmpty();
        assertThat(notices(zoe, link)).isEmpty();
        assertThat(status(call(b, leaOfB, "GET", "/api/notifications", null), 200).body()).doesNotContain(item);
        // publishing again (new dates) tells nobody again
        status(call(a, sophie, "POST", "/api/actualites/items/" + item + "/publish", "{}"), 200);
        Thread.sleep(3_000);
        assertThat(notices(lea, link)).hasSize(1);
    }

    @Test
    void aFutureDatedItemIsToldOnceByTheJobWhenItsDateComes() throws InterruptedException {
        String later = Platform.json(status(call(a, sophie, "POST", "/api/actualites/threads/" + thread + "/items",
                "{\"title\":\"Réunion des parents\",\"content\":\"<p>Mardi à 18 h.</p>\"}"), 201)).getString("id");
        String at = java.time.OffsetDateTime.now().plusSeconds(6).withNano(0).toString();
        JsonObject published = Platform.json(status(call(a, sophie, "POST", "/api/actualites/items/" + later
                + "/publish", "{\"publishAt\":\"" + at + "\"}"), 200));
        assertThat(published.getString("publishAt")).isNotNull();
        String link = "/actualites/items/" + later;
        // not before its date: the item is not there for readers, nor its notice
        problem(call(a, lea, "GET", link.replace("/actualites", "/api/actualites"), null), 404, "no-such-resource");
        assertThat(notices(lea, link)).isEmpty();

        awaitNotice(lea, link);
        Thread.sleep(5_000);
        assertThat(notices(lea, link)).hasSize(1);
        assertThat(notices(hugo, link)).hasSize(1);
        assertThat(notices(zoe, link)).isEmpty();
        assertThat(notices(sophie, link)).isEmpty();
        assertThat(status(call(b, leaOfB, "GET", "/api/notifications", null), 200).body()).doesNotContain(later);
    }

    @Test
    void thePagesOfferOnlyWhatTheRightAllowsAndTheServerRefusesTheRestFalcIncluded() {
        platform.ai().forget();
        String itemPage = portal(a) + "/actualites/items/" + item;
        String content = "content=" + LoginAgent.encode("<p>Texte à simplifier.</p>") + "&title=Essai";

        // a reader: the item and its comment form, no editing nor publishing; posting them anyway is refused
        LoginAgent pupil = Logins.portal(platform, a.domain(), "lea.durand", ClassFixture.PASSWORD);
        HttpResponse<String> read = status(pupil.get(itemPage), 200);
        assertThat(read.body()).contains("/actualites/items/" + item + "/comments")
                .doesNotContain("/actualites/items/" + item + "/edit", "/actualites/items/" + item + "/delete",
                        "Aide FALC");
        String csrf = LoginAgent.encode(LoginAgent.inputValue(read, "csrf").orElseThrow());
        assertThat(pupil.send("POST", URI.create(itemPage + "/publish"), "csrf=" + csrf).statusCode()).isEqualTo(403);
        assertThat(pupil.get(itemPage + "/edit").statusCode()).isEqualTo(403);
        assertThat(pupil.send("POST", URI.create(itemPage + "/falc"), content + "&csrf=" + csrf).statusCode())
                .isEqualTo(403);
        assertThat(pupil.send("POST", URI.create(portal(a) + "/actualites/threads/" + thread + "/falc"),
                content + "&csrf=" + csrf).statusCode()).isEqualTo(403);

        // the publisher: the editor, with the FALC help
        LoginAgent teacher = Logins.portal(platform, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        assertThat(status(teacher.get(itemPage), 200).body()).contains("/actualites/items/" + item + "/edit",
                "/actualites/items/" + item + "/delete");
        assertThat(status(teacher.get(itemPage + "/edit"), 200).body()).contains("Sortie au musée", "Aide FALC",
                "/actualites/items/" + item + "/falc");

        // another collectivity's teacher, on her own domain, with A's ids: not there
        LoginAgent other = Logins.portal(platform, b.domain(), "sophie.martin", ClassFixture.PASSWORD);
        HttpResponse<String> home = status(other.get(portal(b) + "/actualites"), 200);
        String otherCsrf = LoginAgent.encode(LoginAgent.inputValue(home, "csrf").orElseThrow());
        assertThat(other.send("POST", URI.create(portal(b) + "/actualites/threads/" + thread + "/falc"),
                content + "&csrf=" + otherCsrf).statusCode()).isEqualTo(404);
        assertThat(other.send("POST", URI.create(portal(b) + "/actualites/items/" + item + "/editor"),
                content + "&csrf=" + otherCsrf).statusCode()).isEqualTo(404);
        assertThat(other.get(portal(b) + "/actualites/items/" + item + "/edit").statusCode()).isEqualTo(404);
        // none of these reached the AI provider
        assertThat(platform.ai().received()).isEmpty();
    }

    // --- helpers ---

    /** This person's notifications opening {@code link}. */
    private static List<JsonObject> notices(String token, String link) {
        HttpResponse<String> mine = status(call(a, token, "GET", "/api/notifications", null), 200);
        return jakarta.json.Json.createReader(new java.io.StringReader(mine.body())).readArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(n -> n.containsKey("link") && !n.isNull("link") && n.getString("link").equals(link)).toList();
    }

    /** The notification opening {@code link}, once it reached this person (fan-out and the job are background). */
    private static JsonObject awaitNotice(String token, String link) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<JsonObject> found = notices(token, link);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no notification opening " + link + " within 60 s");
    }

    private static String portal(ClassFixture c) {
        return "http://" + c.domain() + ":" + platform.server().runtimeBase().getPort();
    }

    private static String sharing(String threadId) {
        return "/api/sharing/actualites/thread/" + threadId;
    }

    private static String visibleGroup(String token, String name) {
        JsonObject page = Platform.json(status(call(a, token, "GET", "/api/directory/communication/visible?limit=100&q="
                + URLEncoder.encode(name.substring(0, 6), StandardCharsets.UTF_8), null), 200));
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("kind").equals("GROUP") && i.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + page)).getString("id");
    }

    private static JsonObject problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:" + code);
        return problem;
    }

    private static HttpResponse<String> status(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json) {
        return platform.send(c.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }
}
