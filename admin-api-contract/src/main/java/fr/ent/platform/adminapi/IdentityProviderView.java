package fr.ent.platform.adminapi;

import java.util.Map;

/**
 * An identity provider as the admin API shows it: never its client secret, only whether one is set. The broker
 * endpoint is what the upstream provider must know (OIDC redirect URI, SAML assertion consumer service; the SAML
 * service provider's metadata is at that path + {@code /descriptor}), relative to Keycloak's public address.
 */
public record IdentityProviderView(String alias, String kind, String displayName, Map<String, String> settings,
        boolean clientSecretSet, String brokerEndpoint) {
}
