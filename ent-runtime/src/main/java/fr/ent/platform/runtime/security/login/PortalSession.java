package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.VerifiedToken;
import java.time.Instant;

/**
 * A signed-in portal user, kept server side in the HTTP session (the browser only holds the session cookie).
 * It belongs to one collectivity: presented on another collectivity's domain it is ignored.
 */
public final class PortalSession {

    private static final char OWNER_SEPARATOR = '.';

    private final String slug;
    private final String owner;
    private final String csrfToken;
    /** The Keycloak server that signed this user in: their collectivity's shard then (ADR 0044, 0048). */
    private final fr.ent.platform.identity.RealmEndpoints issuedBy;
    private volatile TokenSet tokens;
    private volatile VerifiedToken token;
    /** While Keycloak does not answer: no new refresh attempt before this instant (see {@link PortalSessions}). */
    private volatile Instant refreshRetryAt;

    PortalSession(String slug, TokenSet tokens, VerifiedToken token, String owner,
            fr.ent.platform.identity.RealmEndpoints issuedBy) {
        this.slug = slug;
        this.issuedBy = issuedBy;
        this.owner = owner;
        // The owner's tag rides along, so that a form sent with this token after the session has ended still says
        // whose it is (FormRecovery): the server keeps nothing about ended sessions.
        this.csrfToken = LoginAttempt.random() + OWNER_SEPARATOR + owner;
        this.tokens = tokens;
        this.token = token;
    }

    public String slug() {
        return slug;
    }

    /** The Keycloak server (its addresses) this session's tokens come from. */
    fr.ent.platform.identity.RealmEndpoints issuedBy() {
        return issuedBy;
    }

    /**
     * An opaque tag of this session's user in this collectivity, the same in every session they open on this
     * instance, that nobody can compute for someone else (see {@link PortalSessions}).
     */
    public String owner() {
        return owner;
    }

    /**
     * The owner's tag an anti-forgery token carries, if it has the shape of one of ours: the token may be of a session
     * that has ended. It proves nothing by itself: compare it with a signed-in session's {@link #owner()}.
     */
    public static java.util.Optional<String> ownerOf(String presentedToken) {
        int separator = presentedToken == null ? -1 : presentedToken.lastIndexOf(OWNER_SEPARATOR);
        if (separator <= 0 || separator == presentedToken.length() - 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(presentedToken.substring(separator + 1));
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

    /**
     * The signed-in user's own access token (their realm, audience {@code ent-api}), for a call the platform makes
     * on their behalf to tenant-manager (the tenant console, ADR 0021): it carries exactly their rights there, never
     * more. Never sent to the browser or written to a log.
     */
    public String accessToken() {
        return tokens.accessToken();
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
                newTokens.idToken() == null ? tokens.idToken() : newTokens.idToken(),
                newTokens.refreshUsableUntil() == null ? tokens.refreshUsableUntil() : newTokens.refreshUsableUntil());
        this.token = newToken;
        this.refreshRetryAt = null;
    }

    /**
     * Whether the session may go on at {@code now} without a fresh token, Keycloak not answering: until Keycloak's own
     * session would have ended (the refresh token's life), never past it; without that figure, not past the access
     * token.
     */
    boolean mayOutliveTheIdentityProvider(Instant now) {
        Instant until = tokens.refreshUsableUntil() != null ? tokens.refreshUsableUntil() : token.expiresAt();
        return now.isBefore(until);
    }

    /** Keycloak did not answer: the next attempt waits until {@code at}, so that pages do not each wait for it. */
    void retryRefreshAt(Instant at) {
        this.refreshRetryAt = at;
    }

    /** Whether a refresh is due now, or waits for Keycloak to be tried again later. */
    boolean refreshWaits(Instant now) {
        Instant retry = refreshRetryAt;
        return retry != null && now.isBefore(retry);
    }
}
