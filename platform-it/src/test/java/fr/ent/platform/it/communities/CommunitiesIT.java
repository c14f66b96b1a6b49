package fr.ent.platform.it.communities;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Communautés on the real platform, in the demo collectivities as {@code ./run-platform.sh} seeds them (Région
 * Occitanie, Lycée Pierre de Fermat: Antoine Garcia teaches 2nde A, where Manon Roux and Inès Bonnet are pupils; Ville
 * de Lyon: Sophie Martin). Antoine creates a community and invites Manon, who accepts (notified), reads an
 * announcement and a discussion, replies (hostile HTML stored sanitized) and reads a document Antoine shared with the
 * community through the platform's share rights, until she leaves: then the document is refused. Inès, no member, is
 * refused the content; Lyon's Host, tokens and guessed ids reach nothing. The browser path, without a script, is
 * scanned with axe-core.
 */
@ResourceLock(Platform.DEMOS)
class CommunitiesIT {

    private static final String API = "/api/communities";
    private static final String OCCITANIE = "occitanie.localhost";
    private static final String LYON = "lyon.localhost";

    private static Platform platform;
    private static String antoine;
    private static String manon;
    private static String ines;
    private static String sophieOfLyon;

    @BeforeAll
    static void theDemoCollectivities() {
        platform = Platform.get();
        platform.demos();
        antoine = token("demo-occitanie", OCCITANIE, "antoine.garcia");
        manon = token("demo-occitanie", OCCITANIE, "manon.roux");
        ines = token("demo-occitanie", OCCITANIE, "ines.bonnet");
        sophieOfLyon = token("demo-lyon", LYON, "sophie.martin");
    }

    @Test
    void membershipGivesTheCommunitysContentAndSharesAndLeavingTakesThemAway() throws InterruptedException {
        String name = "Club sciences " + UUID.randomUUID().toString().substring(0, 8);
        JsonObject created = created(call(OCCITANIE, antoine, "POST", API, "{\"name\":\"" + name
                + "\",\"description\":\"Expériences du jeudi\"}"));
        String id = created.getString("id");
        assertThat(created.getString("role")).isEqualTo("admin");
        problem(call(OCCITANIE, manon, "POST", API, "{\"name\":\"x\"}"), 403, "forbidden");
        problem(call(OCCITANIE, antoine, "POST", API, "{\"name\":\" \"}"), 400, "invalid-input");
        problem(call(OCCITANIE, antoine, "POST", API, "{not json"), 400, "malformed-request");

        // Antoine finds Manon among those he may write to, and invites her: she is not a member until she accepts
        JsonArray found = array(call(OCCITANIE, antoine, "GET", API + "/" + id + "/candidates?q=Roux", null));
        String manonId = found.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name")
                .contains("Manon")).findFirst().orElseThrow().getString("id");
        assertThat(created(call(OCCITANIE, antoine, "POST", API + "/" + id + "/invitations",
                "{\"person\":\"" + manonId + "\"}")).getString("state")).isEqualTo("invited");
        problem(call(OCCITANIE, antoine, "POST", API + "/" + id + "/invitations", "{\"person\":\"" + manonId
                + "\"}"), 409, "community-already-invited");
        problem(call(OCCITANIE, manon, "GET", API + "/" + id, null), 403, "community-members-only");
        assertThat(ok(call(OCCITANIE, manon, "GET", API + "/" + id + "/summary", null)).getString("state"))
                .isEqualTo("invited");
        awaitNotification(manon, name);
        assertThat(ok(call(OCCITANIE, manon, "POST", API + "/" + id + "/invitation/accept", null))
                .getString("state")).isEqualTo("member");

