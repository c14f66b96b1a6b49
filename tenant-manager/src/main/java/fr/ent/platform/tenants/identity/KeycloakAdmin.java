package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A small client of Keycloak's documented Admin REST API ({@code /admin/realms/...}) on the JDK's HTTP client and
 * Jakarta JSON-P (see ADR 0007 for why not keycloak-admin-client). It holds the admin token and renews it shortly
 * before it expires (or when Keycloak answers 401). With {@link #withRealmAccounts()}, routine calls inside a
 * collectivity realm carry that realm's own administration token instead ({@link RealmAdminTokens}, ADR 0052).
 * Thread-safe.
 */
public class KeycloakAdmin {

    /** Renew this long before the token's expiry, so that no request is sent with a token about to expire. */
    private static final Duration MARGIN = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER_SERVER_ERROR = Duration.ofMillis(300);

    private final URI baseUrl;
    private final AdminCredentials credentials;
    private final HttpClient http;
    private String token;
    private Instant renewAt = Instant.MIN;
    /** Set by {@link #withRealmAccounts()}: the realms' own administration tokens. */
    private volatile RealmAdminTokens realmAccounts;

    public KeycloakAdmin(URI baseUrl, AdminCredentials credentials) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * From now on, routine calls inside a realm ({@code ent-x/…}) go with that realm's own administration account
     * when it has one (ADR 0052); the platform administrator keeps the realm itself, the realm list and the rest.
     */
    public KeycloakAdmin withRealmAccounts() {
        if (realmAccounts == null) {
            realmAccounts = new RealmAdminTokens(this);
        }
        return this;
    }

    /** The realms' own administration tokens; empty unless {@link #withRealmAccounts()} was called. */
    public Optional<RealmAdminTokens> realmAccounts() {
        return Optional.ofNullable(realmAccounts);
    }

    /**
     * The secret just given to a realm's administration account (at its creation), which spares reading it back; on
     * the client that administers that realm (a shard's, ADR 0044).
     */
    public void realmAccountCreated(String realm, String secret) {
        RealmAdminTokens realms = realmAccounts;
        if (realms != null) {
            realms.created(realm, secret);
        }
    }

    /** The realm an admin path names first ({@code ent-x/users?…} → ent-x, {@code ent-x} → ent-x); the list → none. */
    public static Optional<String> realmOfPath(String path) {
        int end = path.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end == 0 ? Optional.empty() : Optional.of(path.substring(0, end));
    }

    /** The response of one call: status, body (possibly empty) and Location header. */
    public record Response(int status, String body, Optional<String> location) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonObject object() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }

        /** The id at the end of the Location of a 201 Created. */
        public String createdId() {
            String l = location.orElseThrow(() -> new KeycloakException("no Location in the answer", status));
            return l.substring(l.lastIndexOf('/') + 1);
        }
    }

    /** GET of a path under {@code /admin/realms/} (the empty path is the realm list); empty on 404. */
    public Optional<Response> find(String path) {
        Response r = send("GET", path, null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(r, "GET " + path));
    }

    public Response get(String path) {
        return expect(send("GET", path, null), "GET " + path);
    }

    public Response post(String path, JsonStructure body) {
        return expect(send("POST", path, body), "POST " + path);
    }

    public Response put(String path, JsonStructure body) {
        return expect(send("PUT", path, body), "PUT " + path);
    }

    /** PUT of a plain-text body (realm localization texts). */
    public Response putText(String path, String text) {
        RealmAdminTokens realms = realmAccounts;
        Optional<Response> own = realms == null ? Optional.empty() : RealmAdminTokens.routineRealm(path)
                .flatMap(realm -> realms.send(realm, bearer -> putTextOnce(path, text, bearer)));
        return expect(own.orElseGet(() -> {
            Response r = putTextOnce(path, text, token());
            return r.status() == 401 ? putTextOnce(path, text, renewToken()) : r;
        }), "PUT " + path);
    }

    private Response putTextOnce(String path, String text, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("admin/realms/" + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "text/plain; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build();
        return call(request, "PUT " + path);
    }

    /** DELETE; a 404 counts as done (idempotent). */
    public void delete(String path) {
        if (realmAccounts != null && !path.contains("/") && !path.contains("?")) {
            realmAccounts.forget(path); // a realm made again under this name gets a new account
        }
        Response r = send("DELETE", path, null);
        if (r.status() != 404) {
            expect(r, "DELETE " + path);
        }
    }

    /** Sends without judging the status (for callers that treat 409 or 404 themselves). */
    public Response send(String method, String path, JsonStructure body) {
        RealmAdminTokens realms = realmAccounts;
        if (realms != null) {
            Optional<Response> own = RealmAdminTokens.routineRealm(path)
                    .flatMap(realm -> realms.send(realm, bearer -> sendOnce(method, path, body, bearer)));
            if (own.isPresent()) {
                return own.get();
            }
        }
        return sendAsPlatform(method, path, body);
    }

    /** Sends as the platform administrator, whatever the path (a realm's own secret is read this way). */
    Response sendAsPlatform(String method, String path, JsonStructure body) {
        Response r = sendOnce(method, path, body, token());
        if (r.status() == 401) {
            // Revoked or expired early (Keycloak restarted, session removed): one new token, one retry.
            r = sendOnce(method, path, body, renewToken());
        }
        if (r.status() == 500 && repeatable(method, path)) {
            // Keycloak 26.7's realm cache can, for a moment after another realm is deleted, still count that realm's
            // roles among the platform administrator's composites: the permission check of an unrelated call then
            // fails with 500 (a NullPointerException in DefaultLazyLoader, seen in CI while other tests deleted
            // realms). The call did nothing; the same call a moment later passes. Only calls that may be repeated.
            pause(RETRY_AFTER_SERVER_ERROR);
            r = sendOnce(method, path, body, token());
        }
        return r;
    }

    /**
     * Whether a call may be sent twice with the same effect: reads, replacements, deletions, and adding role
     * mappings or composites (adding a role already there changes nothing). Creations may not: a 500 that came after
     * the creation would make a second one.
     */
    static boolean repeatable(String method, String path) {
        return switch (method) {
            case "GET", "PUT", "DELETE" -> true;
            case "POST" -> path.contains("/role-mappings/") || path.endsWith("/composites");
            default -> false;
        };
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted before repeating a call", e);
        }
    }

    private Response sendOnce(String method, String path, JsonStructure body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        baseUrl.resolve(path.isEmpty() ? "admin/realms" : "admin/realms/" + path))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return call(request.build(), method + " " + path);
    }

    Response call(HttpRequest request, String what) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new KeycloakException("Keycloak unreachable at " + baseUrl + " (" + what + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted during " + what, e);
        }
    }

    private static Response expect(Response r, String what) {
        if (!r.ok()) {
            throw new KeycloakException("Keycloak answered " + r.status() + " to " + what + ": " + abbreviate(r.body()),
                    r.status());
        }
        return r;
    }

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            return renewToken();
        }
        return token;
    }

    private synchronized String renewToken() {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("realms/" + credentials.realm()
                        + "/protocol/openid-connect/token"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.tokenForm())).build();
        Response r = call(request, "admin token for " + credentials);
        if (!r.ok()) {
            throw new KeycloakException("Keycloak refused the admin token for " + credentials + " (" + r.status()
                    + "): " + abbreviate(r.body()), r.status());
        }
        JsonObject answer = r.object();
        token = answer.getString("access_token");
        renewAt = Instant.now().plusSeconds(answer.getJsonNumber("expires_in").longValue()).minus(MARGIN);
        return token;
    }

    static JsonStructure parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
