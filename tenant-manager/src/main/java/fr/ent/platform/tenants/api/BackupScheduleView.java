package fr.ent.platform.tenants.api;

import fr.ent.platform.tenants.backup.BackupPolicy;
import java.time.Instant;

/**
 * A collectivity's backup schedule as the admin API shows it (ADR 0046): what applies ({@code enabled} …
 * {@code keepWeekly}), which of it the operator chose ({@code overridden}: the other values are the platform's
 * defaults), and when the next scheduled backup is due.
 */
public record BackupScheduleView(String slug, boolean enabled, int hour, String zone, int keepDaily, int keepWeekly,
        java.util.List<String> overridden, Instant nextAt) {

    static BackupScheduleView of(String slug, BackupPolicy p, BackupPolicy.Override o, Instant now) {
        java.util.List<String> chosen = new java.util.ArrayList<>();
        o.enabled().ifPresent(v -> chosen.add("enabled"));
        o.hour().ifPresent(v -> chosen.add("hour"));
        o.zone().ifPresent(v -> chosen.add("zone"));
        o.keepDaily().ifPresent(v -> chosen.add("keepDaily"));
        o.keepWeekly().ifPresent(v -> chosen.add("keepWeekly"));
        Instant next = p.dueAt(p.dueSlot(now).plusDays(1));
        return new BackupScheduleView(slug, p.enabled(), p.hour(), p.zone().getId(), p.keepDaily(), p.keepWeekly(),
                chosen, p.enabled() ? next : null);
    }
}
