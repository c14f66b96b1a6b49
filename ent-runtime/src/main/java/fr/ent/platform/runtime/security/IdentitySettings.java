package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Keycloak is, from MicroProfile Config ({@code ENT_KEYCLOAK_URL}, and {@code ENT_KEYCLOAK_PUBLIC_URL} when
 * browsers reach it on another address than the platform does), and the one token verifier of the runtime.
 */
@ApplicationScoped
public class IdentitySettings {

    @Inject
    @ConfigProperty(name = "ent.keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "ent.keycloak.public-url")
    Optional<String> keycloakPublicUrl;

    @Inject
    @ConfigProperty(name = "ent.keycloak.keys-ttl-seconds", defaultValue = "300")
    long keysTtlSeconds;

    @Produces
    @Singleton
    TokenVerifier tokenVerifier() {
        return TokenVerifier.forKeycloak(keycloakUrl, keycloakPublicUrl, Duration.ofSeconds(keysTtlSeconds));
    }
}
