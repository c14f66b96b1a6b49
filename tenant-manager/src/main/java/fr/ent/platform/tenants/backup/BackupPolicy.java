package fr.ent.platform.tenants.backup;

import fr.ent.platform.settings.SettingReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a collectivity is backed up and how many of its backups are kept (ADR 0046): daily at {@code hour} in
 * {@code zone}, keeping the newest backup of each of the last {@code keepDaily} days and of each of the last
 * {@code keepWeekly} ISO weeks that have one (the newest good backup is always kept).
 *
 * <p>The platform's defaults come from MicroProfile Config ({@link #defaults}); the hosting operator overrides any of
 * them for one collectivity (registry {@code collectivity_backup_schedule}, {@link #over}).
 */
public record BackupPolicy(boolean enabled, int hour, ZoneId zone, int keepDaily, int keepWeekly) {

    public BackupPolicy {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0-23: " + hour);
        }
        if (keepDaily < 1 || keepDaily > 366 || keepWeekly < 0 || keepWeekly > 520) {
            throw new IllegalArgumentException("keep 1-366 daily and 0-520 weekly: " + keepDaily + ", " + keepWeekly);
        }
    }

    /**
     * {@code ent.backup.schedule.enabled} (default true), {@code ent.backup.schedule.hour} (2),
     * {@code ent.backup.schedule.zone} (Europe/Paris), {@code ent.backup.retention.daily} (7),
     * {@code ent.backup.retention.weekly} (4).
     */
    public static BackupPolicy defaults(SettingReader settings) {
        String zone = settings.text("ent.backup.schedule.zone", "Europe/Paris");
        try {
            return new BackupPolicy(settings.flag("ent.backup.schedule.enabled", true),
                    settings.integer("ent.backup.schedule.hour", 2, 0, 23), ZoneId.of(zone),
                    settings.integer("ent.backup.retention.daily", 7, 1, 366),
                    settings.integer("ent.backup.retention.weekly", 4, 0, 520));
        } catch (DateTimeException e) {
            throw new IllegalStateException("ent.backup.schedule.zone is not a time zone: " + zone, e);
        }
    }

    /** The operator's choices for one collectivity; an absent one takes this policy's. */
    public record Override(Optional<Boolean> enabled, Optional<Integer> hour, Optional<String> zone,
            Optional<Integer> keepDaily, Optional<Integer> keepWeekly) {

        public static final Override NONE = new Override(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public BackupPolicy over(Override o) {
        return new BackupPolicy(o.enabled().orElse(enabled), o.hour().orElse(hour), o.zone().map(ZoneId::of)
                .orElse(zone), o.keepDaily().orElse(keepDaily), o.keepWeekly().orElse(keepWeekly));
    }

    /**
     * The slot due at {@code now}: the latest day whose backup hour has come, in the collectivity's zone (today
     * once the hour has passed, yesterday before it). A slot is taken at most once (the registry's unique index).
     */
    public LocalDate dueSlot(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return local.getHour() >= hour ? today : today.minusDays(1);
    }

    /** The instant the slot's backup becomes due (the hour on that day; a skipped hour of DST moves it later). */
    public Instant dueAt(LocalDate slot) {
        return slot.atTime(hour, 0).atZone(zone).toInstant();
    }
}
