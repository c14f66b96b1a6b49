package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether Keycloak answers, before a browser is sent to it to sign in: when it does not, the person gets our page
 * saying so (503, try again in a few minutes) instead of the browser's "cannot reach" error on Keycloak's address
 * (issue 18, reliability). Asked at most every {@link #KEEP_ANSWER} (or {@link #KEEP_SILENCE} after no answer), so that
 * a burst of logins costs one request.
 */
@ApplicationScoped
public class IdentityProviderProbe {

    static final Duration KEEP_ANSWER = Duration.ofSeconds(10);
    static final Duration KEEP_SILENCE = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    TokenVerifier verifier;

    private volatile Instant checkedAt;
    private volatile boolean answered = true;

    /** Whether Keycloak answered for {@code realm} a moment ago (any answer under 500: it is up). */
    public boolean answers(String realm) {
        Instant now = Instant.now();
        Instant last = checkedAt;
        if (last != null && now.isBefore(last.plus(answered ? KEEP_ANSWER : KEEP_SILENCE))) {
            return answered;
        }
        URI discovery = URI.create(verifier.endpoints(realm).internalBase() + "/realms/" + realm
                + "/.well-known/openid-configuration");
        boolean up;
        try {
            up = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            up = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
        }
        answered = up;
        checkedAt = now;
        return up;
    }
}
