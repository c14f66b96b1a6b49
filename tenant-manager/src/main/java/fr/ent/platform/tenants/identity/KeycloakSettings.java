package fr.ent.platform.tenants.identity;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every Keycloak setting of tenant-manager, read once from MicroProfile Config (environment variables
 * {@code ENT_KEYCLOAK_*}, docs/configuration.md) and handed to whoever needs one: the realm administration, the admin
 * API's token verifier, the synthetic probe, the account sync. Blank values count as unset.
 *
 * @param url            where tenant-manager reaches Keycloak; empty: no realm can be made (provisioning refused)
 * @param publicUrl      Keycloak as browsers reach it, the issuer of tokens; empty: {@code url}
 * @param keysTtl        how long realm keys (JWKS) are cached
 * @param adminRealm     the realm whose token endpoint authenticates tenant-manager
 * @param syncBatchSize  accounts per partialImport request of the account sync
 * @param syncParallelism partialImport requests at a time
 */
public record KeycloakSettings(Optional<String> url, Optional<String> publicUrl, Duration keysTtl, String adminRealm,
        Optional<String> adminClientId, Optional<String> adminClientSecret, Optional<String> adminUsername,
        Optional<String> adminPassword, Optional<String> operatorClientSecret, int syncBatchSize,
        int syncParallelism) {

    public static KeycloakSettings from(Config config) {
        return new KeycloakSettings(
                text(config, "ent.keycloak.url"),
                text(config, "ent.keycloak.public-url"),
                Duration.ofSeconds(config.getOptionalValue("ent.keycloak.keys-ttl-seconds", Long.class).orElse(300L)),
                text(config, "ent.keycloak.admin-realm").orElse("master"),
                text(config, "ent.keycloak.admin-client-id"),
                text(config, "ent.keycloak.admin-client-secret"),
                text(config, "ent.keycloak.admin-username"),
                // a local bootstrap administrator may have an empty password: kept as given
                config.getOptionalValue("ent.keycloak.admin-password", String.class),
                text(config, "ent.keycloak.operator-client-secret"),
                config.getOptionalValue("ent.keycloak.sync-batch-size", Integer.class).orElse(100),
                config.getOptionalValue("ent.keycloak.sync-parallelism", Integer.class).orElse(4));
    }

    /**
     * How tenant-manager logs in to the Admin REST API: client credentials when a client id is set (production),
     * else the bootstrap administrator (local).
     */
    public AdminCredentials adminCredentials() {
        if (adminClientId.isPresent()) {
            return new AdminCredentials.ClientCredentials(adminRealm, adminClientId.get(),
                    adminClientSecret.orElseThrow(() -> new IllegalStateException(
                            "ent.keycloak.admin-client-secret is required with ent.keycloak.admin-client-id")));
        }
        return new AdminCredentials.Password(adminRealm, adminUsername.orElseThrow(() -> new IllegalStateException(
                "set ent.keycloak.admin-client-id/-secret (or admin-username/-password locally)")),
                adminPassword.orElse(""));
    }

    @Override
    public String toString() {
        // never the secrets
        return "KeycloakSettings[url=" + url.orElse("(unset)") + ", publicUrl=" + publicUrl.orElse("(= url)")
                + ", adminRealm=" + adminRealm + ", admin=" + adminClientId.map(id -> "client " + id)
                .orElse(adminUsername.map(u -> "user " + u).orElse("(unset)")) + "]";
    }

    private static Optional<String> text(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
