package fr.ent.platform.runtime.health;

import fr.ent.platform.runtime.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The runtime is ready when it can read the collectivity registry from the database: without it, no request can
 * be given its collectivity. Reports how many collectivities it answers for.
 */
@Readiness
@ApplicationScoped
public class RegistryReadiness implements HealthCheck {

    @Inject
    TenantRegistry registry;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("runtime-registry");
        try {
            registry.checkNow();
            return response.up().withData("collectivities", registry.size()).build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
