package fr.ent.platform.tenants.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets of the confidential clients tenant-manager makes in a realm (the probe's, the realm's administration). */
final class ClientSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecret() {
    }

    /** 256 random bits, URL-safe: made once at the client's creation, then kept only by Keycloak. */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
