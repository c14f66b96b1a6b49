package fr.ent.platform.tenants.access;

import fr.ent.platform.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The admin API's token verifier, on the same Keycloak settings as the runtime (docs/configuration.md). */
@ApplicationScoped
public class AccessSettings {

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
