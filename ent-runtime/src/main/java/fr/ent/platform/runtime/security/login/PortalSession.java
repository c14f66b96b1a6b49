package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.VerifiedToken;
import java.time.Instant;

/**
 * A signed-in portal user, kept server side in the HTTP session (the browser only holds the session cookie).
 * It belongs to one collectivity: presented on another collectivity's domain it is ignored.
 */
public final class PortalSession {

    private final String slug;
    private final String csrfToken;
    private volatile TokenSet tokens;
    private volatile VerifiedToken token;

    PortalSession(String slug, TokenSet tokens, VerifiedToken token) {
        this.slug = slug;
        this.csrfToken = LoginAttempt.random();
        this.tokens = tokens;
        this.token = token;
    }

    public String slug() {
        return slug;
    }

    /** The anti-forgery token pages send back in {@code X-CSRF-Token} (or form field {@code csrf}). */
    public String csrfToken() {
        return csrfToken;
    }

    /**
     * Whether a form or a script sent this session's anti-forgery token (constant-time comparison, so that it cannot
     * be guessed byte by byte from response times). Every page form that changes something asks here.
     */
    public boolean acceptsToken(String presented) {
        return presented != null && java.security.MessageDigest.isEqual(
                csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public VerifiedToken token() {
        return token;
    }

    String idToken() {
        return tokens.idToken();
    }

    String refreshToken() {
        return tokens.refreshToken();
    }

    boolean expiresBefore(Instant instant) {
        return token.expiresAt().isBefore(instant);
    }

    void refreshed(TokenSet newTokens, VerifiedToken newToken) {
        this.tokens = new TokenSet(newTokens.accessToken(),
                newTokens.refreshToken() == null ? tokens.refreshToken() : newTokens.refreshToken(),
                newTokens.idToken() == null ? tokens.idToken() : newTokens.idToken());
        this.token = newToken;
    }
}
