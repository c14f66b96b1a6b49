package fr.ent.platform.tenants.wiring;

import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.RealmReconciliation;
import fr.ent.platform.tenants.lifecycle.SchemaUpgrade;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.registry.PlatformSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What tenant-manager does when it starts: migrate the registry schema, mark provisioning interrupted by a
 * crash as FAILED (so it can be retried), then in the background bring every collectivity schema to this build's
 * version (progress in the log and at GET /schema-migrations), create the operators' Keycloak realm {@code platform}
 * if absent and realign the realm of every served collectivity with the registry.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    TenantManagerBeans beans;

    @Inject
    Provisioner provisioner;

    @Inject
    SchemaUpgrade upgrade;

    @Inject
    IdentityRealms realms;

    @Inject
    RealmReconciliation realmReconciliation;

    private volatile boolean registryReady;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String version = PlatformSchema.migrate(beans.dataSource());
        registryReady = true;
        LOG.info(() -> "Collectivity registry (schema platform) at version " + version);
        int interrupted = provisioner.failInterrupted();
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " interrupted provisioning(s) marked FAILED; retry them through the admin API");
        }
        if (realms.configured()) {
            beans.executor().execute(() -> {
                try {
                    realms.ensurePlatformRealm();
                    realmReconciliation.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Keycloak realms not reconciled at start-up (retried at the next start)", e);
                }
            });
        }
        beans.executor().execute(() -> {
            try {
                upgrade.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Schema upgrade stopped", e);
            }
        });
    }

    public boolean registryReady() {
        return registryReady;
    }
}
