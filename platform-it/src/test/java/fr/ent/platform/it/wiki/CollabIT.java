package fr.ent.platform.it.wiki;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The collaborative editor of a wiki page on the real platform (ADR 0037): Sophie (a desktop browser) and Paul (a
 * phone's viewport; a teacher of the school the wiki is shared with as writer) edit the same page at once and both
 * see the merged text; Paul's network is cut (Chromium's own offline mode), both type, the network comes back and
 * the offline edits merge; Paul saves from the session and Sophie's save builds on it. The channel answers only
 * the page's writers of this collectivity with their portal session: another Host, a bearer token of either realm,
 * a reader's session, a guessed page, another page's heads and hostile batches are refused, and nothing is
 * half-stored.
 */
// alone: it waits for edits and presence to cross within seconds, which another browser class beside it slowed past
// its waits (CI, session 15)
@Isolated
class CollabIT {

    private static final String API = "/api/wiki";
    private static final Duration SOON = Duration.ofSeconds(10);

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String sophie;
    private static String sophieOfB;
    private static String pageId;
    private static String otherPageId;
    private static String paul;

    @BeforeAll
    static void aSharedWikiPage() {
        platform = Platform.get();
        a = ClassFixture.create("collab-a");
        b = ClassFixture.create("collab-b");
        paul = a.account("Teacher", "Blanc", "Paul", a.schoolA, List.of(), List.of());
        sophie = Logins.accessToken(platform, a.slug, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        sophieOfB = Logins.accessToken(platform, b.slug, b.domain(), "sophie.martin", ClassFixture.PASSWORD);
        String wikiId = json(call(a, sophie, "POST", API + "/wikis", "{\"ownerKind\":\"class\",\"ownerId\":\"" + a.cp
                + "\",\"title\":\"Wiki partagé\"}"), 201).getString("id");
        pageId = json(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages",
                "{\"title\":\"Texte commun\",\"content\":\"Le chat dort.\"}"), 201).getString("id");
        otherPageId = json(call(a, sophie, "POST", API + "/wikis/" + wikiId + "/pages",
                "{\"title\":\"Autre page\",\"content\":\"Rien.\"}"), 201).getString("id");
        json(call(a, sophie, "PUT", "/api/sharing/wiki/wiki/" + wikiId, "{\"shares\":[{\"kind\":\"user\",\"id\":\""
                + paul + "\",\"right\":\"contrib\"}]}"), 200);
    }

    @Test
    void twoEditorsOneOnAPhoneMergeTheirEditsLiveAndAfterANetworkCut() {
        String edit = "/wiki/pages/" + pageId + "/edit";
        try (RealBrowser desk = RealBrowser.start(); RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            signInAt(desk, edit, "sophie.martin");
            signInAt(phone, edit, "paul.blanc");
            // the visual editor (ADR 0045) stands for the textarea: the formatted words, never the tags
            String stored = value(desk);
            assertThat(stored).isEqualTo("Le chat dort.");
            assertThat(area(desk).getDomAttribute("role")).isEqualTo("textbox");
            assertThat(source(desk)).isEqualTo("<p>Le chat dort.</p>");
            awaitStatus(desk, "2 personnes modifient cette page.");
            awaitStatus(phone, "2 personnes modifient cette page.");
            scan(desk, "the live editor (desktop)");
            scan(phone, "the live editor (phone)");
            assertThat(phone.contentWidth()).isLessThanOrEqualTo(phone.viewportWidth());

            // both type at once, at the two ends of the text
            WebElement deskArea = area(desk);
            WebElement phoneArea = area(phone);
            deskArea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            phoneArea.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
            long typed = System.nanoTime();
            deskArea.sendKeys(" Soleil.");
            phoneArea.sendKeys("Pluie. ");
            String merged = awaitSame(desk, phone);
            long tookMillis = (System.nanoTime() - typed) / 1_000_000;
            assertThat(merged).isEqualTo("Pluie. " + stored + " Soleil.");
            assertThat(tookMillis).as("both see the merged text").isLessThan(3_000);

            // one keystroke reaches the other editor within a second
            deskArea.sendKeys("!");
            long sent = System.nanoTime();
            new WebDriverWait(phone.driver(), SOON, Duration.ofMillis(10)).until(d -> value(phone).endsWith("!"));
            assertThat((System.nanoTime() - sent) / 1_000_000).as("latency of one edit").isLessThan(1_000);

            // the phone's network is cut: it says so, keeps its edits, and they merge when it comes back
            offline(phone, true);
            phoneArea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            phoneArea.sendKeys(" Hors ligne.");
            awaitStatus(phone, "Hors ligne — vos modifications seront envoyées à la reconnexion.");
            deskArea.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
            deskArea.sendKeys("Titre : ");
            new WebDriverWait(desk.driver(), SOON).until(d -> liveIdle(desk));
            assertThat(value(desk)).doesNotContain("Hors ligne");
            offline(phone, false);
            merged = awaitSame(desk, phone);
            assertThat(merged).isEqualTo("Titre : Pluie. " + stored + " Soleil.! Hors ligne.");
            awaitStatus(phone, "2 personnes modifient cette page.");

            // Paul saves from the session; Sophie's form now builds on his version, and her save is not stale
            clickAndWait(phone, By.cssSelector(".wiki-form button[type=submit]"));
            assertThat(phone.currentUrl()).contains("done=saved");
            JsonObject saved = json(call(a, sophie, "GET", API + "/pages/" + pageId, null), 200);
            assertThat(saved.getInt("version")).isEqualTo(2);
            assertThat(plain(saved.getString("content"))).contains("Titre : Pluie.", "Soleil.! Hors ligne.");
            new WebDriverWait(desk.driver(), SOON).until(d -> "2".equals(
                    d.findElement(By.name("baseVersion")).getDomProperty("value")));
            awaitStatus(desk, "Vous êtes seul·e à modifier cette page.");
            deskArea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            deskArea.sendKeys(" Fin.");
            clickAndWait(desk, By.cssSelector(".wiki-form button[type=submit]"));
            assertThat(desk.currentUrl()).contains("done=saved");
            assertThat(json(call(a, sophie, "GET", API + "/pages/" + pageId, null), 200).getString("content"))
                    .contains("Hors ligne.", "Fin.").doesNotContain("&lt;p&gt;");

            refusals(cookies(desk));
            courseChapter(cookies(desk), cookies(phone));
        }
    }

