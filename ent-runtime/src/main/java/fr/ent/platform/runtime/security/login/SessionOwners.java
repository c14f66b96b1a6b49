package fr.ent.platform.runtime.security.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The owner tags of portal sessions: an HMAC of the collectivity and the user's subject under a key drawn when this
 * instance starts. The tag names nobody in clear and cannot be made for another user without the key, so a form
 * sent with a forged token is kept for nobody. The key dies with the instance, like the sessions it holds: a token
 * of a previous instance no longer names anyone (its form is not kept after a restart; docs/notes.md).
 */
final class SessionOwners {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the HMAC are plenty for telling users apart and keep the token short. */
    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;

    private SessionOwners(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    static SessionOwners withNewKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SessionOwners(key);
    }

    String tag(String slug, String subject) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // The separator cannot occur in a slug, so that (a-b, c) and (a, b-c) cannot give the same input.
            byte[] full = mac.doFinal((slug + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TAG_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
