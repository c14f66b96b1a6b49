package fr.ent.platform.it.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app for the tests: RFC 6238 TOTP with the realms' policy (HMAC-SHA1, 6 digits, 30 s). No TOTP
 * library is served by this machine's Maven mirror, and the computation is 15 lines of javax.crypto. Keycloak
 * refuses a code used once already, and refused the next step's code here: each login takes the current step if
 * no earlier login of that secret took it, else waits for the next step (up to 30 s).
 */
public final class Totp {

    private static final long PERIOD_SECONDS = 30;
    private static final long SAFETY_MILLIS = 5_000;
    private static final Set<String> USED = new HashSet<>();

    private Totp() {
    }

    /** A fresh code for the secret as Keycloak's form holds it ({@code totpSecret}: the key's bytes in UTF-8). */
    public static synchronized String next(String secret) {
        while (true) {
            long millis = System.currentTimeMillis();
            long now = millis / 1000 / PERIOD_SECONDS;
            // a code typed in the last seconds of its step may reach Keycloak in the next one, which refused it
            // (DemoWalkIT stayed on the enrolment form in CI): wait for a fresh step instead
            boolean endOfStep = PERIOD_SECONDS * 1000 - millis % (PERIOD_SECONDS * 1000) < SAFETY_MILLIS;
            if (!endOfStep && USED.add(secret + "@" + now)) {
                return code(secret.getBytes(StandardCharsets.UTF_8), now);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The code of the current step, without taking it (to derive a wrong code from it). */
    static String current(String secret) {
        return code(secret.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() / 1000 / PERIOD_SECONDS);
    }

    /** RFC 4226 HOTP of the counter, 6 digits (RFC 6238: the counter is the 30-second step). */
    static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
