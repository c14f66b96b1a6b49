package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One-time activation codes: the first password of a new account, to be changed at first login (Keycloak's
 * UPDATE_PASSWORD). 12 random characters from an alphabet without look-alikes (0/O, 1/I/L), grouped by 4 so that
 * they can be read out or printed on a letter: 31^12 ≈ 2^59 possibilities. They satisfy the realm password policy.
 *
 * <p>The code reaches Keycloak already hashed (PBKDF2-HMAC-SHA256, {@value #ITERATIONS} iterations, Keycloak's
 * {@code pbkdf2-sha256} credential format), not in clear for Keycloak to hash with the realm's Argon2: slow hashing
 * protects low-entropy human passwords, and made bulk creation cost ~0.5 s of CPU per account (docs/benchmarks.md).
 * A 59-bit random code needs no slowing down; the password the person then chooses is hashed by Keycloak with the
 * realm's algorithm. See ADR 0008.
 */
final class ActivationCodes {

    static final int ITERATIONS = 1000;
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActivationCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** 16 random bytes. */
    static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /**
     * The code's PBKDF2-HMAC-SHA256 hash ({@value #ITERATIONS} iterations, 256 bits), as Keycloak's
     * {@code pbkdf2-sha256} password credential holds it: also what the directory stores for the realm's user storage
     * provider (DirectoryAccounts, ADR 0043).
     */
    static byte[] hash(String code, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(code.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** The temporary password credential of an account, hashed (Keycloak CredentialRepresentation). */
    static JsonObject credential(String code) {
        byte[] salt = salt();
        byte[] hash = hash(code, salt);
        Base64.Encoder b64 = Base64.getEncoder();
        String secretData = Json.createObjectBuilder().add("value", b64.encodeToString(hash))
                .add("salt", b64.encodeToString(salt)).add("additionalParameters", Json.createObjectBuilder())
                .build().toString();
        String credentialData = Json.createObjectBuilder().add("hashIterations", ITERATIONS)
                .add("algorithm", "pbkdf2-sha256").add("additionalParameters", Json.createObjectBuilder())
                .build().toString();
        return Json.createObjectBuilder().add("type", "password").add("temporary", true)
                .add("secretData", secretData).add("credentialData", credentialData).build();
    }
}
