package fr.ent.platform.apps.privacy.export;

import fr.ent.platform.apps.privacy.PrivacySettings;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantJobs;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@link PrivacySettings#sweep()}, for each active collectivity: archives past their time are deleted, jobs a
 * restart interrupted are reported failed ({@link Exports#expireDue}). A read of a person's requests does the same
 * for its collectivity, so the archive is gone on time whether or not the sweep came by.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class.getName());

    @Inject
    TenantJobs jobs;

    @Inject
    Exports exports;

    @Inject
    PrivacySettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long tick = settings.sweep().toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    void tick() {
        for (Tenant tenant : jobs.active()) {
            try {
                jobs.as(tenant, exports::expireDue);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "personal exports of " + tenant.slug() + ": this sweep failed, the next retries",
                        e);
            }
        }
    }
}
