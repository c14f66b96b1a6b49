package fr.ent.platform.apps.console.erasure;

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
 * Every {@link ErasureSettings#sweep()}, for each active collectivity (TenantJobs): runs the erasures the end of
 * rights queued (tenant-manager deleted their accounts), then takes up those a restart interrupted
 * ({@link Erasures#startQueued}, {@link Erasures#resumeStalled}).
 */
@ApplicationScoped
public class ErasureSweep {

    private static final Logger LOG = Logger.getLogger(ErasureSweep.class.getName());

    @Inject
    TenantJobs jobs;

    @Inject
    Erasures erasures;

    @Inject
    ErasureSettings settings;

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
                jobs.as(tenant, () -> erasures.startQueued() + erasures.resumeStalled());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "erasures of " + tenant.slug() + ": this sweep failed, the next retries", e);
            }
        }
    }
}
