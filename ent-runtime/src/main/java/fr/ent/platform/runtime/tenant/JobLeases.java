package fr.ent.platform.runtime.tenant;

import fr.ent.platform.settings.SettingReader;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a long job of a collectivity (its export or import, a person's erasure) shows it is alive, so that a crash
 * is told from slowness within a minute or two (ADR 0041). The job's row has an {@code updated_at}; while the job
 * runs, a heartbeat writes it every {@link #beat(Duration)} (a sixth of the time after which the job's sweep deems
 * it interrupted), even while one step lasts long (one app's tables of a large collectivity). A process killed
 * mid-job stops beating: its row stops moving, and the sweep of any replica takes it up (resumes or reports it
 * failed, as the job's kind says) once {@code updated_at} is older than the stall time.
 *
 * <p>Also the test-only pause: {@code ent.jobs.test-pause-millis} (0, the default: none) waits that long before each
 * step of the jobs of collectivities whose slug starts with {@code ent.jobs.test-pause-slug-prefix}, so that a
 * reliability test (CrashRecoveryIT) kills the server while a job is surely between two steps, without racing a
 * sleep against the machine's speed. Read once at start through MicroProfile Config; never set in production.
 */
@ApplicationScoped
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TenantJobs jobs;

    @Inject
    SettingReader settings;

    private volatile Pause pause;

    /** A running heartbeat; closing it stops the beats (the job ended, one way or the other). */
    public interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code beat} (the job's own {@code UPDATE ... SET updated_at}) as {@code tenant} every {@code every},
     * until closed. A failed beat is logged and the next one tries again.
     */
    public Heartbeat keep(Tenant tenant, Duration every, String what, Runnable beat) {
        long millis = Math.max(200, every.toMillis());
        ScheduledFuture<?> beating = scheduler.scheduleWithFixedDelay(() -> {
            try {
                jobs.as(tenant, () -> {
                    beat.run();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "heartbeat of " + what + " of " + tenant.slug() + " failed, the next retries", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return () -> beating.cancel(false);
    }

    /** The heartbeat period for a job deemed interrupted after {@code stalledAfter}: six beats fit in it. */
    public static Duration beat(Duration stalledAfter) {
        return stalledAfter.dividedBy(6);
    }

    /** The test-only pause before a step of a job of {@code tenant} (nothing unless configured: see above). */
    public void beforeStep(Tenant tenant) {
        Pause p = pause();
        if (p.millis() > 0 && !p.slugPrefix().isEmpty() && tenant.slug().startsWith(p.slugPrefix())) {
            try {
                Thread.sleep(p.millis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("job interrupted", e);
            }
        }
    }

    private Pause pause() {
        Pause p = pause;
        if (p == null) {
            p = new Pause(settings.integer("ent.jobs.test-pause-millis", 0, 0, 60_000),
                    settings.text("ent.jobs.test-pause-slug-prefix", ""));
            pause = p;
        }
        return p;
    }

    private record Pause(int millis, String slugPrefix) {
    }
}
