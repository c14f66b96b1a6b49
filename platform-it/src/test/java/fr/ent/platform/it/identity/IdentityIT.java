package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.login.LoginAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity against a real Keycloak: login through the portal, the session's use and its anti-forgery token,
 * bearer tokens obtained by a real code flow, and every way a token could cross collectivities or roles.
 */
class IdentityIT {

    static final String PASSWORD = "mot-de-passe-de-test-1";
    static Platform platform;
    static final String A = "ident-a";
    static final String B = "ident-b";
    static final String A_HOST = "identa.localhost";
    static final String B_HOST = "identb.localhost";

    @BeforeAll
    static void collectivities() throws Exception {
        platform = Platform.get();
        platform.provisionActive(A, A_HOST);
        platform.provisionActive(B, B_HOST);
        user(A, "prof.a", "Teacher");
        user(A, "eleve.a", "Student");
        user(A, "admin.a", RealmRoles.SUPER_ADMIN);
        user(B, "prof.b", "Teacher");
        user(B, "admin.b", RealmRoles.SUPER_ADMIN);
    }

    static void user(String slug, String username, String role) throws Exception {
        platform.keycloak().ensureUser(Realms.ofCollectivity(slug), username, "Prénom", username, PASSWORD,
                List.of(role), Map.of());
    }

    static String token(String slug, String username) {
        return Logins.accessToken(platform, slug, slug.equals(A) ? A_HOST : B_HOST, username, PASSWORD);
    }

    static HttpResponse<String> call(String host, String method, String path, String json, String bearer) {
        return platform.send(host, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(), bearer == null ? null : "Bearer " + bearer);
    }

