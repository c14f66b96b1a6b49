package fr.ent.platform.apps.privacy.transfer;

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
 * Every few seconds ({@code ent.transfer.poll-seconds}, 5 by default), for each active collectivity: starts the
 * exports and imports tenant-manager queued (an operator's export, the import of a new collectivity) and reports
 * failed the jobs a restart interrupted ({@link Transfers#sweep}). One indexed query per collectivity when idle.
 */
@ApplicationScoped
public class TransferSweep {

    private static final Logger LOG = Logger.getLogger(TransferSweep.class.getName());

    @Inject
    TenantJobs jobs;

    @Inject
    Transfers transfers;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long tick = Math.max(1, Integer.getInteger("ent.transfer.poll-seconds", 5));
        ticking = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.SECONDS);
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
                jobs.as(tenant, transfers::sweep);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "collectivity transfers of " + tenant.slug() + ": this sweep failed", e);
            }
        }
    }
}
