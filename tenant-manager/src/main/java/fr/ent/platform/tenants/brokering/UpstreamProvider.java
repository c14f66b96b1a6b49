package fr.ent.platform.tenants.brokering;

import java.util.Map;
import java.util.Optional;

/**
 * An upstream identity provider of a collectivity's realm (EduConnect, an academic SAML IdP), as the registry keeps
 * it: its alias in the realm (also the provider name in the directory's {@code ent_user_identity}), its kind, the
 * name shown on the login page, Keycloak's non-secret settings and, for OIDC, the client secret.
 */
public record UpstreamProvider(String alias, Kind kind, String displayName, Map<String, String> settings,
        Optional<String> clientSecret) {

    public enum Kind {
        OIDC("oidc"), SAML("saml");

        private final String keycloakProviderId;

        Kind(String keycloakProviderId) {
            this.keycloakProviderId = keycloakProviderId;
        }

        /** Keycloak's {@code providerId} of this kind of identity provider. */
        public String keycloakProviderId() {
            return keycloakProviderId;
        }
    }

    public UpstreamProvider {
        settings = Map.copyOf(settings);
    }

    public UpstreamProvider withSecret(Optional<String> secret) {
        return new UpstreamProvider(alias, kind, displayName, settings, secret);
    }
}
