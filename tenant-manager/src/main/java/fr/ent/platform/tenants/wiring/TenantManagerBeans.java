package fr.ent.platform.tenants.wiring;

import fr.ent.platform.metrics.PlatformRegistry;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.lifecycle.SchemaUpgrade;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the tenant-manager services from container resources. The services themselves are plain classes
 * (constructor-injected) so that the same code runs in tests against a real PostgreSQL without a container.
 */
@ApplicationScoped
public class TenantManagerBeans {

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "ent.database.runtime-role")
    Optional<String> runtimeRole;

    @Inject
    @ConfigProperty(name = "ent.migration.parallelism", defaultValue = "4")
    int migrationParallelism;

    @Produces
    @Singleton
    CollectivityRepository registry() {
        return new CollectivityRepository(dataSource);
    }

    @Produces
    @Singleton
    TenantDatabase tenantDatabase() {
        return new TenantDatabase(dataSource, runtimeRole.filter(r -> !r.isBlank()));
    }

    @Produces
    @Singleton
    Provisioner provisioner(CollectivityRepository registry, TenantDatabase database) {
        return new Provisioner(dataSource, registry, database, StepGuard.NONE, PlatformRegistry.prometheus());
    }

    @Produces
    @Singleton
    CollectivityService collectivityService(CollectivityRepository registry, Provisioner provisioner,
            TenantDatabase database) {
        return new CollectivityService(registry, provisioner, database, executor);
    }

    @Produces
    @Singleton
    SchemaUpgrade schemaUpgrade(CollectivityRepository registry, TenantDatabase database) {
        return new SchemaUpgrade(registry, database, migrationParallelism);
    }

    DataSource dataSource() {
        return dataSource;
    }

    ManagedExecutorService executor() {
        return executor;
    }
}
