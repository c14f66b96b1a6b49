package fr.ent.platform.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * One user of a collectivity signed in with their password (direct grant of the realm's portal client): its
 * access token, fetched again shortly before it expires, so that a load run longer than a token's life keeps
 * sending valid tokens. The token is the portal's own (audience, ENT claims), as an app's would be.
 */
public final class PasswordLogin implements Reader {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String form;
    private final String username;
    private final String password;
    private final String name;
    private String authorization;
    private Instant expiresAt = Instant.EPOCH;

    /** {@code name}: the user's name as the directory has it ("first last"), which their pages show. */
    public PasswordLogin(HttpClient http, URI tokenEndpoint, String clientId, String username, String password,
            String name) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.username = username;
        this.password = password;
        this.name = name;
        this.form = "grant_type=password&scope=openid&client_id=" + encode(clientId) + "&username="
                + encode(username) + "&password=" + encode(password);
    }

    /** The {@code Authorization} header of this user's requests. */
    public synchronized String authorization() {
        if (authorization == null || Instant.now().plus(MARGIN).isAfter(expiresAt)) {
            fetch();
        }
        return authorization;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the password of " + username + " at "
                        + tokenEndpoint + " (HTTP " + response.statusCode() + "): " + response.body());
            }
            JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
            authorization = "Bearer " + json.getString("access_token");
            expiresAt = Instant.now().plusSeconds(json.getJsonNumber("expires_in").longValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON API request with this user's access token (renewed before it expires, hence built per request). */
    @Override
    public HttpRequest request(URI uri, String host) {
        return HttpRequest.newBuilder(uri).header("Host", host).header("Accept", "application/json")
                .header("Authorization", authorization()).timeout(Duration.ofSeconds(30)).GET().build();
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String name() {
        return name;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
