package fr.ent.platform.local;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What only the local platform and the tests do in Keycloak, as its bootstrap administrator: demo and test users
 * with known passwords, and a confidential "seeder" client whose service account administers a collectivity
 * (it fills the demo directory through the same APIs as any client). Production realms never get these: they
 * are made by tenant-manager's REALM step and their accounts by the accounts synchronisation.
 *
 * <p>Thread-safe. Its administrator's token is kept until shortly before it expires: each token is a password
 * sign-in, which Keycloak checks with its slow password hash (Argon2 by default), and this class used to sign in
 * for every call it made (several per demo or test user).
 */
public final class KeycloakSetup {

    /** Renew this long before the token's expiry, so that no call is sent with a token about to expire. */
    private static final Duration MARGIN = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private String token;
    private Instant renewAt = Instant.MIN;

    public KeycloakSetup(URI base, String adminUser, String adminPassword) {
        this.base = base;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** A user with a permanent password (no required action), the given realm roles and attributes. */
    public String ensureUser(String realm, String username, String firstName, String lastName, String password,
            List<String> roles, Map<String, String> attributes) throws IOException, InterruptedException {
        String id = userId(realm, username);
        if (id == null) {
            JsonObjectBuilder attrs = Json.createObjectBuilder();
            attributes.forEach((k, v) -> attrs.add(k, Json.createArrayBuilder().add(v)));
            JsonObject user = Json.createObjectBuilder().add("username", username).add("enabled", true)
                    .add("firstName", firstName).add("lastName", lastName)
                    .add("email", username + "@example.invalid").add("emailVerified", true)
                    .add("attributes", attrs)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", password).add("temporary", false)))
                    .build();
            expect(send("POST", "/admin/realms/" + realm + "/users", user.toString()), 201, 409);
            id = userId(realm, username);
        }
        grantRealmRoles(realm, "/users/" + id, roles);
        return id;
    }

    /**
     * A confidential client of the realm whose service account has the given realm roles and whose tokens are
     * for the ENT API; returns its client credentials.
     */
    public ClientCredentials ensureServiceClient(String realm, String clientId, String secret, List<String> roles)
            throws IOException, InterruptedException {
        if (clientUuid(realm, clientId) == null) {
            JsonObject client = Json.createObjectBuilder().add("clientId", clientId).add("enabled", true)
                    .add("publicClient", false).add("secret", secret).add("serviceAccountsEnabled", true)
                    .add("standardFlowEnabled", false).add("directAccessGrantsEnabled", false)
                    .add("protocolMappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("name", "ent-api audience").add("protocol", "openid-connect")
                            .add("protocolMapper", "oidc-audience-mapper")
                            .add("config", Json.createObjectBuilder()
                                    .add("included.client.audience", Realms.API_AUDIENCE)
                                    .add("access.token.claim", "true").add("id.token.claim", "false"))))
                    .build();
            expect(send("POST", "/admin/realms/" + realm + "/clients", client.toString()), 201, 409);
        }
        String uuid = clientUuid(realm, clientId);
        JsonObject serviceUser = object(expect(send("GET", "/admin/realms/" + realm + "/clients/" + uuid
                + "/service-account-user", null), 200).body());
        grantRealmRoles(realm, "/users/" + serviceUser.getString("id"), roles);
        return new ClientCredentials(RealmEndpoints.of(base.toString(), base.toString()).token(realm), clientId,
                secret);
    }

    /** Ends every Keycloak session of the user, as an administrator would in the console ("Sign out"). */
    public void logoutUser(String realm, String username) throws IOException, InterruptedException {
        String id = userId(realm, username);
        if (id == null) {
            throw new IllegalStateException("no user " + username + " in " + realm);
        }
        expect(send("POST", "/admin/realms/" + realm + "/users/" + id + "/logout", null), 204);
    }

