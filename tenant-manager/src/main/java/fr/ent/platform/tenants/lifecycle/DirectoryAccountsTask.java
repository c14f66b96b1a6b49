package fr.ent.platform.tenants.lifecycle;

import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.DirectoryAccountRows;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@value #SETTING} seconds (300 by default; 0: never), makes the missing directory account rows of every ACTIVE
 * collectivity whose accounts are made in its directory ({@link DirectoryAccountRows}, ADR 0053 amended): a person
 * the runtime's import added can sign in through EduConnect or an academic provider at most that long after.
 */
@ApplicationScoped
public class DirectoryAccountsTask {

    private static final Logger LOG = Logger.getLogger(DirectoryAccountsTask.class.getName());
    static final String SETTING = "ent.identity.directory-accounts.reconcile-seconds";

    @Inject
    CollectivityRepository registry;

    @Inject
    IdentityRealms realms;

    @Inject
    SettingReader settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The platform database: the collectivities' schemas, each read and written as its own role. */
    @Resource(lookup = "jdbc/ent")
    javax.sql.DataSource dataSource;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        int every = settings.integer(SETTING, 300, 0, 86_400);
        if (!(realms instanceof KeycloakRealms keycloak) || every == 0) {
            return; // no realm logins to respect (tests without Keycloak), or switched off
        }
        DirectoryAccountRows rows = new DirectoryAccountRows(dataSource, keycloak.admin());
        task = scheduler.scheduleWithFixedDelay(() -> {
            List<Collectivity> active;
            try {
                active = registry.list(EnumSet.of(TenantState.ACTIVE));
            } catch (RuntimeException e) {
                // the database restarting: an exception leaving the task would cancel it for good
                LOG.log(Level.WARNING, "directory accounts: the registry cannot be read, the next round retries: " + e);
                return;
            }
            DirectoryAccountRows.Round r = rows.round(active);
            if (r.created() > 0 || !r.failed().isEmpty()) {
                LOG.info(() -> "directory accounts: " + r.created() + " row(s) made in " + r.reconciled() + " of "
                        + r.collectivities() + " collectivities, " + r.failed().size() + " failed " + r.failed());
            }
        }, every, every, TimeUnit.SECONDS);
        LOG.info(() -> "Directory accounts reconciliation: every " + every + " s");
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
