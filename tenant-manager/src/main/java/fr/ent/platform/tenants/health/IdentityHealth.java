package fr.ent.platform.tenants.health;

import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.wiring.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once Keycloak's platform realm exists: before that no hosting operator can obtain a token. */
@Readiness
@ApplicationScoped
public class IdentityHealth implements HealthCheck {

    @Inject
    Startup startup;

    @Inject
    IdentityRealms realms;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("identity");
        if (!realms.configured()) {
            return response.down().withData("reason", "ENT_KEYCLOAK_URL is not set").build();
        }
        return startup.identityReady() ? response.up().build()
                : response.down().withData("reason", "platform realm not ensured yet (Keycloak)").build();
    }
}
