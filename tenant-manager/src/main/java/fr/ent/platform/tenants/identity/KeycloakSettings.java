package fr.ent.platform.tenants.identity;

import fr.ent.platform.settings.SettingReader;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Every Keycloak setting of tenant-manager, read once ({@link SettingReader}; environment variables
 * {@code ENT_KEYCLOAK_*}, docs/configuration.md) and handed to whoever needs one: the realm administration, the admin
 * API's token verifier, the synthetic probe, the account sync. Blank values count as unset.
 *
 * @param url            where tenant-manager reaches Keycloak; empty: no realm can be made (provisioning refused)
 * @param publicUrl      Keycloak as browsers reach it, the issuer of tokens; empty: {@code url}
 * @param keysTtl        how long realm keys (JWKS) are cached
 * @param adminRealm     the realm whose token endpoint authenticates tenant-manager
 * @param syncBatchSize  accounts per partialImport request of the account sync
 * @param syncParallelism partialImport requests at a time
 * @param passwordHashing how the realms tenant-manager makes hash passwords; Keycloak's default unless set (tests)
 * @param realmAccounts  routine calls inside a realm with that realm's own administration account (ADR 0052)
 */
public record KeycloakSettings(Optional<String> url, Optional<String> publicUrl, Duration keysTtl, String adminRealm,
        Optional<String> adminClientId, Optional<String> adminClientSecret, Optional<String> adminUsername,
        Optional<String> adminPassword, Optional<String> operatorClientSecret, int syncBatchSize,
        int syncParallelism, PasswordHashing passwordHashing, boolean realmAccounts) {

    public static KeycloakSettings from(SettingReader settings) {
        return new KeycloakSettings(
                settings.url("ent.keycloak.url").map(URI::toString),
                settings.url("ent.keycloak.public-url").map(URI::toString),
                Duration.ofSeconds(settings.integer("ent.keycloak.keys-ttl-seconds", 300, 1, 86_400)),
                settings.text("ent.keycloak.admin-realm", "master"),
                settings.text("ent.keycloak.admin-client-id"),
                settings.text("ent.keycloak.admin-client-secret"),
                settings.text("ent.keycloak.admin-username"),
                // a local bootstrap administrator may have an empty password: kept as given
                settings.raw("ent.keycloak.admin-password"),
                settings.text("ent.keycloak.operator-client-secret"),
                settings.integer("ent.keycloak.sync-batch-size", 100, 1, 10_000),
                settings.integer("ent.keycloak.sync-parallelism", 4, 1, 64),
                PasswordHashing.from(settings),
                settings.flag("ent.keycloak.realm-accounts", true));
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
                .orElse(adminUsername.map(u -> "user " + u).orElse("(unset)")) + ", passwordHashing="
                + passwordHashing + ", realmAccounts=" + realmAccounts + "]";
    }
}
