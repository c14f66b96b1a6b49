package fr.ent.platform.it.courses;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.ai.LocalChatServer.Answer;
import fr.ent.platform.testing.ai.LocalChatServer;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Courses and their AI generation on the real platform, API and browser in one class, on the Occitanie demo (Antoine
 * Garcia teaches 2nde A at the Lycée Pierre de Fermat, where Manon Roux and Inès Bonnet are pupils; Lucas Fournier is
 * a pupil of 1re B) with the local AI server ({@link Platform#aiEnvironment}, as FalcIT). Antoine generates a course:
 * the provider receives the form's fields and no pupil's name; the draft is his alone until he publishes it; editing a
 * chapter takes its AI mark away; Manon then reads it, Lucas and another collectivity's Host and token do not. A
 * provider down, an unreadable answer and a pupil's name in the keywords each give a clear answer and store nothing.
 * Julien Lambert (1re B) publishes a course to his community: its member Manon reads it until she leaves, Inès (no
 * member, not of 1re B) and a Lyon pupil with the guessed id are refused.
 */
@ResourceLock(Platform.DEMOS)
@ResourceLock(Platform.AI)
class CoursesIT {

    private static final String API = "/api/courses";
    private static final String OCCITANIE = "occitanie.localhost";
    private static final String LYON = "lyon.localhost";

    /** What the local AI server answers: a fenced JSON course with hostile HTML in it. */
    static final String DRAFT = """
            ```json
            {"title": "La Révolution française",
             "chapters": [
              {"title": "1789, l'année des ruptures", "objectives": ["Situer les événements de 1789"],
               "text": "<p onclick=\\"steal()\\">Les États généraux s'ouvrent le 5 mai 1789.<script>alert(1)</script></p><img src=x onerror=alert(2)>",
               "exercises": ["Qui convoque les États généraux ?"]},
              {"title": "La Déclaration des droits", "objectives": ["Expliquer deux articles"],
               "text": "<p>Adoptée le 26 août 1789.</p><a href=\\"javascript:alert(3)\\">source</a>",
               "exercises": "<ol><li>Citez l'article 1.</li></ol>"}
             ]}
            ```""";

    private static Platform platform;
    private static LocalChatServer ai;
    private static String antoine;
    private static String manon;
    private static String lucas;
    private static String sophieOfLyon;
    private static String julien;
    private static String ines;
    private static String leaOfLyon;
    private static String classId;

    @BeforeAll
    static void theOccitanieDemoAndTheLocalAiServer() {
        platform = Platform.get();
        platform.demos();
        ai = platform.ai();
        antoine = token(OCCITANIE, "demo-occitanie", DemoData.login("Antoine", "Garcia"));
        manon = token(OCCITANIE, "demo-occitanie", DemoData.login("Manon", "Roux"));
        lucas = token(OCCITANIE, "demo-occitanie", DemoData.login("Lucas", "Fournier"));
        sophieOfLyon = token(LYON, "demo-lyon", DemoData.login("Sophie", "Martin"));
        julien = token(OCCITANIE, "demo-occitanie", DemoData.login("Julien", "Lambert"));
        ines = token(OCCITANIE, "demo-occitanie", DemoData.login("Inès", "Bonnet"));
        leaOfLyon = token(LYON, "demo-lyon", DemoData.login("Léa", "Durand"));
        JsonArray owners = array(call(OCCITANIE, antoine, "GET", API + "/owners", null));
        classId = owners.getValuesAs(JsonObject.class).stream().filter(o -> o.getString("kind").equals("class"))
                .filter(o -> o.getString("name").startsWith("2nde A")).findFirst().orElseThrow().getString("id");
    }

    @Test
    void aTeacherGeneratesEditsAndPublishesAPupilOfTheClassReadsAndNobodyElse() {
        int before = array(call(OCCITANIE, antoine, "GET", API, null)).size();
        // a pupil's name in the keywords: refused before anything is sent
        ai.forget();
        ai.answer(Answer.completion(DRAFT));
        JsonObject personal = problem(generate(antoine, "Révolution, Inès Bonnet"), 400, "invalid-input");
        assertThat(personal.toString()).contains("keywords");
        assertThat(ai.received()).isEmpty();

        HttpResponse<String> generated = generate(antoine, "Révolution française, 1789");
        JsonObject course = Platform.json(status(generated, 201));
        assertThat(generated.headers().firstValue("Server-Timing").orElse("")).matches("provider;dur=[0-9.]+, total;dur=[0-9.]+");
        String id = course.getString("id");
        assertThat(course.getString("state")).isEqualTo("draft");
        assertThat(course.getString("title")).isEqualTo("La Révolution française");
        assertThat(course.getBoolean("generated")).isTrue();
        assertThat(course.getString("aiPrompt")).contains("Niveau : Seconde", "Discipline : Histoire");
        assertThat(course.getString("aiParameters")).contains("\"durationMinutes\":110", "modele-falc");
        JsonArray chapters = course.getJsonArray("chapters");
        assertThat(chapters).hasSize(2);
        assertThat(chapters.getValuesAs(JsonObject.class)).allSatisfy(c -> assertThat(c.getBoolean("aiWritten")).isTrue());
        // (the sanitizer writes the apostrophe as an entity)
        assertThat(chapters.toString()).contains("Les États généraux s&#39;ouvrent le 5 mai 1789.", "source")
                .doesNotContain("<script", "onclick", "onerror", "javascript:");
        // the provider got the form's fields, and nothing about the pupils, the teacher or the class
        assertThat(ai.received()).singleElement().satisfies(r -> assertThat(r.body())
                .contains("Seconde", "Histoire", "110 minutes", "Révolution française")
                .doesNotContain("Manon", "Roux", "Inès", "Ines", "Bonnet", "Lucas", "Antoine", "Garcia", "2nde A",
                        "Fermat", classId));

        // a draft is its writers' only
        problem(call(OCCITANIE, manon, "GET", API + "/" + id, null), 404, "course-not-found");
        assertThat(array(call(OCCITANIE, manon, "GET", API, null)).toString()).doesNotContain(id);

        // editing a chapter makes it the teacher's: its AI mark goes, the other chapter keeps it
        String first = chapters.getJsonObject(0).getString("id");
        JsonObject saved = ok(call(OCCITANIE, antoine, "PUT", API + "/chapters/" + first, chapter(
                "1789, l'année des ruptures", "<p>Relu : les États généraux s'ouvrent le 5 mai 1789.</p>", 1)));
        assertThat(saved.getBoolean("aiWritten")).isFalse();
        assertThat(saved.getInt("version")).isEqualTo(2);
        problem(call(OCCITANIE, antoine, "PUT", API + "/chapters/" + first, chapter("x", "<p>ancien</p>", 1)), 409,
                "course-chapter-stale");
        JsonObject now = ok(call(OCCITANIE, antoine, "GET", API + "/" + id, null));
        assertThat(now.getJsonArray("chapters").getValuesAs(JsonObject.class)).extracting(c -> c.getBoolean("aiWritten"))
                .containsExactly(false, true);

        // published: the class's pupil reads it (not the audit), may not write; others see nothing
        assertThat(ok(call(OCCITANIE, antoine, "POST", API + "/" + id + "/publish", null)).getString("state"))
                .isEqualTo("published");
        JsonObject read = ok(call(OCCITANIE, manon, "GET", API + "/" + id, null));
        assertThat(read.getBoolean("writes")).isFalse();
        assertThat(read.getOrDefault("aiPrompt", JsonValue.NULL)).isEqualTo(JsonValue.NULL);
        assertThat(read.getJsonArray("chapters").toString()).contains("Relu : les États généraux");
        assertThat(array(call(OCCITANIE, manon, "GET", API, null)).toString()).contains(id);
        problem(call(OCCITANIE, manon, "PUT", API + "/chapters/" + first, chapter("x", "y", 2)), 403, "forbidden");
        problem(call(OCCITANIE, manon, "POST", API + "/generations", generation("Révolution")), 403, "forbidden");
        problem(call(OCCITANIE, lucas, "GET", API + "/" + id, null), 404, "course-not-found");
        problem(call(OCCITANIE, lucas, "GET", API + "/chapters/" + first, null), 404, "course-not-found");
        assertThat(array(call(OCCITANIE, lucas, "GET", API, null)).toString()).doesNotContain(id);
        // another collectivity: its Host with this token, its token here, its token on its own Host
        problem(call(LYON, antoine, "GET", API + "/" + id, null), 401, "invalid-token");
        problem(call(OCCITANIE, sophieOfLyon, "GET", API + "/" + id, null), 401, "invalid-token");
        problem(call(LYON, sophieOfLyon, "GET", API + "/" + id, null), 404, "course-not-found");
        problem(call(LYON, sophieOfLyon, "PUT", API + "/chapters/" + first, chapter("x", "y", 2)), 404,
                "course-chapter-not-found");
        problem(call(OCCITANIE, antoine, "GET", API + "/" + UUID.randomUUID(), null), 404, "course-not-found");
        problem(call(OCCITANIE, antoine, "GET", API + "/not-an-id", null), 404, "course-not-found");
        problem(platform.send(OCCITANIE, "GET", API, null, null, null), 401, "unauthenticated");
        assertThat(platform.send("nobody-courses.localhost", "GET", API, null, null, "Bearer " + antoine)
                .statusCode()).isEqualTo(404);

        // the provider down, then an answer cut off: a clear problem, and nothing stored
        ai.answer(new Answer(500, "{\"error\":{\"message\":\"détail interne\"}}", 0));
        JsonObject down = problem(generate(antoine, "Révolution"), 502, "ai-provider-error");
        assertThat(down.getString("detail")).contains("500").doesNotContain("détail interne");
        ai.answer(Answer.completion("{\"title\": \"Coupé\", \"chapters\": [{\"title\": \"1789\", \"text\": \"<p>Les"));
        problem(generate(antoine, "Révolution"), 502, "ai-provider-invalid-response");
        problem(call(OCCITANIE, antoine, "POST", API + "/generations", "{pas du json"), 400, "malformed-request");
        assertThat(array(call(OCCITANIE, antoine, "GET", API, null))).hasSize(before + 1);
    }

    /**
     * The browser path, on a phone's width, without a script of ours: Antoine generates a course from the form, sees
     * each chapter marked « Rédigé par l'IA, non relu », edits one (its mark goes), publishes; with the provider down,
     * the form comes back as typed with the reason. Manon reads the course. The form, the draft, the chapter editor
     * and the failed generation are scanned with axe-core.
     */
    @Test
    void inTheBrowserATeacherGeneratesEditsAndPublishesAndAPupilReads() {
        ai.forget();
        ai.answer(Answer.completion(DRAFT));
        String page;
        try (RealBrowser teacher = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(teacher, "/courses", DemoData.login("Antoine", "Garcia"));
            scan(teacher, "my courses and the generation form");
            fillGeneration(teacher, "Les droits de l'homme");
            clickAndWait(teacher, By.cssSelector("form[action='/courses/generate'] button"));
            assertThat(mainText(teacher)).contains("Le brouillon est généré", "La Révolution française", "brouillon",
                    "Les États généraux s'ouvrent le 5 mai 1789.");
            assertThat(teacher.driver().findElements(By.cssSelector(".course-ai"))).hasSize(2);
            assertThat(teacher.contentWidth()).isLessThanOrEqualTo(teacher.viewportWidth());
            scan(teacher, "a generated draft");

            clickAndWait(teacher, By.linkText("Modifier ce chapitre"));
            assertThat(mainText(teacher)).contains("Rédigé par l'IA, non relu");
            scan(teacher, "the chapter editor");
            teacher.typeRich("chapter-content", "Les États généraux s'ouvrent à Versailles le 5 mai 1789.");
            clickAndWait(teacher, By.cssSelector("form.wiki-form button[type=submit]"));
            assertThat(mainText(teacher)).contains("Le chapitre est enregistré.", "à Versailles");
            assertThat(teacher.driver().findElements(By.cssSelector(".course-ai"))).hasSize(1);
            clickAndWait(teacher, By.xpath("//button[contains(., 'Publier le cours')]"));
            assertThat(mainText(teacher)).contains("Le cours est publié", "publié");
            page = teacher.currentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "");

            ai.answer(new Answer(503, "{}", 0));
            teacher.open(url("/courses"));
            fillGeneration(teacher, "Constitution de 1791");
            clickAndWait(teacher, By.cssSelector("form[action='/courses/generate'] button"));
            assertThat(mainText(teacher)).contains("Le fournisseur d'IA a répondu par une erreur (statut 503)",
                    "Rien n'a été enregistré");
            assertThat(teacher.driver().findElement(By.id("gen-keywords")).getDomProperty("value"))
                    .isEqualTo("Constitution de 1791");
            scan(teacher, "a failed generation");
        }
        try (RealBrowser pupil = RealBrowser.start()) {
            signInAt(pupil, page, DemoData.login("Manon", "Roux"));
            assertThat(mainText(pupil)).contains("La Révolution française", "à Versailles", "Rédigé par l'IA, non relu")
                    .doesNotContain("Modifier", "Publier", "Demande envoyée");
        }
    }

    /**
     * Issue 16's cross-app path, in the browser from the demo data: Julien Lambert, who teaches 1re B at the Lycée
     * Pierre de Fermat, generates a course with the local AI server, edits a chapter and publishes the draft to the
     * community he administers (« Publier dans une communauté », a plain form), which Manon Roux (2nde A) joined on
     * request. Manon reads the course; Inès Bonnet (2nde A, no member) gets a readable refusal page and, on the API,
     * a problem document; a Lyon pupil with the guessed id too. Only the course's manager publishes, only to a
     * community he administers of this collectivity. When Manon leaves, the course is gone for her at once; withdrawn,
     * it is no longer shared. The teacher's pages and the refusal are scanned with axe-core.
     */
    @Test
    void aTeacherPublishesAGeneratedCourseToHisCommunityItsMemberReadsItOthersAreRefused() {
        String name = "Club d'histoire " + UUID.randomUUID().toString().substring(0, 6);
        String community = Platform.json(status(call(OCCITANIE, julien, "POST", "/api/communities",
                Json.createObjectBuilder().add("name", name).add("description", "Lectures du mardi").build()
                        .toString()), 201)).getString("id");
        status(call(OCCITANIE, manon, "POST", "/api/communities/" + community + "/requests", null), 200);
        String manonId = ok(call(OCCITANIE, julien, "GET", "/api/communities/" + community, null))
                .getJsonArray("pending").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("state").equals("requested")).findFirst().orElseThrow().getString("id");
        status(call(OCCITANIE, julien, "POST", "/api/communities/" + community + "/requests/" + manonId + "/accept",
                null), 204);
        String lyonCommunity = Platform.json(status(call(LYON, sophieOfLyon, "POST", "/api/communities",
                "{\"name\":\"Club de Lyon\"}"), 201)).getString("id");

        ai.forget();
        ai.answer(Answer.completion(DRAFT));
        String page;
        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/courses", DemoData.login("Julien", "Lambert"));
            fillGeneration(teacher, "Révolution, Déclaration des droits");
            clickAndWait(teacher, By.cssSelector("form[action='/courses/generate'] button"));
            assertThat(mainText(teacher)).contains("Le brouillon est généré", "La Révolution française",
                    "Communautés", "Publier dans la communauté");
            clickAndWait(teacher, By.linkText("Modifier ce chapitre"));
            teacher.typeRich("chapter-content", "Relu par M. Lambert : les États généraux s'ouvrent le 5 mai 1789.");
            clickAndWait(teacher, By.cssSelector("form.wiki-form button[type=submit]"));
            assertThat(mainText(teacher)).contains("Le chapitre est enregistré.", "Relu par M. Lambert");
            teacher.driver().findElement(By.xpath("//select[@id='course-community']/option[.=\"" + name + "\"]"))
                    .click();
            scan(teacher, "a draft with the form to publish it in a community");
            clickAndWait(teacher, By.xpath("//button[contains(., 'Publier dans la communauté')]"));
            assertThat(mainText(teacher)).contains("Le cours est publié dans la communauté", "publié", name,
                    "Retirer");
            scan(teacher, "a course published in a community");
            page = teacher.currentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "");
        }
        String id = page.substring(page.lastIndexOf('/') + 1);
        try (RealBrowser member = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(member, page, DemoData.login("Manon", "Roux"));
            assertThat(mainText(member)).contains("La Révolution française", "Relu par M. Lambert")
                    .doesNotContain("Modifier", "Publier", "Retirer");
        }
        try (RealBrowser outsider = RealBrowser.start()) {
            signInAt(outsider, page, DemoData.login("Inès", "Bonnet"));
            assertThat(outsider.text()).contains("Cours introuvable").doesNotContain("Relu par M. Lambert");
            scan(outsider, "a course refused to a pupil who is no member");
        }

        // the API says the same: the member reads (and writes nothing), the others are refused
        JsonObject read = ok(call(OCCITANIE, manon, "GET", API + "/" + id, null));
        assertThat(read.getString("state")).isEqualTo("published");
        assertThat(read.getBoolean("writes")).isFalse();
        assertThat(array(call(OCCITANIE, manon, "GET", API, null)).toString()).contains(id);
        // the community's page lists it among what is shared with it, leading to the course
        assertThat(array(call(OCCITANIE, manon, "GET", "/api/communities/" + community + "/documents", null))
                .toString()).contains("La Révolution française", "/courses/" + id);
        problem(call(OCCITANIE, ines, "GET", API + "/" + id, null), 404, "course-not-found");
        assertThat(array(call(OCCITANIE, ines, "GET", API, null)).toString()).doesNotContain(id);
        problem(call(LYON, leaOfLyon, "GET", API + "/" + id, null), 404, "course-not-found");
        problem(call(OCCITANIE, leaOfLyon, "GET", API + "/" + id, null), 401, "invalid-token");
        JsonObject where = ok(call(OCCITANIE, julien, "GET", API + "/" + id + "/communities", null));
        assertThat(where.getJsonArray("publishedTo").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name")).containsExactly(name);
        assertThat(ok(call(OCCITANIE, manon, "GET", API + "/" + id + "/communities", null))
                .getJsonArray("publishedTo")).isEmpty();

        // who may publish where: the course's manager, to a community he administers, of this collectivity
        String to = "{\"community\":\"" + community + "\"}";
        problem(call(OCCITANIE, manon, "POST", API + "/" + id + "/communities", to), 403, "forbidden");
        problem(call(OCCITANIE, ines, "POST", API + "/" + id + "/communities", to), 404, "course-not-found");
        problem(call(OCCITANIE, antoine, "POST", API + "/" + id + "/communities", to), 404, "course-not-found");
        problem(call(LYON, sophieOfLyon, "POST", API + "/" + id + "/communities",
                "{\"community\":\"" + lyonCommunity + "\"}"), 404, "course-not-found");
        problem(call(OCCITANIE, julien, "POST", API + "/" + id + "/communities",
                "{\"community\":\"" + lyonCommunity + "\"}"), 404, "community-not-found");
        problem(call(OCCITANIE, julien, "POST", API + "/" + id + "/communities",
                "{\"community\":\"" + UUID.randomUUID() + "\"}"), 404, "community-not-found");
        problem(call(OCCITANIE, julien, "POST", API + "/" + id + "/communities", "{\"community\":\"x\"}"), 404,
                "community-not-found");
        problem(call(OCCITANIE, julien, "POST", API + "/" + UUID.randomUUID() + "/communities", to), 404,
                "course-not-found");
        problem(call(OCCITANIE, julien, "DELETE", API + "/" + id + "/communities/" + lyonCommunity, null), 404,
                "community-not-found");
        // publishing twice changes nothing
        assertThat(ok(call(OCCITANIE, julien, "POST", API + "/" + id + "/communities", to))
                .getJsonArray("publishedTo")).hasSize(1);

        // Manon leaves: the course is gone for her at once; withdrawn, it is shared with nobody
        status(call(OCCITANIE, manon, "POST", "/api/communities/" + community + "/leave", null), 204);
        problem(call(OCCITANIE, manon, "GET", API + "/" + id, null), 404, "course-not-found");
        assertThat(array(call(OCCITANIE, manon, "GET", API, null)).toString()).doesNotContain(id);
        status(call(OCCITANIE, julien, "DELETE", API + "/" + id + "/communities/" + community, null), 204);
        assertThat(ok(call(OCCITANIE, julien, "GET", API + "/" + id + "/communities", null))
                .getJsonArray("publishedTo")).isEmpty();
    }

    // --- helpers ---

    private static void fillGeneration(RealBrowser browser, String keywords) {
        fill(browser, "gen-level", "Seconde");
        fill(browser, "gen-subject", "Histoire");
        fill(browser, "gen-duration", "110");
        fill(browser, "gen-keywords", keywords);
    }

    private static HttpResponse<String> generate(String token, String keywords) {
        return call(OCCITANIE, token, "POST", API + "/generations", generation(keywords));
    }

    private static String generation(String keywords) {
        return Json.createObjectBuilder().add("ownerKind", "class").add("ownerId", classId).add("level", "Seconde")
                .add("subject", "Histoire").add("durationMinutes", 110).add("keywords", keywords).build().toString();
    }

    private static String chapter(String title, String content, int baseVersion) {
        return Json.createObjectBuilder().add("title", title).add("objectives", "Situer 1789").add("content", content)
                .add("exercises", "").add("baseVersion", baseVersion).build().toString();
    }

    private static String mainText(RealBrowser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static void signInAt(RealBrowser browser, String path, String username) {
        browser.open(url(path));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, DemoData.DEMO_PASSWORD);
        browser.awaitUrlStartingWith(url(path));
    }

    private static void fill(RealBrowser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String url(String path) {
        return "http://" + OCCITANIE + ":" + platform.server().runtimeBase().getPort() + path;
    }

    private static JsonObject ok(HttpResponse<String> response) {
        return Platform.json(status(response, 200));
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

    private static HttpResponse<String> call(String host, String token, String method, String path, String json) {
        return platform.send(host, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static String token(String host, String slug, String username) {
        return Logins.accessToken(platform, slug, host, username, DemoData.DEMO_PASSWORD);
    }
}
