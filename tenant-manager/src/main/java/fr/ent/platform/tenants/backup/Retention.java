package fr.ent.platform.tenants.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which good backups a policy lets go (ADR 0046): going from the newest, the first backup of each new day is kept
 * until {@code keepDaily} days are kept, the first of each new ISO week until {@code keepWeekly} weeks are kept (the
 * two sets overlap, as restic's {@code --keep-daily}/{@code --keep-weekly}); the newest is always kept, so the last
 * verified backup is never removed. Days and weeks are the collectivity's (its time zone).
 */
public final class Retention {

    private Retention() {
    }

    /** A good backup: its id and when it was taken. */
    public record Kept(UUID id, Instant at) {
    }

    /** The backups to remove, among {@code good} (any order), under {@code policy}. */
    public static List<UUID> expired(List<Kept> good, BackupPolicy policy) {
        List<Kept> newestFirst = new ArrayList<>(good);
        newestFirst.sort(Comparator.comparing(Kept::at).reversed());
        ZoneId zone = policy.zone();
        Set<UUID> keep = new HashSet<>();
        Set<LocalDate> days = new LinkedHashSet<>();
        Set<String> weeks = new LinkedHashSet<>();
        for (Kept k : newestFirst) {
            LocalDate day = k.at().atZone(zone).toLocalDate();
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (keep.isEmpty()) {
                keep.add(k.id()); // the newest good backup, whatever the policy
            }
            if (!days.contains(day) && days.size() < policy.keepDaily()) {
                days.add(day);
                keep.add(k.id());
            }
            if (!weeks.contains(week) && weeks.size() < policy.keepWeekly()) {
                weeks.add(week);
                keep.add(k.id());
            }
        }
        return newestFirst.stream().map(Kept::id).filter(id -> !keep.contains(id)).toList();
    }
}
