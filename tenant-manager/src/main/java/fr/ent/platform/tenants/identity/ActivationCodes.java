package fr.ent.platform.tenants.identity;

import java.security.SecureRandom;

/**
 * One-time activation codes: the first password of a new account, to be changed at first login (Keycloak's
 * UPDATE_PASSWORD). 12 random characters (~60 bits) from an alphabet without look-alikes (0/O, 1/I/L), grouped by 4
 * so that they can be read out or printed on a letter. They satisfy the realm password policy (length 12).
 */
final class ActivationCodes {

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
}
