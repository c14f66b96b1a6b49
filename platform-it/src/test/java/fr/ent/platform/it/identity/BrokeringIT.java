package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity brokering on the real platform: a second Keycloak realm plays EduConnect; collectivities A and B both
 * broker to it through the admin API; a pupil of A clicks "ÉduConnect" on A's login page, logs in upstream and is
 * signed into A's portal as her own directory account. Her upstream identity opens nothing in B, an unknown one
 * opens nothing in A, and no account is ever created by a brokered login.
 */
class BrokeringIT {

    static final String A = "brok-a";
    static final String B = "brok-b";
    static final String A_HOST = "broka.localhost";
    static final String B_HOST = "brokb.localhost";
    static final String UPSTREAM = "educonnect-it";
    static final String CLIENT = "ent-broker";
    static final String SECRET = "secret-courtier-educonnect";
    static final String PASSWORD = "mot-de-passe-educonnect-1";
    static final String ALIAS = "educonnect";

    static Platform platform;
    static String lea;
    static String leaUpstream;
    static String unknownUpstream;

    @BeforeAll
    static void collectivitiesAndUpstream() throws Exception {
        platform = Platform.get();
        platform.provisionActive(A, A_HOST);
        platform.provisionActive(B, B_HOST);
        lea = createPupil(A_HOST, "Martin", "Léa");
        createPupil(B_HOST, "Martin", "Léa"); // her namesake in B
        assertThat(platform.admin("POST", "/collectivities/" + A + "/accounts/sync", null).statusCode()).isEqualTo(200);
        assertThat(platform.admin("POST", "/collectivities/" + B + "/accounts/sync", null).statusCode()).isEqualTo(200);
        upstreamRealm();
        leaUpstream = upstreamUser("lea.educ");
        unknownUpstream = upstreamUser("inconnu.educ");
        for (String slug : List.of(A, B)) {
            HttpResponse<String> put = platform.admin("PUT", idp(slug), oidc().build().toString());
            assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        }
    }

