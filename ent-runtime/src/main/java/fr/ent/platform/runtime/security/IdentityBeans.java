package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one token verifier of the runtime, on Keycloak as {@link IdentitySettings} says. */
@ApplicationScoped
public class IdentityBeans {

    @Produces
    @Singleton
    TokenVerifier tokenVerifier(IdentitySettings identity) {
        return TokenVerifier.forKeycloak(identity.keycloakUrl(), identity.publicUrl(), identity.keysTtl());
    }
}
