package fr.ent.platform.tenants.wiring;

import fr.ent.platform.tenants.backup.Backups;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.RealmReconciliation;
import fr.ent.platform.tenants.lifecycle.SchemaUpgrade;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.registry.PlatformSchema;
import fr.ent.platform.tenants.transfer.CollectivityTransfers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What tenant-manager does when it starts: migrate the registry schema, mark provisioning interrupted by a
 * crash as FAILED (so it can be retried), mark interrupted backups and restores FAILED, watch again the collectivity
 * imports a crash left (CollectivityTransfers), then in the background bring every collectivity schema to this build's
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

    @Inject
    Backups backups;

    @Inject
    CollectivityTransfers transfers;

    private volatile boolean registryReady;
    private volatile boolean identityReady;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String version = PlatformSchema.migrate(beans.dataSource());
        registryReady = true;
        LOG.info(() -> "Collectivity registry (schema platform) at version " + version);
        int interrupted = provisioner.failInterrupted();
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " interrupted provisioning(s) marked FAILED; retry them through the admin API");
        }
        beans.executor().execute(() -> {
            int backups = this.backups.recoverInterrupted();
            if (backups > 0) {
                LOG.warning(() -> backups + " interrupted backup(s) or restore(s) marked FAILED (ADR 0040)");
            }
        });
        // after the above: an import whose collectivity was PROVISIONING finds it FAILED, and removes it
        transfers.resumeWatches();
        if (realms.configured()) {
            beans.executor().execute(this::ensureRealms);
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

    /** True once the platform realm exists (the admin API can then be called with its tokens). */
    public boolean identityReady() {
        return identityReady;
    }

    /**
     * The platform realm and the collectivity realms, retried every 10 s while Keycloak does not answer: until it
     * succeeds the server is not ready (IdentityHealth), since no operator token could be obtained.
     */
    private void ensureRealms() {
        for (int attempt = 1; ; attempt++) {
            try {
                realms.ensurePlatformRealm();
                identityReady = true;
                realmReconciliation.run();
                return;
            } catch (RuntimeException e) {
                int n = attempt;
                LOG.log(n == 1 ? Level.WARNING : Level.FINE,
                        "Keycloak realms not ensured at start-up (attempt " + n + "), retrying in 10 s", e);
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
