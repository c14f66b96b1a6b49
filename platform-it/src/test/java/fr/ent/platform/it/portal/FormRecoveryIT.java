package fr.ent.platform.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session that ends while a form is being filled loses nothing typed, over plain HTTP against the real platform:
 * the quiet-hours form of the notification settings, posted with the token of a session the server no longer
 * knows, leads to the sign-in and then to a page that shows what was typed and sends it again with the new
 * session's token. What was typed goes back to its author only: not to another user signing in on the same
 * browser, not to a user of another collectivity presenting the same session cookie on its own domain.
 */
class FormRecoveryIT {

    private static final String PASSWORD = "Recovery-it-2026"; // the realms ask for 12 characters
    private static final String SESSION_COOKIE = "JSESSIONID";
    /** What the server answers for a session it has forgotten (expired, or the instance restarted). */
    private static final String FORGOTTEN_SESSION = "0000forgottenSessionId00000:forgotten";
    private static Platform platform;
    private static DirectoryApi a;
    private static DirectoryApi b;
    private static String teacher;
    private static String colleague;
    private static String teacherOfB;

    @BeforeAll
    static void twoTeachersOfOneCollectivityAndOneOfAnother() throws Exception {
        platform = Platform.get();
        a = DirectoryApi.newCollectivity("recovery-a");
        b = DirectoryApi.newCollectivity("recovery-b");
        String school = a.createStructure(DirectoryApi.randomUai(), "École Louise Michel", "ECOLE").getString("id");
        teacher = teacher(a, school);
        colleague = teacher(a, school);
        String schoolB = b.createStructure(DirectoryApi.randomUai(), "Collège Jean Jaurès", "COLLEGE")
                .getString("id");
        teacherOfB = teacher(b, schoolB);
    }

    @Test
    void a_form_sent_after_the_session_ended_comes_back_after_sign_in_and_is_saved_when_sent_again() {
        LoginAgent browser = Logins.portal(platform, a.host, teacher, PASSWORD);
        String staleToken = csrfOfSettings(browser, a);
        browser.setCookie(a.host, SESSION_COOKIE, FORGOTTEN_SESSION);

        HttpResponse<String> posted = postQuietHours(browser, a, staleToken);
        assertThat(posted.statusCode()).as(posted.headers() + " " + posted.body()).isEqualTo(303);
        assertThat(LoginAgent.location(posted)).hasValue(portal(a) + "/auth/login?return=/form-recovery");

        // Keycloak's own session still stands: the sign-in goes through at once, to the page that gives back.
        HttpResponse<String> recovered = browser.follow(posted, null);
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        assertThat(recovered.uri().getPath()).isEqualTo("/form-recovery");
        assertThat(recovered.body()).contains("<html lang=\"fr\"", "Vos saisies sont conservées", "21:00", "24:00",
                "WEDNESDAY", "FRIDAY", "Réunion des élèves", "action=\"/notifications/settings\"")
                .doesNotContain(staleToken);
        String freshToken = LoginAgent.inputValue(recovered, "csrf").orElseThrow();
        assertThat(freshToken).isNotEqualTo(staleToken);
        assertThat(csrfOfSettings(browser, a)).isEqualTo(freshToken);

        // Given back once: the page does not show it again.
        HttpResponse<String> again = browser.get(portal(a) + "/form-recovery");
        assertThat(again.statusCode()).isEqualTo(302);

        // The user sends it: the setting is saved as typed.
        HttpResponse<String> sent = browser.send("POST", URI.create(portal(a) + "/notifications/settings"),
                hiddenFields(recovered));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        HttpResponse<String> settings = browser.follow(sent, null);
        assertThat(settings.body()).contains("Vos réglages sont enregistrés");
        assertThat(LoginAgent.inputValue(settings, "from-0")).hasValue("21:00");
        assertThat(LoginAgent.inputValue(settings, "to-0")).hasValue("24:00");
        assertThat(settings.body()).containsPattern("name=\"day.0\" value=\"WEDNESDAY\" checked")
                .containsPattern("name=\"day.0\" value=\"FRIDAY\" checked")
                .doesNotContainPattern("name=\"day.0\" value=\"MONDAY\" checked");
    }

