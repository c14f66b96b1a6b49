package fr.ent.platform.runtime.security.login;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * One login started on {@code /auth/login} and awaited on {@code /auth/callback}: the {@code state} that ties the
 * callback to this browser, the {@code nonce} the ID token must carry, and the PKCE verifier whose hash was sent.
 * Kept in the browser's session until the callback, never sent anywhere else.
 */
record LoginAttempt(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
        Instant startedAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static LoginAttempt start(String redirectUri, String returnTo) {
        return new LoginAttempt(random(), random(), random() + random(), redirectUri, returnTo, Instant.now());
    }

    String codeChallenge() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