    /** Who and what the channel refuses, with the desktop browser's own portal session (Sophie of A). */
    private void refusals(String sophieCookies) {
        String live = "/wiki/pages/" + pageId + "/live";
        HttpResponse<String> state = session(a.domain(), sophieCookies, "GET", live + "?editor=itcheckeditor&seen=-1",
                null);
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        JsonObject now = Platform.json(state);
        String heads = now.getJsonArray("heads").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).collect(Collectors.joining(","));
        String csrf = csrfOf(sophieCookies);
        String text = now.getString("text");

        // the same session under another collectivity's Host, bearer tokens of either realm: no session there
        problem(session(b.domain(), sophieCookies, "GET", live + "?editor=itcheckeditor&seen=-1", null), 401,
                "unauthenticated");
        problem(platform.send(a.domain(), "GET", live + "?editor=itcheckeditor&seen=-1", null, null,
                "Bearer " + sophie), 401, "unauthenticated");
        problem(platform.send(a.domain(), "GET", live + "?editor=itcheckeditor&seen=-1", null, null,
                "Bearer " + sophieOfB), 401, "unauthenticated");
        // a guessed or malformed page id, and a page's heads sent to another page's session
        problem(session(a.domain(), sophieCookies, "GET", "/wiki/pages/" + UUID.randomUUID()
                + "/live?editor=itcheckeditor&seen=-1", null), 404, "wiki-page-not-found");
        problem(session(a.domain(), sophieCookies, "GET", "/wiki/pages/nope/live?editor=itcheckeditor&seen=-1",
                null), 404, "no-such-resource");
        problem(session(a.domain(), sophieCookies, "POST", "/wiki/pages/" + otherPageId + "/live",
                batch(csrf, 1, heads, "[[0,0,\"x\"]]")), 409, "live-base-unknown");
        assertThat(Platform.json(session(a.domain(), sophieCookies, "GET", "/wiki/pages/" + otherPageId
                + "/live?editor=itcheckeditor&seen=-1", null)).getString("text")).contains("Rien.").doesNotContain("chat");
        // no anti-forgery token; hostile batches: outside the text, not JSON, too large; nothing is applied
        problem(session(a.domain(), sophieCookies, "POST", live, batch("", 1, heads, "[[0,0,\"x\"]]")), 403,
                "csrf-refused");
        problem(session(a.domain(), sophieCookies, "POST", live, batch(csrf, 2, heads, "[[0,0,\"ok\"],[99999,0,\"x\"]]")),
                400, "invalid-input");
        problem(session(a.domain(), sophieCookies, "POST", live, batch(csrf, 3, heads, "[[0,0,\"\\u0000\"]]")),
                400, "invalid-input");
        problem(session(a.domain(), sophieCookies, "POST", live, batch(csrf, 4, heads, "{\"not\":\"splices\"")),
                400, "malformed-request");
        problem(session(a.domain(), sophieCookies, "POST", live, batch(csrf, 5, heads,
                "[[0,0,\"" + "x".repeat(1_100_000) + "\"]]")), 413, "live-batch-too-large");
        assertThat(Platform.json(session(a.domain(), sophieCookies, "GET", live + "?editor=itcheckeditor&seen=-1",
                null)).getString("text")).isEqualTo(text);
        // HTML is text in the live session, sanitized by the save as any content
        HttpResponse<String> html = session(a.domain(), sophieCookies, "POST", live, batch(csrf, 6, heads,
                "[[0,0,\"<script>alert(1)</script><b onclick=\\\"x()\\\">Gras</b>\"]]"));
        assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
        JsonObject version = json(call(a, sophie, "GET", API + "/pages/" + pageId, null), 200);
        HttpResponse<String> save = session(a.domain(), sophieCookies, "POST", "/wiki/pages/" + pageId + "/edit",
                "csrf=" + enc(csrf) + "&live=1&title=Texte+commun&baseVersion=" + version.getInt("version")
                        + "&content=" + enc(Platform.json(html).getString("text")));
        assertThat(save.statusCode()).as(save.body()).isEqualTo(302);
        assertThat(json(call(a, sophie, "GET", API + "/pages/" + pageId, null), 200).getString("content"))
                .contains("<b>Gras</b>").doesNotContain("script", "onclick");
        // a reader of the wiki (Léa, pupil of the class) has no place in the session
        try (RealBrowser pupil = RealBrowser.start()) {
            signInAt(pupil, "/wiki/pages/" + pageId, "lea.durand");
            problem(session(a.domain(), cookies(pupil), "GET", live + "?editor=itcheckeditor&seen=-1", null), 403,
                    "forbidden");
        }
    }

    /**
     * A course chapter is edited live through the same channel (ADR 0037, ADR 0045): Sophie and Paul, each with their
     * own portal session, send batches typed on the same heads of the chapter's text; both are kept, Paul's save from
     * the session moves Sophie's base version on, the exercises are a session of their own. The channel refuses
     * another Host, a bearer token, a guessed chapter and another chapter's heads.
     */
    private void courseChapter(String sophieCookies, String paulCookies) {
        String course = json(call(a, sophie, "POST", "/api/courses", "{\"ownerKind\":\"class\",\"ownerId\":\"" + a.cp
                + "\",\"title\":\"Cours partagé\",\"level\":\"CP\",\"subject\":\"Lecture\",\"durationMinutes\":30}"),
                201).getString("id");
        String chapter = json(call(a, sophie, "POST", "/api/courses/" + course + "/chapters",
                "{\"title\":\"Le chat\",\"content\":\"Le chat dort.\"}"), 201).getString("id");
        String other = json(call(a, sophie, "POST", "/api/courses/" + course + "/chapters",
                "{\"title\":\"Autre\",\"content\":\"Rien.\"}"), 201).getString("id");
        json(call(a, sophie, "PUT", "/api/sharing/courses/course/" + course, "{\"shares\":[{\"kind\":\"user\",\"id\":\""
                + paul + "\",\"right\":\"contrib\"}]}"), 200);
        String live = "/courses/chapters/" + chapter + "/live";
        JsonObject start = json(session(a.domain(), sophieCookies, "GET", live + "?editor=sophiecourse&seen=-1", null), 200);
        assertThat(start.getString("text")).isEqualTo("<p>Le chat dort.</p>");
        String heads = joined(start);
        assertThat(joined(json(session(a.domain(), paulCookies, "GET", live + "?editor=paulcourse&seen=-1", null), 200)))
                .isEqualTo(heads);

        // both type on the same heads, at the two ends of the words: both edits are kept
        String sophieCsrf = csrfOf(sophieCookies);
        String paulCsrf = csrfOf(paulCookies);
        json(session(a.domain(), sophieCookies, "POST", live, batch(sophieCsrf, "sophiecourse", 1, heads,
                "[[3,0,\"Pluie. \"]]")), 200);
        JsonObject merged = json(session(a.domain(), paulCookies, "POST", live, batch(paulCsrf, "paulcourse", 1, heads,
                "[[16,0,\" Soleil.\"]]")), 200);
        assertThat(merged.getString("text")).isEqualTo("<p>Pluie. Le chat dort. Soleil.</p>");
        assertThat(merged.getInt("editors")).isEqualTo(2);
        // the exercises are a session of their own
        assertThat(json(session(a.domain(), paulCookies, "GET", "/courses/chapters/" + chapter
                + "/live-exercises?editor=paulcourse&seen=-1", null), 200).getString("text")).isEmpty();

        // Paul saves from the session: Sophie's session moves to version 2, the chapter holds both edits
        HttpResponse<String> save = session(a.domain(), paulCookies, "POST", "/courses/chapters/" + chapter + "/edit",
                "csrf=" + enc(paulCsrf) + "&live=1&title=Le+chat&objectives=&exercises=&baseVersion=1&content="
                        + enc(merged.getString("text")));
        assertThat(save.statusCode()).as(save.body()).isEqualTo(302);
        assertThat(json(session(a.domain(), sophieCookies, "GET", live + "?editor=sophiecourse&seen=-1", null), 200)
                .getInt("version")).isEqualTo(2);
        assertThat(json(call(a, sophie, "GET", "/api/courses/chapters/" + chapter, null), 200).getString("content"))
                .isEqualTo("<p>Pluie. Le chat dort. Soleil.</p>");

        // refused: another Host with this session, a bearer token, a guessed chapter, another chapter's heads
        problem(session(b.domain(), sophieCookies, "GET", live + "?editor=sophiecourse&seen=-1", null), 401,
                "unauthenticated");
        problem(platform.send(a.domain(), "GET", live + "?editor=sophiecourse&seen=-1", null, null, "Bearer " + sophie),
                401, "unauthenticated");
        problem(session(a.domain(), sophieCookies, "GET", "/courses/chapters/" + UUID.randomUUID()
                + "/live?editor=sophiecourse&seen=-1", null), 404, "course-chapter-not-found");
        problem(session(a.domain(), sophieCookies, "POST", "/courses/chapters/" + other + "/live",
                batch(sophieCsrf, "sophiecourse", 2, heads, "[[0,0,\"x\"]]")), 409, "live-base-unknown");
    }

    private static String joined(JsonObject state) {
        return state.getJsonArray("heads").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).collect(Collectors.joining(","));
    }

    private static String batch(String csrf, String editor, int number, String heads, String splices) {
        return "csrf=" + enc(csrf) + "&editor=" + editor + "&batch=" + number + "&base=" + enc(heads) + "&splices="
                + enc(splices);
    }

    private static String batch(String csrf, int number, String heads, String splices) {
        return "csrf=" + enc(csrf) + "&editor=itcheckeditor&batch=" + number + "&base=" + enc(heads) + "&splices="
                + enc(splices);
    }

    /** A call with a browser's cookies, as its page's script makes it. */
    private static HttpResponse<String> session(String host, String cookies, String method, String path, String form) {
        try {
            return platform.client().runtime(host, method, path,
                    form == null ? null : "application/x-www-form-urlencoded",
                    form == null ? null : form.getBytes(StandardCharsets.UTF_8),
                    Map.of("Cookie", cookies, "Accept", "application/json"), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The anti-forgery token of the session, as the page gives it to its script. */
    private static String csrfOf(String cookies) {
        HttpResponse<String> page = session(a.domain(), cookies, "GET", "/wiki/pages/" + pageId + "/edit", null);
        String body = page.body();
        int at = body.indexOf("name=\"csrf\" value=\"");
        assertThat(at).as(body).isPositive();
        int from = at + "name=\"csrf\" value=\"".length();
        return body.substring(from, body.indexOf('"', from));
    }

    private static String cookies(RealBrowser browser) {
        return browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private static void offline(RealBrowser browser, boolean offline) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline",
                offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Nothing of this editor's is unsent or unanswered, and it shows the merged text. */
    private static boolean liveIdle(RealBrowser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "var s = document.querySelector('[data-live]').liveState;"
                        + "return !!s && !s.inflight && s.queue.length === 0 && !!s.latest"
                        + " && s.latest.text === document.getElementById('wiki-page-content').value;"));
    }

    private static String awaitSame(RealBrowser one, RealBrowser two) {
        new WebDriverWait(one.driver(), SOON, Duration.ofMillis(10)).until(d -> liveIdle(one) && liveIdle(two)
                && value(one).equals(value(two)));
        return value(one);
    }

    private static void awaitStatus(RealBrowser browser, String text) {
        new WebDriverWait(browser.driver(), SOON).until(d -> text.equals(
                d.findElement(By.id("wiki-page-content-status")).getText()));
    }

    /** The visual editor standing for the page's textarea. */
    private static WebElement area(RealBrowser browser) {
        return browser.driver().findElement(By.id("wiki-page-content-visual"));
    }

    /** The words the editor shows (spaces as typed: a trailing space is a no-break one in an editable element). */
    private static String value(RealBrowser browser) {
        return area(browser).getText().replace('\u00a0', ' ');
    }

    /** What the form sends and the live session edits: the HTML the editor writes into the hidden textarea. */
    private static String source(RealBrowser browser) {
        return browser.driver().findElement(By.id("wiki-page-content")).getDomProperty("value");
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&#160;", " ").replace('\u00a0', ' ');
    }

    private static void signInAt(RealBrowser browser, String path, String username) {
        browser.open(url(path));
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        browser.signInOnKeycloak(username, ClassFixture.PASSWORD);
        browser.awaitUrlStartingWith(url(path));
    }

    private static String url(String path) {
        return "http://" + a.domain() + ":" + platform.server().runtimeBase().getPort() + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Platform.json(response);
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

    static {
        Json.createObjectBuilder(); // JSON-P present on the test class path (fails early otherwise)
    }
}