        // an announcement and a discussion; a hostile reply is stored sanitized
        created(call(OCCITANIE, antoine, "POST", API + "/" + id + "/announcements",
                "{\"title\":\"Sortie à la Cité de l'espace\",\"content\":\"Jeudi 14 h, devant le lycée.\"}"));
        problem(call(OCCITANIE, manon, "POST", API + "/" + id + "/announcements", "{\"title\":\"x\",\"content\":\"y\"}"),
                403, "community-admins-only");
        String topic = created(call(OCCITANIE, antoine, "POST", API + "/" + id + "/topics",
                "{\"title\":\"Fusées à eau\",\"content\":\"Qui apporte des bouteilles ?\"}")).getString("id");
        JsonObject reply = created(call(OCCITANIE, manon, "POST", API + "/topics/" + topic + "/posts",
                "{\"content\":\"<p onclick=\\\"steal()\\\">Moi !</p><script>alert(1)</script>"
                        + "<img src=x onerror=alert(2)><a href=\\\"javascript:alert(3)\\\">ici</a>\"}"));
        assertThat(reply.getString("content")).contains("Moi !").doesNotContain("script", "onclick", "onerror",
                "<img", "javascript:");
        JsonObject community = ok(call(OCCITANIE, manon, "GET", API + "/" + id, null));
        assertThat(community.getJsonArray("announcements").toString()).contains("Sortie à la Cité de l'espace");
        assertThat(community.getJsonArray("topics").toString()).contains("Fusées à eau");
        assertThat(community.getJsonArray("members").toString()).contains(manonId);
        JsonArray posts = ok(call(OCCITANIE, manon, "GET", API + "/topics/" + topic, null)).getJsonArray("posts");
        assertThat(posts).hasSize(2);
        // the platform's content alert: a member reports a post she reads; a non-member cannot even name it
        String report = "{\"app\":\"communities\",\"kind\":\"post\",\"id\":\""
                + posts.getJsonObject(0).getString("id") + "\",\"reason\":\"spam\",\"comment\":\"\"}";
        created(call(OCCITANIE, manon, "POST", "/api/moderation/reports", report));
        problem(call(OCCITANIE, ines, "POST", "/api/moderation/reports", report), 404, "no-such-resource");

        // a document shared with the community: its members read it
        String file = created(platform.send(OCCITANIE, "POST", "/api/documents/files?name="
                + URLEncoder.encode("protocole-" + id.substring(0, 8) + ".pdf", StandardCharsets.UTF_8),
                "application/pdf", pdf(), "Bearer " + antoine)).getString("id");
        status(call(OCCITANIE, antoine, "POST", "/api/documents/nodes/" + file + "/shareable", ""), 200);
        problem(call(OCCITANIE, manon, "GET", "/api/documents/nodes/" + file, null), 404, "document-not-found");
        ok(call(OCCITANIE, antoine, "PUT", "/api/sharing/documents/node/" + file,
                "{\"shares\":[{\"kind\":\"community\",\"id\":\"" + id + "\",\"right\":\"read\"}]}"));
        ok(call(OCCITANIE, manon, "GET", "/api/documents/nodes/" + file, null));
        assertThat(array(call(OCCITANIE, manon, "GET", API + "/" + id + "/documents", null)).toString())
                .contains("protocole-", "/documents/files/" + file);