    @Test
    void the_pupil_signs_in_through_educonnect_onto_her_own_account() throws Exception {
        HttpResponse<String> linked = platform.admin("POST", idp(A) + "/links", Json.createObjectBuilder()
                .add("links", Json.createArrayBuilder().add(Json.createObjectBuilder().add("entUserId", lea)
                        .add("subject", leaUpstream))).build().toString());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(Platform.json(linked).getInt("recorded")).isEqualTo(1);
        int usersInA = userCount(A);
        // with accounts federated from the directory (ADR 0043) her account comes into Keycloak at this first
        // sign-in; copied accounts are there already
        int herAccountsBefore = accountsOf(A, lea);

        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> home = upstreamLogin(browser, A_HOST, "lea.educ");
        assertThat(home.statusCode()).as(home.uri() + " " + home.body()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        HttpResponse<String> me = browser.send("GET", URI.create(portal(A_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Platform.json(me).getString("directoryUserId")).isEqualTo(lea);
        assertThat(Platform.json(me).getString("collectivity")).isEqualTo(A);
        assertThat(Platform.json(me).getJsonArray("roles").toString()).contains("Student");
        // her own account and no other: one account with her directory id, nobody else added
        assertThat(accountsOf(A, lea)).isEqualTo(1);
        assertThat(userCount(A)).isEqualTo(usersInA + 1 - herAccountsBefore);
    }

    @Test
    void a_pupil_linked_before_her_account_exists_gets_it_without_activation_code_and_signs_in() throws Exception {
        String tom = createPupil(A_HOST, "Petit", "Tom");
        HttpResponse<String> linked = platform.admin("POST", idp(A) + "/links", Json.createObjectBuilder()
                .add("links", Json.createArrayBuilder().add(Json.createObjectBuilder().add("entUserId", tom)
                        .add("subject", upstreamUser("tom.educ")))).build().toString());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(Platform.json(linked).getInt("withoutAccount")).isPositive();

        HttpResponse<String> sync = platform.admin("POST", "/collectivities/" + A + "/accounts/sync", null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        // his account (a directory row, made by this sync or by the reconciliation just before it) has a login and
        // no activation code: a linked person signs in upstream
        assertThat(Platform.json(sync).getJsonArray("accounts").stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("userId").equals(tom)).filter(a -> a.containsKey("activationCode")))
                .isEmpty();
        HttpResponse<String> status = platform.admin("POST", "/collectivities/" + A + "/accounts/activation/status",
                Json.createObjectBuilder().add("entUserIds", Json.createArrayBuilder().add(tom)).build().toString());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonObject account = Platform.json(status).getJsonArray("accounts").getJsonObject(0);
        assertThat(account.getString("state")).as(account.toString()).isEqualTo("NONE");
        assertThat(account.getString("login")).as(account.toString()).isNotBlank();

        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> home = upstreamLogin(browser, A_HOST, "tom.educ");
        assertThat(home.statusCode()).as(home.uri() + " " + home.body()).isEqualTo(200);
        HttpResponse<String> me = browser.send("GET", URI.create(portal(A_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(Platform.json(me).getString("directoryUserId")).isEqualTo(tom);
    }

    @Test
    void the_same_upstream_identity_opens_nothing_in_B_and_creates_no_account_there() throws Exception {
        int usersInB = userCount(B);
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> refused = upstreamLogin(browser, B_HOST, "lea.educ");
        assertThat(refused.uri().getHost()).as("stays on Keycloak's page").isEqualTo("127.0.0.1");
        assertThat(refused.body()).contains("reliée à aucun compte");
        assertThat(userCount(B)).isEqualTo(usersInB);
        HttpResponse<String> me = browser.send("GET", URI.create(portal(B_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(me.statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_upstream_identity_is_refused_and_creates_no_account() throws Exception {
        int usersInA = userCount(A);
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> refused = upstreamLogin(browser, A_HOST, "inconnu.educ");
        assertThat(refused.uri().getHost()).as("stays on Keycloak's page").isEqualTo("127.0.0.1");
        assertThat(refused.body()).contains("reliée à aucun compte");
        assertThat(userCount(A)).isEqualTo(usersInA);
        assertThat(browser.send("GET", URI.create(portal(A_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
        assertThat(unknownUpstream).isNotBlank();
    }

    @Test
    void configuration_is_idempotent_and_never_shows_the_secret() {
        HttpResponse<String> again = platform.admin("PUT", idp(A), oidc().build().toString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        // Without the secret: the stored one is kept.
        HttpResponse<String> noSecret = platform.admin("PUT", idp(A), oidc().remove("clientSecret").build().toString());
        assertThat(noSecret.statusCode()).as(noSecret.body()).isEqualTo(200);
        HttpResponse<String> read = platform.admin("GET", idp(A), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(SECRET);
        JsonObject view = Platform.json(read);
        assertThat(view.getBoolean("clientSecretSet")).isTrue();
        assertThat(view.getString("displayName")).isEqualTo("ÉduConnect");
        assertThat(view.getString("brokerEndpoint")).isEqualTo("/realms/ent-" + A + "/broker/" + ALIAS + "/endpoint");
        HttpResponse<String> list = platform.admin("GET", "/collectivities/" + A + "/identity-providers", null);
        assertThat(list.body()).contains("\"alias\":\"" + ALIAS + "\"").doesNotContain(SECRET);
    }

    @Test
    void invalid_configurations_are_refused_with_the_field_named_in_french() {
        assertInvalid(oidc().add("kind", "LDAP"), "kind", "OIDC ou SAML");
        assertInvalid(oidc().add("discoveryUrl", "http://educonnect.example.fr/.well-known/openid-configuration"),
                "discoveryUrl", "https://");
        assertInvalid(oidc().remove("clientId"), "clientId", "obligatoire");
        assertInvalid(oidc().add("displayName", " "), "displayName", "nom affiché");
        assertInvalid(oidc().add("discoveryUrl", keycloakAsLocalhost() + "/realms/nexiste-pas/.well-known/openid-configuration"),
                "discoveryUrl", "n'a pas pu être lu");
        assertInvalid(Json.createObjectBuilder().add("kind", "SAML").add("displayName", "Académie de Nantes")
                .add("entityId", "https://idp.ac-nantes.fr").add("ssoUrl", "https://idp.ac-nantes.fr/sso")
                .add("signingCertificate", "pas-un-certificat"), "signingCertificate", "certificat");
        HttpResponse<String> newSecretNeeded = platform.admin("PUT", "/collectivities/" + A
                + "/identity-providers/autre", oidc().remove("clientSecret").build().toString());
        assertThat(newSecretNeeded.statusCode()).isEqualTo(400);
        assertThat(newSecretNeeded.body()).contains("clientSecret");
        HttpResponse<String> badAlias = platform.admin("PUT", "/collectivities/" + A + "/identity-providers/Edu_C",
                oidc().build().toString());
        assertThat(badAlias.statusCode()).isEqualTo(400);
        assertThat(badAlias.body()).contains("\"field\":\"alias\"");
        HttpResponse<String> badLink = platform.admin("POST", idp(A) + "/links",
                "{\"links\":[{\"entUserId\":\"pas-un-uuid\",\"subject\":\"x\"}]}");
        assertThat(badLink.statusCode()).isEqualTo(400);
        assertThat(badLink.body()).contains("links[0].entUserId");
        // Nothing of that reached the realm.
        assertThat(platform.admin("GET", "/collectivities/" + A + "/identity-providers/autre", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_collectivity_administrator_reads_and_configures_its_own_providers_but_never_links() {
        String adminA = platform.administrator(A).authorization();
        assertThat(adminCall("PUT", idp(B), oidc().build().toString(), adminA).statusCode()).isEqualTo(403);
        assertThat(adminCall("GET", idp(B), null, adminA).statusCode()).isEqualTo(403);
        assertThat(adminCall("DELETE", idp(B), null, adminA).statusCode()).isEqualTo(403);
        assertThat(adminCall("POST", idp(B) + "/links", "{\"links\":[]}", adminA).statusCode()).isEqualTo(403);
        // Its own collectivity: it configures its providers from its console (ADR 0025; here a bad body, refused by
        // the resource, not by the access filter, so nothing changes), but never links (a platform decision).
        assertThat(adminCall("PUT", idp(A), "{\"kind\":\"LDAP\",\"displayName\":\"x\"}", adminA).statusCode())
                .isEqualTo(400);
        assertThat(adminCall("POST", idp(A) + "/links", "{\"links\":[]}", adminA).statusCode()).isEqualTo(403);
        HttpResponse<String> own = adminCall("GET", idp(A), null, adminA);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain(SECRET);
    }

    private static void assertInvalid(JsonObjectBuilder body, String field, String words) {
        HttpResponse<String> r = platform.admin("PUT", "/collectivities/" + A + "/identity-providers/invalide",
                body.build().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(r);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(field);
        assertThat(problem.getString("detail")).contains(words);
    }

    private static HttpResponse<String> adminCall(String method, String path, String json, String authorization) {
        try {
            return platform.client().admin(method, path, json, authorization);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** From the portal's login button to Keycloak's page of A, its ÉduConnect button, the upstream form, and back. */
    private static HttpResponse<String> upstreamLogin(LoginAgent browser, String host, String upstreamUser) {
        HttpResponse<String> loginPage = browser.follow(browser.get(portal(host) + "/auth/login?return=/"), null);
        assertThat(loginPage.body()).contains("ÉduConnect");
        Matcher button = Pattern.compile("<a[^>]*id=\"social-" + ALIAS + "\"[^>]*href=\"([^\"]+)\"")
                .matcher(loginPage.body());
        if (!button.find()) {
            button = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*id=\"social-" + ALIAS + "\"").matcher(loginPage.body());
            assertThat(button.find()).as(loginPage.body()).isTrue();
        }
        String href = loginPage.uri().resolve(button.group(1).replace("&amp;", "&")).toString();
        HttpResponse<String> upstreamPage = browser.follow(browser.get(href), null);
        assertThat(upstreamPage.uri().getHost()).isEqualTo("localhost");
        return browser.follow(browser.submitLogin(upstreamPage, upstreamUser, PASSWORD), null);
    }

    private static String portal(String host) {
        return "http://" + host + ":" + platform.server().runtimeBase().getPort();
    }

    private static String idp(String slug) {
        return "/collectivities/" + slug + "/identity-providers/" + ALIAS;
    }

    /** The same Keycloak under the name "localhost": the upstream realm's cookies live apart from the ENT realm's. */
    private static String keycloakAsLocalhost() {
        return platform.identity().baseUrl().toString().replaceAll("/+$", "").replace("127.0.0.1", "localhost");
    }

    private static JsonObjectBuilder oidc() {
        return Json.createObjectBuilder().add("kind", "OIDC").add("displayName", "ÉduConnect")
                .add("discoveryUrl", keycloakAsLocalhost() + "/realms/" + UPSTREAM + "/.well-known/openid-configuration")
                .add("clientId", CLIENT).add("clientSecret", SECRET).add("scopes", "openid profile");
    }

    private static String createPupil(String host, String last, String first) {
        String uai = String.format("%07d", (int) (Math.random() * 10_000_000));
        uai = uai + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(uai) % 23);
        HttpResponse<String> school = platform.postJson(host, "/api/directory/structures",
                "{\"uai\":\"" + uai + "\",\"name\":\"École de " + first + "\",\"type\":\"ECOLE\"}");
        assertThat(school.statusCode()).as(school.body()).isEqualTo(201);
        HttpResponse<String> user = platform.postJson(host, "/api/directory/users", Json.createObjectBuilder()
                .add("profile", "Student").add("lastName", last).add("firstName", first)
                .add("structureId", Platform.json(school).getString("id"))
                .add("classIds", Json.createArrayBuilder()).add("childIds", Json.createArrayBuilder()).build()
                .toString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        return Platform.json(user).getString("id");
    }

    private static void upstreamRealm() throws Exception {
        var users = Json.createArrayBuilder();
        for (String username : List.of("lea.educ", "inconnu.educ", "tom.educ")) {
            users.add(Json.createObjectBuilder().add("username", username).add("enabled", true)
                    .add("firstName", "Léa").add("lastName", "Martin")
                    .add("email", username + "@example.invalid").add("emailVerified", true)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", PASSWORD).add("temporary", false))));
        }
        String keycloak = platform.identity().baseUrl().toString().replaceAll("/+$", "");
        HttpResponse<String> created = platform.keycloak().admin("POST", "/admin/realms", Json.createObjectBuilder()
                .add("realm", UPSTREAM).add("enabled", true)
                .add("clients", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("clientId", CLIENT).add("enabled", true).add("publicClient", false)
                        .add("secret", SECRET).add("standardFlowEnabled", true).add("directAccessGrantsEnabled", false)
                        .add("redirectUris", Json.createArrayBuilder().add(keycloak + "/realms/*"))))
                .add("users", users).build().toString());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    private static String upstreamUser(String username) throws Exception {
        HttpResponse<String> found = platform.keycloak().admin("GET", "/admin/realms/" + UPSTREAM
                + "/users?exact=true&username=" + username, null);
        JsonArray users = Json.createReader(new StringReader(found.body())).readArray();
        return users.getJsonObject(0).getString("id");
    }

    /** The realm's accounts that carry this directory id. */
    private static int accountsOf(String slug, String entUserId) throws Exception {
        HttpResponse<String> found = platform.keycloak().admin("GET", "/admin/realms/ent-" + slug
                + "/users?exact=true&q=" + Claims.USER_ID + ":" + entUserId, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return Json.createReader(new StringReader(found.body())).readArray().size();
    }

    private static int userCount(String slug) throws Exception {
        return Integer.parseInt(platform.keycloak().admin("GET", "/admin/realms/ent-" + slug + "/users/count", null)
                .body().trim());
    }
}
