package fr.ent.platform.tenants.access;

import fr.ent.platform.identity.RealmEndpoints;
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

    @Produces
    @Singleton
    TokenVerifier tokenVerifier() {
        String publicUrl = keycloakPublicUrl.filter(s -> !s.isBlank()).orElse(keycloakUrl);
        return new TokenVerifier(RealmEndpoints.of(publicUrl, keycloakUrl), Duration.ofMinutes(5));
    }
}
