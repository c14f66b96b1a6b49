package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.runtime.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one token verifier of the runtime, on Keycloak as {@link IdentitySettings} says, and on each realm's shard as
 * the registry says.
 */
@ApplicationScoped
public class IdentityBeans {

    @Produces
    @Singleton
    TokenVerifier tokenVerifier(IdentitySettings identity, TenantRegistry registry) {
        TokenVerifier configured = TokenVerifier.forKeycloak(identity.keycloakUrl(), identity.publicUrl(),
                identity.keysTtl());
        // Realms on another shard than the configured Keycloak: their server, from the registry (ADR 0044).
        return new TokenVerifier(configured.endpoints(), identity.keysTtl(), registry::shardOfRealm);
    }
}