    @Test
    void another_user_signing_in_on_the_same_browser_gets_nothing() {
        LoginAgent browser = Logins.portal(platform, a.host, teacher, PASSWORD);
        String staleToken = csrfOfSettings(browser, a);
        browser.setCookie(a.host, SESSION_COOKIE, FORGOTTEN_SESSION);
        HttpResponse<String> posted = postQuietHours(browser, a, staleToken);
        assertThat(posted.statusCode()).isEqualTo(303);

        // The same browser, its Keycloak session ended too: a colleague signs in.
        LoginAgent sameBrowser = new LoginAgent(platform.server().runtimeBase());
        sameBrowser.setCookie(a.host, SESSION_COOKIE, browser.cookie(a.host, SESSION_COOKIE));
        HttpResponse<String> landed = signInThrough(sameBrowser, posted, colleague);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).doesNotContain("21:00", "Réunion des élèves", "Vos saisies sont conservées");
        assertThat(sameBrowser.get(portal(a) + "/form-recovery").statusCode()).isEqualTo(302);
    }

    @Test
    void the_same_session_on_another_collectivitys_domain_gets_nothing() {
        LoginAgent browser = Logins.portal(platform, a.host, teacher, PASSWORD);
        String staleToken = csrfOfSettings(browser, a);
        browser.setCookie(a.host, SESSION_COOKIE, FORGOTTEN_SESSION);
        HttpResponse<String> posted = postQuietHours(browser, a, staleToken);
        assertThat(posted.statusCode()).isEqualTo(303);

        // The session that keeps the form, presented on B's domain by a user of B who signs in there.
        LoginAgent elsewhere = new LoginAgent(platform.server().runtimeBase());
        elsewhere.setCookie(b.host, SESSION_COOKIE, browser.cookie(a.host, SESSION_COOKIE));
        HttpResponse<String> login = elsewhere.get(portal(b) + "/auth/login?return=/form-recovery");
        HttpResponse<String> landed = signInThrough(elsewhere, login, teacherOfB);
        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(landed.body()).contains("Collège Jean Jaurès")
                .doesNotContain("21:00", "Réunion des élèves", "Vos saisies sont conservées");
    }

    @Test
    void a_token_of_a_session_ended_in_another_tab_gives_back_at_once_without_a_sign_in() {
        LoginAgent browser = Logins.portal(platform, a.host, teacher, PASSWORD);
        String staleToken = csrfOfSettings(browser, a);
        // The session ended and the user signed in again in another tab: a new session, a new token.
        browser.setCookie(a.host, SESSION_COOKIE, FORGOTTEN_SESSION);
        HttpResponse<String> signedInAgain = browser.follow(browser.get(portal(a) + "/auth/login?return=/"), null);
        assertThat(signedInAgain.uri().getPath()).isEqualTo("/");

        HttpResponse<String> posted = postQuietHours(browser, a, staleToken);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(LoginAgent.location(posted)).hasValue(portal(a) + "/form-recovery");
        assertThat(browser.follow(posted, null).body()).contains("Vos saisies sont conservées", "21:00");
    }

    @Test
    void a_form_another_site_makes_the_browser_send_is_not_kept_and_leaves_the_session_alone() {
        LoginAgent browser = Logins.portal(platform, a.host, teacher, PASSWORD);
        String token = csrfOfSettings(browser, a);
        // Another site's form: the browser sends no session cookie (SameSite=Lax), and says where it comes from.
        LoginAgent crossSite = new LoginAgent(platform.server().runtimeBase());
        String form = "csrf=" + LoginAgent.encode(token) + "&form=quiet-hours&day.0=MONDAY&from.0=00%3A00&to.0=24%3A00";
        HttpResponse<String> posted = crossSite.send("POST", URI.create(portal(a) + "/notifications/settings"), form,
                Map.of("Origin", "http://evil.localhost"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(LoginAgent.location(posted)).hasValue(portal(a) + "/auth/login");
        assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(SESSION_COOKIE));
        // From the page itself, the same browser's form is kept.
        browser.setCookie(a.host, SESSION_COOKIE, FORGOTTEN_SESSION);
        HttpResponse<String> own = browser.send("POST", URI.create(portal(a) + "/notifications/settings"), form,
                Map.of("Origin", portal(a)));
        assertThat(LoginAgent.location(own)).hasValue(portal(a) + "/auth/login?return=/form-recovery");
    }

    @Test
    void a_token_of_another_user_is_refused_as_before() {
        LoginAgent author = Logins.portal(platform, a.host, teacher, PASSWORD);
        String othersToken = csrfOfSettings(author, a);
        LoginAgent browser = Logins.portal(platform, a.host, colleague, PASSWORD);
        HttpResponse<String> posted = postQuietHours(browser, a, othersToken);
        assertThat(posted.statusCode()).isEqualTo(403);
    }

    /** The quiet-hours form as the page sends it, plus a field with accents no page reads (kept all the same). */
    private static HttpResponse<String> postQuietHours(LoginAgent browser, DirectoryApi d, String csrf) {
        String form = "csrf=" + LoginAgent.encode(csrf) + "&form=quiet-hours&day.0=WEDNESDAY&day.0=FRIDAY"
                + "&from.0=21%3A00&to.0=24%3A00&from.1=&to.1=&note=" + LoginAgent.encode("Réunion des élèves");
        return browser.send("POST", URI.create(portal(d) + "/notifications/settings"), form);
    }

    /** Follows a redirect to the sign-in, signs in there as this user, and follows to the page it ends on. */
    private static HttpResponse<String> signInThrough(LoginAgent browser, HttpResponse<String> toLogin,
            String username) {
        HttpResponse<String> loginPage = browser.follow(toLogin, null);
        HttpResponse<String> landed = browser.follow(browser.submitLogin(loginPage, username, PASSWORD), null);
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        return landed;
    }

    private static String csrfOfSettings(LoginAgent browser, DirectoryApi d) {
        HttpResponse<String> page = browser.get(portal(d) + "/notifications/settings");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return LoginAgent.inputValue(page, "csrf").orElseThrow();
    }

    /** The hidden fields of the form in the page's main part, URL-encoded in order, as the browser sends them. */
    private static String hiddenFields(HttpResponse<String> page) {
        String main = page.body().substring(page.body().indexOf("<main"));
        java.util.regex.Matcher input = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(main);
        StringBuilder form = new StringBuilder();
        while (input.find()) {
            form.append(form.isEmpty() ? "" : "&").append(LoginAgent.encode(unescape(input.group(1)))).append('=')
                    .append(LoginAgent.encode(unescape(input.group(2))));
        }
        return form.toString();
    }

    private static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String teacher(DirectoryApi d, String school) throws Exception {
        var body = Json.createObjectBuilder().add("profile", "Teacher").add("lastName", "Teacher" + DirectoryApi
                .letters(4)).add("firstName", "Sacha").add("structureId", school)
                .add("classIds", Json.createArrayBuilder()).add("childIds", Json.createArrayBuilder());
        HttpResponse<String> created = platform.postJson(d.host, "/api/directory/users", body.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Platform.json(created).getString("id");
        String username = "teacher-" + id.substring(0, 8);
        platform.keycloak().ensureUser(Realms.ofCollectivity(d.host.substring(0, d.host.indexOf('.'))), username,
                "Sacha", "Teacher", PASSWORD, List.of("Teacher"), Map.of("ent_user_id", id));
        return username;
    }

    private static String portal(DirectoryApi d) {
        return "http://" + d.host + ":" + platform.server().runtimeBase().getPort();
    }
}
