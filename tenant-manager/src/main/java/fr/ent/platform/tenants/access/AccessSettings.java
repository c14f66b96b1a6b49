package fr.ent.platform.tenants.access;

import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.tenants.identity.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The admin API's token verifier, on the same Keycloak settings as the runtime (docs/configuration.md). */
@ApplicationScoped
public class AccessSettings {

    @jakarta.annotation.Resource(lookup = "jdbc/ent")
    javax.sql.DataSource dataSource;

    /** No admin API call can be checked without Keycloak: the application refuses to start, as it always did. */
    void requireKeycloak(@Observes @Initialized(ApplicationScoped.class) Object ignored, KeycloakSettings keycloak) {
        url(keycloak);
    }

    @Produces
    @Singleton
    TokenVerifier tokenVerifier(KeycloakSettings keycloak) {
        TokenVerifier configured = TokenVerifier.forKeycloak(url(keycloak), keycloak.publicUrl(), keycloak.keysTtl());
        // A collectivity's administrators sign in on its realm's shard (ADR 0044).
        return new TokenVerifier(configured.endpoints(), keycloak.keysTtl(),
                new fr.ent.platform.tenants.shards.ShardRegistry(dataSource)::endpointsOfRealm);
    }

    private static String url(KeycloakSettings keycloak) {
        return keycloak.url().orElseThrow(() -> new IllegalStateException(
                "ent.keycloak.url (ENT_KEYCLOAK_URL) is required to check admin API tokens"));
    }
}
