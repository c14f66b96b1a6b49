package fr.ent.platform.tenants.backup;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of the backup schedule (ADR 0046), run every {@code ent.backup.schedule.check-seconds} by
 * {@link BackupScheduleTask}: for each ACTIVE collectivity, its policy (the defaults, over them the operator's
 * choices); if the day's slot is due and not taken, its scheduled backup is started; then the retention removes
 * the good backups the policy lets go.
 *
 * <p>No double backup: a slot is claimed by inserting the job's row, and the registry holds one live or good
 * backup per collectivity and slot (a unique index), whichever replica or restart asks. A backup a restart
 * interrupted is marked FAILED at start ({@link Backups#recoverInterrupted}, which the round waits for) and does not
 * hold its slot: the next round takes it again, up to {@code attempts} failures per slot. A slot that was due
 * before the collectivity existed is not taken (a new collectivity is first backed up at its next hour).
 */
public final class BackupScheduler {

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class.getName());

    private final CollectivityRepository registry;
    private final Backups backups;
    private final BackupSchedules schedules;
    private final BackupPolicy defaults;
    private final int attempts;
    private final int parallel;

    /** What a round did. */
    public record Round(int started, int expired, int skippedBusy) {
    }

    public BackupScheduler(CollectivityRepository registry, Backups backups, BackupSchedules schedules,
            BackupPolicy defaults, int attempts, int parallel) {
        this.registry = registry;
        this.backups = backups;
        this.schedules = schedules;
        this.defaults = defaults;
        this.attempts = attempts;
        this.parallel = parallel;
    }

    public BackupPolicy defaults() {
        return defaults;
    }

    public BackupPolicy policyOf(Collectivity c) {
        return defaults.over(schedules.of(c.id()));
    }

    /** One round at {@code now}; never throws (a periodic task that throws is cancelled for good, ADR 0041). */
    public Round round(Instant now) {
        if (!backups.recovered()) {
            return new Round(0, 0, 0); // the interrupted jobs are not yet marked: wait for the next round
        }
        List<Collectivity> active;
        try {
            active = registry.list(EnumSet.of(TenantState.ACTIVE));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "backup schedule: the registry cannot be read, the next round retries: " + e);
            return new Round(0, 0, 0);
        }
        int started = 0;
        int expired = 0;
        int busy = 0;
        int atWork = backups.jobs().scheduledAtWork();
        for (Collectivity c : active) {
            try {
                BackupPolicy policy = policyOf(c);
                if (policy.enabled()) {
                    LocalDate slot = policy.dueSlot(now);
                    boolean due = !policy.dueAt(slot).isBefore(c.createdAt())
                            && !backups.jobs().slotTaken(c.id(), slot)
                            && backups.jobs().failedAttempts(c.id(), slot) < attempts;
                    if (due && atWork >= parallel) {
                        busy++; // enough scheduled backups at work at once: the next round goes on
                    } else if (due) {
                        try {
                            BackupView job = backups.scheduled(c, slot);
                            started++;
                            atWork++;
                            LOG.info(() -> "tenant=" + c.slug() + " scheduled backup " + job.id() + " for " + slot);
                        } catch (Conflict e) {
                            busy++; // another job at work, or another replica took the slot
                        }
                    }
                }
                expired += backups.applyRetention(c, policy);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " backup schedule: this round failed, the next"
                        + " retries", e);
            }
        }
        return new Round(started, expired, busy);
    }
}
