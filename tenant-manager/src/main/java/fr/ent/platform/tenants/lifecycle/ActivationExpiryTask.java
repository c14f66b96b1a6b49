package fr.ent.platform.tenants.lifecycle;

import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.ActivationExpiry;
import fr.ent.platform.tenants.identity.ActivationSettings;
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
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code ent.identity.activation-expiry-check-minutes}, marks the expired unused activation codes of every
 * ACTIVE collectivity ({@link ActivationExpiry}), in its realm and in its directory's accounts: a code is refused at
 * most that long after its expiry.
 */
@ApplicationScoped
public class ActivationExpiryTask {

    private static final Logger LOG = Logger.getLogger(ActivationExpiryTask.class.getName());

    @Inject
    CollectivityRepository registry;

    @Inject
    IdentityRealms realms;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The platform database: the codes of accounts made in the directory (ADR 0043) expire there. */
    @Resource(lookup = "jdbc/ent")
    javax.sql.DataSource dataSource;

    @Inject
    ActivationSettings settings;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!(realms instanceof KeycloakRealms keycloak) || settings.expiryCheck().isEmpty()) {
            return;
        }
        long periodMinutes = settings.expiryCheck().get().toMinutes();
        ActivationExpiry expiry = new ActivationExpiry(keycloak.admin(), Clock.systemUTC());
        task = scheduler.scheduleWithFixedDelay(() -> {
            List<Collectivity> active;
            try {
                active = registry.list(EnumSet.of(TenantState.ACTIVE));
            } catch (RuntimeException e) {
                // the database restarting: an exception leaving the task would cancel it for good
                LOG.log(Level.WARNING, "activation codes: the registry cannot be read, the next round retries: " + e);
                return;
            }
            for (Collectivity c : active) {
                try {
                    expiry.expire(c.names().realm());
                    ActivationExpiry.expireDirectory(dataSource, c.names(), Clock.systemUTC().instant());
                } catch (RuntimeException | java.sql.SQLException e) {
                    LOG.log(Level.WARNING, "tenant=" + c.slug() + " activation codes not checked", e);
                }
            }
        }, periodMinutes, periodMinutes, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