        // a pupil who is no member: the community's name, not its content, nor its document
        problem(call(OCCITANIE, ines, "GET", API + "/" + id, null), 403, "community-members-only");
        problem(call(OCCITANIE, ines, "GET", API + "/topics/" + topic, null), 403, "community-members-only");
        problem(call(OCCITANIE, ines, "POST", API + "/topics/" + topic + "/posts", "{\"content\":\"x\"}"), 403,
                "community-members-only");
        problem(call(OCCITANIE, ines, "GET", API + "/" + id + "/documents", null), 403, "community-members-only");
        problem(call(OCCITANIE, ines, "GET", "/api/documents/nodes/" + file, null), 404, "document-not-found");
        problem(call(OCCITANIE, ines, "POST", API + "/" + id + "/invitations", "{\"person\":\"" + manonId + "\"}"),
                403, "community-members-only");
        // she asks to join; Antoine refuses: still nothing
        assertThat(ok(call(OCCITANIE, ines, "POST", API + "/" + id + "/requests", null)).getString("state"))
                .isEqualTo("requested");
        String inesId = ok(call(OCCITANIE, antoine, "GET", API + "/" + id, null)).getJsonArray("pending")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("state").equals("requested"))
                .findFirst().orElseThrow().getString("id");
        status(call(OCCITANIE, antoine, "POST", API + "/" + id + "/requests/" + inesId + "/refuse", null), 204);
        problem(call(OCCITANIE, ines, "GET", API + "/" + id, null), 403, "community-members-only");

        // the last administrator cannot leave without naming a member; Manon leaves: the share goes with her
        problem(call(OCCITANIE, antoine, "POST", API + "/" + id + "/leave", null), 409, "community-last-admin");
        status(call(OCCITANIE, manon, "POST", API + "/" + id + "/leave", null), 204);
        problem(call(OCCITANIE, manon, "GET", "/api/documents/nodes/" + file, null), 404, "document-not-found");
        problem(call(OCCITANIE, manon, "GET", API + "/" + id, null), 403, "community-members-only");
        problem(call(OCCITANIE, manon, "GET", API + "/topics/" + topic, null), 403, "community-members-only");

        // another collectivity: its Host, its tokens; guessed and malformed ids; anonymous
        problem(call(LYON, antoine, "GET", API + "/" + id, null), 401, "invalid-token");
        problem(call(OCCITANIE, sophieOfLyon, "GET", API + "/" + id, null), 401, "invalid-token");
        problem(call(LYON, sophieOfLyon, "GET", API + "/" + id + "/summary", null), 404, "community-not-found");
        problem(call(LYON, sophieOfLyon, "POST", API + "/" + id + "/requests", null), 404, "community-not-found");
        problem(call(LYON, sophieOfLyon, "GET", API + "/topics/" + topic, null), 404, "community-topic-not-found");
        assertThat(array(call(LYON, sophieOfLyon, "GET", API, null)).toString()).doesNotContain(id);
        problem(call(OCCITANIE, antoine, "GET", API + "/" + UUID.randomUUID(), null), 404, "community-not-found");
        problem(call(OCCITANIE, antoine, "GET", API + "/not-an-id", null), 404, "community-not-found");
        problem(call(OCCITANIE, antoine, "POST", API + "/" + id + "/invitations", "{\"person\":\""
                + UUID.randomUUID() + "\"}"), 404, "community-person-not-found");
        problem(platform.send(OCCITANIE, "GET", API, null, null, null), 401, "unauthenticated");
    }

    /**
     * The browser path, plain forms: Antoine creates a community, finds and invites Manon, opens a discussion; Manon,
     * on a phone's width, accepts the invitation from her communities and replies. Every page is scanned.
     */
    @Test
    void aTeacherCreatesAndInvitesAndAPupilAcceptsOnAPhone() {
        String name = "Atelier théâtre " + UUID.randomUUID().toString().substring(0, 8);
        String community;
        try (RealBrowser teacher = RealBrowser.start()) {
            signInAt(teacher, "/communities", "antoine.garcia");
            scan(teacher, "the communities' home of a teacher");
            fill(teacher, "cm-name", name);
            clickAndWait(teacher, By.cssSelector("form[action='/communities'] button"));
            assertThat(mainText(teacher)).contains("Communauté créée", name);
            community = teacher.currentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
            teacher.driver().findElement(By.cssSelector("details summary")).click();
            fill(teacher, "cm-a-title", "Répétition lundi");
            teacher.typeRich("cm-a-content", "Salle 12, 17 h.");
            clickAndWait(teacher, By.cssSelector("form[action$='/announce'] button[type=submit]"));
            assertThat(mainText(teacher)).contains("Annonce publiée.", "Répétition lundi", "Salle 12, 17 h.");
            scan(teacher, "a community's page for its administrator");
            clickAndWait(teacher, By.partialLinkText("Voir les membres"));
            fill(teacher, "cm-q", "Roux");
            clickAndWait(teacher, By.cssSelector("form[role=search] button"));
            scan(teacher, "the members' page with people to invite");
            clickAndWait(teacher, By.xpath("//li[contains(., 'Manon')]//button[contains(., 'Inviter')]"));
            assertThat(mainText(teacher)).contains("Invitation envoyée.", "invitation reçue");
        }
        try (RealBrowser pupil = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(pupil, "/communities", "manon.roux");
            assertThat(mainText(pupil)).contains("Invitations reçues", name);
            scan(pupil, "the communities' home of a pupil with an invitation, on a phone");
            clickAndWait(pupil, By.xpath("//li[contains(., '" + name + "')]//button[contains(., 'Accepter')]"));
            assertThat(mainText(pupil)).contains("Bienvenue dans la communauté.", "Répétition lundi");
            assertThat(pupil.contentWidth()).isLessThanOrEqualTo(pupil.viewportWidth());
            pupil.driver().findElements(By.cssSelector("details summary")).get(0).click();
            fill(pupil, "cm-t-title", "Costumes");
            pupil.typeRich("cm-t-content", "J'ai des chapeaux.");
            clickAndWait(pupil, By.cssSelector("form[action$='/topics'] button[type=submit]"));
            assertThat(mainText(pupil)).contains("Discussion ouverte.", "Costumes", "J'ai des chapeaux.");
            // the reply in the visual editor (ADR 0045) on the phone: a word put in bold with the keyboard is bold,
            // never a tag the pupil sees; tags typed are words
            pupil.typeRich("cm-r-content", "Et des ");
            WebElement reply = pupil.driver().findElement(By.id("cm-r-content-visual"));
            reply.sendKeys(Keys.chord(Keys.CONTROL, "b"));
            reply.sendKeys("capes");
            WebElement bold = pupil.driver().findElement(By.cssSelector("[aria-controls='cm-r-content-visual'] [data-format=strong]"));
            assertThat(bold.getDomAttribute("aria-pressed")).isEqualTo("true");
            reply.sendKeys(Keys.chord(Keys.CONTROL, "b"));
            reply.sendKeys(" <script>alert(1)</script>");
            assertThat(bold.getDomAttribute("aria-pressed")).isEqualTo("false");
            assertThat(reply.getText()).doesNotContain("<b>", "<strong>");
            scan(pupil, "the reply's visual editor on a phone");
            clickAndWait(pupil, By.cssSelector("form[action$='/reply'] button[type=submit]"));
            assertThat(mainText(pupil).replace('\u00a0', ' ')).contains("Réponse envoyée.", "Et des capes <script>alert(1)</script>");
            assertThat(pupil.driver().findElement(By.xpath("//ul[@class='cm-posts']/li[last()]//b")).getText())
                    .isEqualTo("capes");
            assertThat(pupil.driver().findElements(By.cssSelector(".cm-posts script"))).isEmpty();
            scan(pupil, "a discussion on a phone");
            pupil.open(url(community + "/members"));
            scan(pupil, "the members' page of a member");
        }
        // a pupil who is no member sees the page to ask to join, not the content
        try (RealBrowser other = RealBrowser.start()) {
            signInAt(other, community, "ines.bonnet");
            assertThat(mainText(other)).contains("réservé à ses membres", "Demander à rejoindre")
                    .doesNotContain("Répétition lundi");
            scan(other, "a community's page for someone who is no member");
        }
    }

    // --- helpers ---

    private static void awaitNotification(String token, String text) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        String last = "";
        while (Instant.now().isBefore(until)) {
            last = call(OCCITANIE, token, "GET", "/api/notifications", null).body();
            if (last.contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no notification naming " + text + ": " + last);
    }

    private static String token(String slug, String domain, String username) {
        return Logins.accessToken(platform, slug, domain, username, DemoData.DEMO_PASSWORD);
    }

    private static byte[] pdf() {
        byte[] bytes = new byte[1_200];
        java.util.Arrays.fill(bytes, (byte) 'p');
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
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

    private static HttpResponse<String> call(String host, String token, String method, String path, String json) {
        return platform.send(host, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }
}
