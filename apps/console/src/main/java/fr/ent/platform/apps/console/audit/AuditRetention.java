package fr.ent.platform.apps.console.audit;

import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantJobs;
import fr.ent.platform.settings.SettingReader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each collectivity's audit trail as long as the platform keeps its logs, {@code ENT_LOGS_RETENTION_DAYS}
 * (rule CNIL-LOG-RETENTION, 180 to 366 days; issue 18 item 6), and no longer: every
 * {@code ENT_CONSOLE_AUDIT_SWEEP_SECONDS} (a day by default) the entries past it are removed, in each active
 * collectivity. Without the setting nothing is removed: the compliance report already flags the missing retention,
 * and keeping too long is the lesser fault than losing entries.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    TenantJobs jobs;

    @Inject
    ConsoleAudit audit;

    @Inject
    SettingReader settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long tick = settings.integer("ent.console.audit.sweep-seconds", 86_400, 5, 7 * 86_400) * 1000L;
        ticking = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** The retention in days, if the platform states one. */
    OptionalInt retentionDays() {
        return settings.raw("ent.logs.retention.days").isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(settings.integer("ent.logs.retention.days", 365, 1, 3650));
    }

    void tick() {
        OptionalInt days = retentionDays();
        if (days.isEmpty()) {
            return;
        }
        for (Tenant tenant : jobs.active()) {
            try {
                int removed = jobs.as(tenant, () -> audit.purgeOlderThan(days.getAsInt()));
                if (removed > 0) {
                    LOG.info(() -> "audit trail of " + tenant.slug() + ": " + removed + " entries older than "
                            + Math.max(days.getAsInt(), ConsoleAudit.RETENTION_FLOOR_DAYS) + " days removed");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "audit trail of " + tenant.slug() + ": this purge failed, the next retries", e);
            }
        }
    }
}