    @Test
    void a_teacher_logs_in_on_the_portal_and_the_session_calls_the_apis() {
        LoginAgent browser = Logins.portal(platform, A_HOST, "prof.a", PASSWORD);
        String portal = "http://" + A_HOST + ":" + platform.server().runtimeBase().getPort();
        HttpResponse<String> home = browser.get(portal + "/");
        assertThat(home.body()).contains("Connecté·e").contains("Se déconnecter").doesNotContain("Se connecter<");
        HttpResponse<String> me = browser.send("GET", URI.create(portal + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Platform.json(me).getString("username")).isEqualTo("prof.a");
        assertThat(Platform.json(me).getString("collectivity")).isEqualTo(A);
        assertThat(Platform.json(me).getJsonArray("roles").toString()).contains("Teacher");
        HttpResponse<String> users = browser.send("GET", URI.create(portal + "/api/directory/users"), null,
                Map.of("Accept", "application/json"));
        assertThat(users.statusCode()).isEqualTo(200);
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        String portal = "http://" + A_HOST + ":" + platform.server().runtimeBase().getPort();
        HttpResponse<String> start = browser.get(portal + "/auth/login");
        assertThat(start.statusCode()).isEqualTo(302);
        String setCookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(platform.identity().baseUrl() + "/realms/ent-" + A + "/")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("state=")
                .contains("nonce=");
    }

    @Test
    void a_change_through_the_session_needs_the_anti_forgery_token() {
        LoginAgent browser = Logins.portal(platform, A_HOST, "admin.a", PASSWORD);
        String portal = "http://" + A_HOST + ":" + platform.server().runtimeBase().getPort();
        String csrf = Platform.json(browser.send("GET", URI.create(portal + "/api/me"), null,
                Map.of("Accept", "application/json"))).getString("csrfToken");
        String school = "{\"uai\":\"0690100J\",\"name\":\"École du jeton\",\"type\":\"ECOLE\"}";
        HttpResponse<String> forged = browser.send("POST", URI.create(portal + "/api/directory/structures"), null,
                Map.of("Content-Type", "application/json", "Accept", "application/json"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf-refused");
        HttpResponse<String> wrong = browser.send("POST", URI.create(portal + "/api/directory/structures"), null,
                Map.of("Content-Type", "application/json", "Accept", "application/json", "X-CSRF-Token", csrf + "x"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> genuine = platform.send(A_HOST, "POST", "/api/directory/structures", "application/json",
                school.getBytes(), null);
        assertThat(genuine.statusCode()).as("anonymous").isEqualTo(401);
        HttpResponse<String> created = browserPost(browser, portal + "/api/directory/structures", school, csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    static HttpResponse<String> browserPost(LoginAgent browser, String url, String json, String csrf) {
        // The LoginAgent sends forms; a JSON body goes through a raw send with the same cookies.
        return browser.sendJson(URI.create(url), json, csrf);
    }

    @Test
    void a_portal_session_of_A_is_nothing_on_B() {
        LoginAgent browser = Logins.portal(platform, A_HOST, "prof.a", PASSWORD);
        browser.setCookie(B_HOST, "JSESSIONID", browser.cookie(A_HOST, "JSESSIONID"));
        String other = "http://" + B_HOST + ":" + platform.server().runtimeBase().getPort();
        HttpResponse<String> me = browser.send("GET", URI.create(other + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(me.statusCode()).isEqualTo(401);
    }

    @Test
    void logout_ends_the_portal_session_and_the_keycloak_session() {
        LoginAgent browser = Logins.portal(platform, A_HOST, "prof.a", PASSWORD);
        String portal = "http://" + A_HOST + ":" + platform.server().runtimeBase().getPort();
        String home = browser.get(portal + "/").body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(home);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> refused = browser.send("POST", URI.create(portal + "/auth/logout"), "csrf=nope", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> logout = browser.send("POST", URI.create(portal + "/auth/logout"),
                "csrf=" + csrf.group(1), Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).contains("/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        HttpResponse<String> back = browser.follow(logout, null);
        assertThat(back.uri().getPath()).isEqualTo("/");
        assertThat(back.body()).contains("Se connecter");
        assertThat(browser.send("GET", URI.create(portal + "/api/me"), null, Map.of("Accept", "application/json"))
                .statusCode()).isEqualTo(401);
        // Keycloak's session is over too: logging in again shows the password form instead of coming straight back.
        HttpResponse<String> again = browser.follow(browser.get(portal + "/auth/login"), null);
        assertThat(again.body()).contains("kc-form-login");
    }

    @Test
    void the_token_matrix() {
        String teacherA = token(A, "prof.a");
        String teacherB = token(B, "prof.b");
        // own collectivity: accepted
        assertThat(call(A_HOST, "GET", "/api/me", null, teacherA).statusCode()).isEqualTo(200);
        // another collectivity's token, however valid there
        HttpResponse<String> crossed = call(A_HOST, "GET", "/api/me", null, teacherB);
        assertThat(crossed.statusCode()).isEqualTo(401);
        assertThat(crossed.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(crossed.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(call(B_HOST, "GET", "/api/directory/users", null, teacherA).statusCode()).isEqualTo(401);
        // tampered: a role added to the payload
        String[] parts = teacherA.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"Teacher\"", "\"SUPER_ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThat(call(A_HOST, "POST", "/api/directory/structures",
                "{\"uai\":\"0690101M\",\"name\":\"x\",\"type\":\"ECOLE\"}", tampered).statusCode()).isEqualTo(401);
        // alg=none with the same claims
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + parts[1] + ".";
        assertThat(call(A_HOST, "GET", "/api/me", null, none).statusCode()).isEqualTo(401);
        // a real token of another realm and audience (the platform realm's operator client), and garbage
        assertThat(call(A_HOST, "GET", "/api/me", null, platform.identity().operatorCredentials().token())
                .statusCode()).isEqualTo(401);
        assertThat(call(A_HOST, "GET", "/api/me", null, "garbage").statusCode()).isEqualTo(401);
        // roles: a pupil may not list the directory, a teacher may not create a school, anonymous gets 401
        String pupil = token(A, "eleve.a");
        assertThat(call(A_HOST, "GET", "/api/directory/users", null, pupil).statusCode()).isEqualTo(403);
        assertThat(call(A_HOST, "GET", "/api/directory/users", null, teacherA).statusCode()).isEqualTo(200);
        assertThat(call(A_HOST, "POST", "/api/directory/structures",
                "{\"uai\":\"0690102N\",\"name\":\"x\",\"type\":\"ECOLE\"}", teacherA).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = call(A_HOST, "GET", "/api/directory/users", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        // public: the schools the portal shows
        assertThat(call(A_HOST, "GET", "/api/directory/structures", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_collectivity_administrator_sees_and_changes_only_their_collectivity_in_the_admin_api() throws Exception {
        String adminA = "Bearer " + token(A, "admin.a");
        String teacherA = "Bearer " + token(A, "prof.a");
        String adminB = "Bearer " + token(B, "admin.b");
        var client = platform.client();
        assertThat(client.admin("GET", "/collectivities/" + A, null, adminA).statusCode()).isEqualTo(200);
        assertThat(client.admin("GET", "/collectivities/" + A + "/provisioning", null, adminA).statusCode())
                .isEqualTo(200);
        assertThat(client.admin("GET", "/collectivities/" + B, null, adminA).statusCode()).isEqualTo(403);
        assertThat(client.admin("GET", "/collectivities/" + A, null, adminB).statusCode()).isEqualTo(403);
        assertThat(client.admin("GET", "/collectivities", null, adminA).statusCode()).isEqualTo(403);
        assertThat(client.admin("POST", "/collectivities/" + A + "/suspend", "", adminA).statusCode()).isEqualTo(403);
        assertThat(client.admin("DELETE", "/collectivities/" + A, null, adminA).statusCode()).isEqualTo(403);
        assertThat(client.admin("PATCH", "/collectivities/" + A, "{\"domains\":[\"pirate.localhost\"]}", adminA)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> renamed = client.admin("PATCH", "/collectivities/" + A,
                "{\"displayName\":\"Collectivité A renommée\"}", adminA);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(client.admin("GET", "/collectivities/" + A, null, teacherA).statusCode()).isEqualTo(403);
        assertThat(client.admin("GET", "/collectivities/" + A, null, null).statusCode()).isEqualTo(401);
        assertThat(client.admin("GET", "/collectivities/" + A, null, "Bearer forged").statusCode()).isEqualTo(401);
        // the hosting operator (platform realm, platform-admin) may do everything
        assertThat(client.admin("GET", "/collectivities", null).statusCode()).isEqualTo(200);
    }
}
