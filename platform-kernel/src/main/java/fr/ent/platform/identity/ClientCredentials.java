package fr.ent.platform.identity;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

/**
 * Access tokens of a confidential client (OAuth 2 client credentials), cached until shortly before they expire:
 * how programs (the operator, the local launcher, tests, benchmarks) call the tenant-manager admin API.
 */
public final class ClientCredentials {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ClientCredentials(URI tokenEndpoint, String clientId, String secret) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), tokenEndpoint, clientId, secret);
    }

    /** Sharing {@code http}: for programs holding many of them (the synthetic probe: one per collectivity). */
    public ClientCredentials(HttpClient http, URI tokenEndpoint, String clientId, String secret) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** For the platform realm of a Keycloak at {@code keycloakUrl}. */
    public static ClientCredentials platform(String keycloakUrl, String clientId, String secret) {
        return new ClientCredentials(RealmEndpoints.of(keycloakUrl, keycloakUrl).token(Realms.PLATFORM), clientId,
                secret);
    }

    /** A valid access token, fetched again when the cached one is about to expire. */
    public synchronized String token() {
        if (token == null || Instant.now().plus(MARGIN).isAfter(expiresAt)) {
            fetch();
        }
        return token;
    }

    /** The value of an {@code Authorization} header. */
    public String authorization() {
        return "Bearer " + token();
    }

    private void fetch() {
        String body = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the client credentials of '" + clientId + "' at "
                        + tokenEndpoint + " (HTTP " + response.statusCode() + "): " + response.body());
            }
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            token = JSONObjectUtils.getString(json, "access_token");
            Number expiresIn = (Number) json.getOrDefault("expires_in", 60);
            expiresAt = Instant.now().plusSeconds(expiresIn.longValue());
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable token response from " + tokenEndpoint, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak unreachable at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
