package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenants.registry.Collectivity;

/**
 * The identity side of a collectivity: its Keycloak realm ({@code ent-<slug>}, see TenantNames#realm). Every
 * operation is idempotent, so that the REALM provisioning step and lifecycle changes can be re-run after a failure.
 * The realm is always derived from the collectivity given, never from request input.
 */
public interface IdentityRealms {

    /** Creates the realm or brings an existing one to its definition (settings, roles, clients, mappers). */
    void ensureRealm(Collectivity collectivity);

    /** Enables (users can log in) or disables (no login, no token refresh) the realm; nothing if it does not exist. */
    void setEnabled(Collectivity collectivity, boolean enabled);

    /** Removes the realm with its accounts; nothing if it does not exist. */
    void deleteRealm(Collectivity collectivity);

    /** The portal client's redirect URIs, web origins and logout URL follow the collectivity's domains. */
    void updateDomains(Collectivity collectivity);

    /** Writes the collectivity's branding (registry) into its realm for the login theme; nothing without a realm. */
    void updateBranding(Collectivity collectivity);

    /** Whether the realm exists. */
    boolean exists(Collectivity collectivity);

    /**
     * The secret of the synthetic probe's client ({@code ent-probe}) in the collectivity's realm, read back from
     * Keycloak (ADR 0012); empty while the realm or the client does not exist.
     */
    java.util.Optional<String> probeSecret(Collectivity collectivity);

    /** The hosting operators' realm {@code platform}: created if absent. */
    void ensurePlatformRealm();

    /** False only for {@link #UNCONFIGURED}: provisioning is then refused rather than left to fail. */
    default boolean configured() {
        return true;
    }

    /** Used when {@code ent.keycloak.url} is not set: every operation fails with a message saying what to configure. */
    IdentityRealms UNCONFIGURED = new IdentityRealms() {
        private IllegalStateException notConfigured() {
            return new IllegalStateException("Keycloak is not configured: set ENT_KEYCLOAK_URL (ent.keycloak.url) and"
                    + " the admin credentials (see docs/configuration.md); collectivity realms cannot be managed");
        }

        @Override
        public void ensureRealm(Collectivity collectivity) {
            throw notConfigured();
        }

        @Override
        public void setEnabled(Collectivity collectivity, boolean enabled) {
            throw notConfigured();
        }

        @Override
        public void deleteRealm(Collectivity collectivity) {
            throw notConfigured();
        }

        @Override
        public void updateDomains(Collectivity collectivity) {
            throw notConfigured();
        }

        @Override
        public void updateBranding(Collectivity collectivity) {
            throw notConfigured();
        }

        @Override
        public boolean exists(Collectivity collectivity) {
            throw notConfigured();
        }

        @Override
        public java.util.Optional<String> probeSecret(Collectivity collectivity) {
            throw notConfigured();
        }

        @Override
        public void ensurePlatformRealm() {
            throw notConfigured();
        }

        @Override
        public boolean configured() {
            return false;
        }
    };
}
