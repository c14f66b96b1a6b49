package fr.ent.platform.tenants.backup;

import fr.ent.platform.settings.SettingReader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the backup schedule's rounds ({@link BackupScheduler}, ADR 0046) every {@code ent.backup.schedule.check-seconds}
 * (300 by default: a backup starts at most that long after its hour). Nothing runs without a backup key
 * ({@code ent.backup.keys}): nothing is ever stored in clear.
 */
@ApplicationScoped
public class BackupScheduleTask {

    private static final Logger LOG = Logger.getLogger(BackupScheduleTask.class.getName());

    @Inject
    BackupScheduler scheduler;

    @Inject
    BackupSettings backupSettings;

    @Inject
    SettingReader settings;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> ticking;
    private ScheduledFuture<?> recovering;

    @Inject
    Backups backups;
    private Clock clock;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the jobs whose process died (no beat for ent.backup.stalled-seconds): taken up within a fraction of it
        long stalled = settings.integer("ent.backup.stalled-seconds", 120, 10, 86_400);
        long look = Math.max(5, stalled / 4);
        recovering = executor.scheduleWithFixedDelay(() -> {
            int n = backups.recoverInterrupted();
            if (n > 0) {
                LOG.warning(() -> n + " interrupted backup(s) or restore(s) taken up (ADR 0046)");
            }
        }, look, look, TimeUnit.SECONDS);
        if (backupSettings.keys().isEmpty()) {
            LOG.info("Backup schedule: off, no backup key (ent.backup.keys)");
            return;
        }
        clock = new fr.ent.platform.tenants.time.ShiftedClock(settings);
        long every = settings.integer("ent.backup.schedule.check-seconds", 300, 1, 3600);
        ticking = executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.SECONDS);
        LOG.info(() -> "Backup schedule: every " + every + " s, defaults " + scheduler.defaults());
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (recovering != null) {
            recovering.cancel(false);
        }
    }

    private void round() {
        try {
            BackupScheduler.Round r = scheduler.round(clock.instant());
            if (r.started() + r.expired() > 0) {
                LOG.info(() -> "Backup schedule: " + r.started() + " backup(s) started, " + r.expired()
                        + " expired");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Backup schedule: this round failed, the next retries", e);
        }
    }
}
