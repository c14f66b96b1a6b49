package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Back-channel calls to a realm's token endpoint for the portal client: code exchange (with the PKCE verifier)
 * and refresh. The portal client is public, so no secret is sent; PKCE is what proves the code is ours.
 */
@ApplicationScoped
public class TokenEndpoint {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    TokenVerifier verifier;

    TokenSet exchangeCode(String realm, String code, LoginAttempt attempt) throws LoginException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", Realms.PORTAL_CLIENT);
        form.put("code", code);
        form.put("redirect_uri", attempt.redirectUri());
        form.put("code_verifier", attempt.codeVerifier());
        return post(realm, form);
    }

    TokenSet refresh(String realm, String refreshToken) throws LoginException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", Realms.PORTAL_CLIENT);
        form.put("refresh_token", refreshToken);
        return post(realm, form);
    }

    private TokenSet post(String realm, Map<String, String> form) throws LoginException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(verifier.endpoints(realm).token(realm))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw LoginException.unreachable("identity provider unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginException("interrupted", e);
        }
        if (response.statusCode() == 502 || response.statusCode() == 503 || response.statusCode() == 504) {
            throw LoginException.unreachable("identity provider unavailable (HTTP " + response.statusCode() + ")",
                    null);
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new LoginException("unreadable token response (HTTP " + response.statusCode() + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new LoginException("token endpoint refused: " + json.getString("error", "HTTP "
                    + response.statusCode()), null);
        }
        long refreshSeconds = json.containsKey("refresh_expires_in")
                ? json.getJsonNumber("refresh_expires_in").longValue() : 0;
        return new TokenSet(json.getString("access_token"), json.getString("refresh_token", null),
                json.getString("id_token", null),
                refreshSeconds > 0 ? java.time.Instant.now().plusSeconds(refreshSeconds) : null);
    }
}
