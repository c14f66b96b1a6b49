package fr.ent.platform.it.wiki;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The wiki on the real platform, API and browser in one class (one fixture, a few seconds of Chromium). In
 * collectivity A ({@link ClassFixture}: Sophie Martin teaches CP where Léa Durand and Hugo Moreau are pupils, Nicolas
 * Durand is Léa's father; Zoé Roux is a pupil of CM2 in the other school, taught by Marc Petit; Paul Blanc teaches in
 * Sophie's school, in no class), Sophie opens her class's wiki and writes pages: the class and Léa's father read
 * them, nobody else does (another class's pupil and teacher: 404) until Sophie shares the wiki with Paul, who may then
 * write. Hostile HTML is stored sanitized; a save from a stale version is 409 and loses nothing; a restore is a new
 * version. Another collectivity's Host, token and ids, guessed and malformed ids reach nothing.
 */
class WikiIT {

    private static final String API = "/api/wiki";

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String paul;
    private static String sophie;
    private static String nicolas;
    private static String lea;
    private static String zoe;
    private static String marc;
    private static String paulToken;
    private static String sophieOfB;

    @BeforeAll
    static void aClassItsFamiliesAnotherClassAndAnotherCollectivity() {
        platform = Platform.get();
        a = ClassFixture.create("wiki-a");
        b = ClassFixture.create("wiki-b");
        a.account("Teacher", "Petit", "Marc", a.schoolB, List.of(a.cm2), List.of());
        paul = a.account("Teacher", "Blanc", "Paul", a.schoolA, List.of(), List.of());
        sophie = token(a, "sophie.martin");
        nicolas = token(a, "nicolas.durand");
        lea = token(a, "lea.durand");
        zoe = token(a, "zoe.roux");
        marc = token(a, "marc.petit");
        paulToken = token(a, "paul.blanc");
        sophieOfB = token(b, "sophie.martin");
    }

    @Test
    void aClassWikiIsWrittenByItsTeacherReadByItsFamiliesAndNobodyElse() {
        JsonObject wiki = created(call(a, sophie, "POST", API + "/wikis", Json.createObjectBuilder()
                .add("ownerKind", "class").add("ownerId", a.cp).add("title", "Wiki du CP").build().toString()));
        String wikiId = wiki.getString("id");
        assertThat(wiki.getString("right")).isEqualTo("manager");
        problem(call(a, lea, "POST", API + "/wikis", "{\"ownerKind\":\"class\",\"ownerId\":\"" + a.cp
                + "\",\"title\":\"x\"}"), 403, "forbidden");
        problem(call(a, zoe, "POST", API + "/wikis", "{\"ownerKind\":\"class\",\"ownerId\":\"" + a.cp
                + "\",\"title\":\"x\"}"), 404, "wiki-owner-not-found");

        // hostile HTML is stored sanitized; links by title resolve within the wiki, or show broken
        JsonObject saisons = created(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages", page("Les saisons",
                "<p onclick=\"steal()\">Voir [[Le printemps]] et [[Hiver]].<script>alert(1)</script>"
                        + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">ici</a></p>", null, null)));
        String saisonsId = saisons.getString("id");
        assertThat(saisons.getInt("version")).isEqualTo(1);
        assertThat(saisons.getString("content")).contains("Voir", "ici").doesNotContain("script", "onclick",
                "onerror", "<img", "javascript:");
        String printempsId = created(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages",
                page("Le printemps", "<p>Les fleurs.</p>", saisonsId, null))).getString("id");
        JsonObject read = ok(call(a, sophie, "GET", API + "/pages/" + saisonsId, null));
        assertThat(read.getString("html")).contains("href=\"/wiki/pages/" + printempsId + "\"",
                "class=\"wiki-broken\">Hiver");
        assertThat(read.getJsonArray("links").toString()).contains("\"pageId\":\"" + printempsId + "\"");
        assertThat(read.getJsonArray("children").getJsonObject(0).getString("id")).isEqualTo(printempsId);
        JsonObject tree = ok(call(a, sophie, "GET", API + "/wikis/" + wikiId, null));
        assertThat(tree.getJsonArray("pages").getJsonObject(0).getJsonArray("children").getJsonObject(0)
                .getString("title")).isEqualTo("Le printemps");
        problem(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages", page("LES SAISONS", "", null, null)),
                409, "wiki-title-taken");

        // every save a version; a save from a stale version is refused and the newer text stays
        ok(call(a, sophie, "PUT", API + "/pages/" + saisonsId, page("Les saisons", "<p>Quatre saisons.</p>", null, 1)));
        JsonObject stale = problem(call(a, sophie, "PUT", API + "/pages/" + saisonsId,
                page("Les saisons", "<p>Écrit sur la version 1.</p>", null, 1)), 409, "wiki-page-stale");
        assertThat(stale.getString("detail")).contains("1", "2");
        assertThat(ok(call(a, sophie, "GET", API + "/pages/" + saisonsId, null)).getString("content"))
                .isEqualTo("<p>Quatre saisons.</p>");
        JsonObject diff = ok(call(a, sophie, "GET", API + "/pages/" + saisonsId + "/diff?from=1&to=2", null));
        assertThat(diff.getJsonArray("rows").toString()).contains("\"kind\":\"REMOVED\"", "\"kind\":\"ADDED\"",
                "Quatre saisons.");
        JsonObject restored = ok(call(a, sophie, "POST", API + "/pages/" + saisonsId + "/versions/1/restore",
                "{\"baseVersion\":2}"));
        assertThat(restored.getInt("version")).isEqualTo(3);
        assertThat(restored.getString("content")).isEqualTo(saisons.getString("content"));
        problem(call(a, sophie, "POST", API + "/pages/" + saisonsId + "/versions/2/restore", "{\"baseVersion\":2}"),
                409, "wiki-page-stale");
        JsonArray history = array(call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions", null));
        assertThat(history).hasSize(3);
        assertThat(history.getJsonObject(0).getInt("restoredFrom")).isEqualTo(1);
        // a long history comes a slice at a time: the next slice named by Link rel="next", until none is left
        HttpResponse<String> first = call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions?limit=2", null);
        assertThat(array(first)).extracting(v -> v.asJsonObject().getInt("number")).containsExactly(3, 2);
        assertThat(first.headers().firstValue("Link").orElse("")).contains(
                "/api/wiki/pages/" + saisonsId + "/versions?before=2&limit=2", "rel=\"next\"");
        HttpResponse<String> last = call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions?before=2&limit=2",
                null);
        assertThat(array(last)).extracting(v -> v.asJsonObject().getInt("number")).containsExactly(1);
        assertThat(last.headers().firstValue("Link")).isEmpty();
        problem(call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions?limit=-1", null), 400,
                "malformed-request");
        assertThat(ok(call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions/2", null))
                .getString("content")).isEqualTo("<p>Quatre saisons.</p>");

        // the class's pupils and parents read, and may not write
        for (String reader : List.of(lea, nicolas)) {
            assertThat(array(call(a, reader, "GET", API + "/wikis", null)).toString()).contains(wikiId);
            JsonObject p = ok(call(a, reader, "GET", API + "/pages/" + saisonsId, null));
            assertThat(p.getBoolean("writes")).isFalse();
            problem(call(a, reader, "PUT", API + "/pages/" + saisonsId, page("Les saisons", "x", null, 3)), 403,
                    "forbidden");
            problem(call(a, reader, "POST", API + "/wikis/" + wikiId + "/pages", page("Autre", "x", null, null)),
                    403, "forbidden");
        }
        // another class's pupil and teacher, a teacher of the school outside the class: as if it did not exist
        for (String outsider : List.of(zoe, marc, paulToken)) {
            assertThat(array(call(a, outsider, "GET", API + "/wikis", null)).toString()).doesNotContain(wikiId);
            problem(call(a, outsider, "GET", API + "/pages/" + saisonsId, null), 404, "wiki-page-not-found");
            problem(call(a, outsider, "GET", API + "/pages/" + saisonsId + "/versions/1", null), 404,
                    "wiki-page-not-found");
            problem(call(a, outsider, "GET", API + "/wikis/" + wikiId, null), 404, "wiki-not-found");
            problem(call(a, outsider, "PUT", API + "/pages/" + saisonsId, page("Les saisons", "x", null, 3)), 404,
                    "wiki-page-not-found");
        }
        // until Sophie shares the wiki with Paul (the platform's share rights): then he writes in it
        ok(call(a, sophie, "PUT", "/api/sharing/wiki/wiki/" + wikiId, "{\"shares\":[{\"kind\":\"user\",\"id\":\""
                + paul + "\",\"right\":\"contrib\"}]}"));
        assertThat(ok(call(a, paulToken, "PUT", API + "/pages/" + printempsId, page("Le printemps",
                "<p>Les fleurs poussent.</p>", null, 1))).getInt("version")).isEqualTo(2);
        assertThat(array(call(a, paulToken, "GET", API + "/wikis", null)).toString()).contains(wikiId, "contrib");

        // bad input
        problem(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages", page(" ", "x", null, null)), 400,
                "invalid-input");
        problem(call(a, sophie, "PUT", API + "/pages/" + saisonsId, page("Les saisons", "x", null, null)), 400,
                "invalid-input");
        problem(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages", "{not json"), 400, "malformed-request");
        problem(call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions/99", null), 404,
                "wiki-version-not-found");
        problem(call(a, sophie, "DELETE", API + "/pages/" + saisonsId, null), 409, "wiki-page-has-children");
        // another collectivity: its Host, its tokens, its ids; guessed and malformed ids; anonymous; unknown host
        problem(call(b, sophie, "GET", API + "/pages/" + saisonsId, null), 401, "invalid-token");
        problem(call(a, sophieOfB, "GET", API + "/pages/" + saisonsId, null), 401, "invalid-token");
        problem(call(b, sophieOfB, "GET", API + "/pages/" + saisonsId, null), 404, "wiki-page-not-found");
        problem(call(b, sophieOfB, "GET", API + "/wikis/" + wikiId, null), 404, "wiki-not-found");
        problem(call(b, sophieOfB, "PUT", API + "/pages/" + saisonsId, page("Les saisons", "x", null, 3)), 404,
                "wiki-page-not-found");
        problem(call(b, sophieOfB, "POST", API + "/wikis", "{\"ownerKind\":\"class\",\"ownerId\":\"" + a.cp
                + "\",\"title\":\"x\"}"), 404, "wiki-owner-not-found");
        assertThat(array(call(b, sophieOfB, "GET", API + "/wikis", null))).isEmpty();
        problem(call(a, sophie, "GET", API + "/pages/" + UUID.randomUUID(), null), 404, "wiki-page-not-found");
        problem(call(a, sophie, "GET", API + "/wikis/not-an-id", null), 404, "wiki-not-found");
        problem(platform.send(a.domain(), "GET", API + "/wikis", null, null, null), 401, "unauthenticated");
        assertThat(platform.send("nobody-wiki.localhost", "GET", API + "/wikis", null, null, "Bearer " + sophie)
                .statusCode()).isEqualTo(404);

        // the tree changes without cutting a branch off; then the emptied page goes, with its history
        problem(call(a, sophie, "PUT", API + "/pages/" + saisonsId + "/place", "{\"parentId\":\"" + printempsId
                + "\",\"position\":1}"), 400, "invalid-input");
        problem(call(a, lea, "PUT", API + "/pages/" + printempsId + "/place", "{\"position\":1}"), 403, "forbidden");
        ok(call(a, sophie, "PUT", API + "/pages/" + printempsId + "/place", "{\"position\":1}"));
        assertThat(ok(call(a, sophie, "GET", API + "/wikis/" + wikiId, null)).getJsonArray("pages")
                .getValuesAs(JsonObject.class).stream().map(n -> n.getString("title")).toList())
                .containsExactly("Le printemps", "Les saisons");
        assertThat(call(a, sophie, "DELETE", API + "/pages/" + saisonsId, null).statusCode()).isEqualTo(204);
        problem(call(a, sophie, "GET", API + "/pages/" + saisonsId + "/versions", null), 404, "wiki-page-not-found");
    }

    /**
     * The browser path, without a script of ours: Sophie opens her class's wiki, writes a page and a sub-page, edits
     * the page, compares two versions and restores the first; Léa reads it. The editor, a page (with the writer's
     * forms) and the comparison are scanned with axe-core (WCAG 2.1 AA, no serious or critical violation).
     */
    @Test
    void aTeacherWritesPagesComparesAndRestoresAndAPupilReads() {
        String page;
        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/wiki", "sophie.martin");
            fill(teacher, "wiki-title", "Cahier de sciences");
            clickAndWait(teacher, By.cssSelector("form[action='/wiki/wikis'] button"));
            assertThat(mainText(teacher)).contains("Le wiki est ouvert.", "Cahier de sciences");
            clickAndWait(teacher, By.linkText("Nouvelle page"));
            fill(teacher, "wiki-page-title", "Les planètes");
            fill(teacher, "wiki-page-content", "Il y a huit planètes.\nVoir [[La Terre]].");
            scan(teacher, "the page editor");
            clickAndWait(teacher, By.cssSelector("form.wiki-form button[type=submit]"));
            assertThat(mainText(teacher)).contains("La page a été créée.", "Il y a huit planètes.",
                    "La Terre (page inexistante)");
            clickAndWait(teacher, By.linkText("Ajouter une sous-page"));
            fill(teacher, "wiki-page-title", "La Terre");
            fill(teacher, "wiki-page-content", "Notre planète.");
            clickAndWait(teacher, By.cssSelector("form.wiki-form button[type=submit]"));
            clickAndWait(teacher, By.cssSelector(".wiki-trail a[href^='/wiki/pages/']"));
            assertThat(teacher.driver().findElement(By.cssSelector("a.wiki-link")).getText()).isEqualTo("La Terre");
            scan(teacher, "a page with its sub-page");

            clickAndWait(teacher, By.linkText("Modifier"));
            fill(teacher, "wiki-page-content", "Il y a huit planètes autour du Soleil.\nVoir [[La Terre]].");
            clickAndWait(teacher, By.cssSelector("form.wiki-form button[type=submit]"));
            assertThat(mainText(teacher)).contains("Les modifications ont été enregistrées.", "Version 2");
            clickAndWait(teacher, By.linkText("Historique"));
            clickAndWait(teacher, By.cssSelector("form.wiki-compare button"));
            assertThat(mainText(teacher)).contains("de la version 1 à la version 2", "Retiré : Il y a huit planètes.",
                    "Ajouté : Il y a huit planètes autour du Soleil.");
            scan(teacher, "the comparison of two versions");
            clickAndWait(teacher, By.linkText("Retour à l'historique"));
            clickAndWait(teacher, By.linkText("Version 1"));
            clickAndWait(teacher, By.xpath("//button[contains(., 'Rétablir la version 1')]"));
            assertThat(mainText(teacher)).contains("La version a été rétablie.", "Version 3", "Il y a huit planètes.")
                    .doesNotContain("autour du Soleil");
            page = teacher.currentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        }
        // the pupil opens the page from a link (a notification, the teacher's message): the same template as the
        // teacher's page, scanned above, without the writer's actions
        try (RealBrowser pupil = RealBrowser.start()) {
            signInAt(pupil, page, "lea.durand");
            assertThat(mainText(pupil)).contains("Cahier de sciences", "Les planètes", "Il y a huit planètes.",
                    "Historique").doesNotContain("Modifier", "Ajouter une sous-page", "Déplacer", "Supprimer");
        }
    }

    // --- helpers ---

    private static String page(String title, String content, String parentId, Integer baseVersion) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("title", title).add("content", content);
        if (parentId != null) {
            body.add("parentId", parentId);
        }
        if (baseVersion != null) {
            body.add("baseVersion", baseVersion);
        }
        return body.build().toString();
    }

    private static String mainText(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static void signInAt(RealBrowser browser, String path, String username) {
        browser.open(url(path));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, ClassFixture.PASSWORD);
        browser.awaitUrlStartingWith(url(path));
    }

    private static void fill(RealBrowser browser, String id, String text) {
        if (!browser.driver().findElements(By.id(id + "-visual")).isEmpty()) {
            browser.typeRich(id, text); // the platform's visual editor stands for this textarea (ADR 0045)
            return;
        }
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String url(String path) {
        return "http://" + a.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }

    private static JsonObject ok(HttpResponse<String> response) {
        return Platform.json(status(response, 200));
    }

    private static JsonObject created(HttpResponse<String> response) {
        return Platform.json(status(response, 201));
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(status(response, 200).body())).readArray();
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