    /**
     * Lets programs log users in with their password at the client's token endpoint (OAuth direct grant), the
     * realm's direct grant flow checking the password: benchmarks that need tokens of many real users. Production
     * portal clients never allow it (tenant-manager's realm definition, restored at its next start).
     */
    public void allowPasswordGrant(String realm, String clientId) throws IOException, InterruptedException {
        String uuid = clientUuid(realm, clientId);
        if (uuid == null) {
            throw new IllegalStateException("no client " + clientId + " in realm " + realm);
        }
        JsonObject client = object(expect(send("GET", "/admin/realms/" + realm + "/clients/" + uuid, null), 200)
                .body());
        expect(send("PUT", "/admin/realms/" + realm + "/clients/" + uuid, Json.createObjectBuilder(client)
                .add("directAccessGrantsEnabled", true).build().toString()), 204);
    }

    /** Sets one attribute of a client (e.g. {@code backchannel.logout.url}); returns its previous value or null. */
    public String setClientAttribute(String realm, String clientId, String name, String value)
            throws IOException, InterruptedException {
        String uuid = clientUuid(realm, clientId);
        JsonObject client = object(expect(send("GET", "/admin/realms/" + realm + "/clients/" + uuid, null), 200)
                .body());
        JsonObject attributes = client.getJsonObject("attributes");
        String previous = attributes.getString(name, null);
        JsonObject changed = Json.createObjectBuilder(client).add("attributes",
                Json.createObjectBuilder(attributes).add(name, value)).build();
        expect(send("PUT", "/admin/realms/" + realm + "/clients/" + uuid, changed.toString()), 204);
        return previous;
    }

    private void grantRealmRoles(String realm, String userPath, List<String> roles)
            throws IOException, InterruptedException {
        if (roles.isEmpty()) {
            return;
        }
        JsonArrayBuilder wanted = Json.createArrayBuilder();
        for (String role : roles) {
            wanted.add(object(expect(send("GET", "/admin/realms/" + realm + "/roles/"
                    + URLEncoder.encode(role, StandardCharsets.UTF_8), null), 200).body()));
        }
        expect(send("POST", "/admin/realms/" + realm + userPath + "/role-mappings/realm", wanted.build().toString()),
                204);
    }

    /** The secret Keycloak holds for a confidential client of the realm (tests: the synthetic probe's client). */
    public String clientSecret(String realm, String clientId) throws IOException, InterruptedException {
        String uuid = clientUuid(realm, clientId);
        if (uuid == null) {
            throw new IllegalStateException("no client " + clientId + " in realm " + realm);
        }
        return object(expect(send("GET", "/admin/realms/" + realm + "/clients/" + uuid + "/client-secret", null), 200)
                .body()).getString("value");
    }

    private String userId(String realm, String username) throws IOException, InterruptedException {
        JsonArray found = array(expect(send("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null), 200).body());
        return found.isEmpty() ? null : found.getJsonObject(0).getString("id");
    }

    private String clientUuid(String realm, String clientId) throws IOException, InterruptedException {
        JsonArray found = array(expect(send("GET", "/admin/realms/" + realm + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null), 200).body());
        return found.isEmpty() ? null : found.getJsonObject(0).getString("id");
    }

    /** A call of Keycloak's admin REST API as the bootstrap administrator (path from /admin/realms...). */
    public HttpResponse<String> admin(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json);
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> response = sendOnce(method, path, json, adminToken());
        if (response.statusCode() == 401) {
            // revoked or expired early (Keycloak restarted): one new token, one retry
            response = sendOnce(method, path, json, renewToken());
        }
        return response;
    }

    private HttpResponse<String> sendOnce(String method, String path, String json, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private synchronized String adminToken() throws IOException, InterruptedException {
        if (token == null || Instant.now().isAfter(renewAt)) {
            return renewToken();
        }
        return token;
    }

    /** A new token, kept until {@link #MARGIN} before it expires (master's tokens live 60 s by default). */
    private synchronized String renewToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(adminUser, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject answer = object(expect(response, 200).body());
        token = answer.getString("access_token");
        renewAt = Instant.now().plusSeconds(answer.getJsonNumber("expires_in").longValue()).minus(MARGIN);
        return token;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException("Keycloak: " + response.request().method() + " " + response.request().uri()
                + " → HTTP " + response.statusCode() + " " + response.body());
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static JsonArray array(String json) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return value.asJsonArray();
    }
}
