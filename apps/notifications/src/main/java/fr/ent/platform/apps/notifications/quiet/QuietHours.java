package fr.ent.platform.apps.notifications.quiet;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a notification may reach someone: the first instant at or after {@code t} outside every quiet range that
 * applies to them (their own and their schools'), read in their time zone. Pure: no clock, no database.
 * Consecutive ranges (20:00-24:00 then 00:00-07:00 the next day) chain into one night; daylight-saving gaps are
 * resolved as {@link ZonedDateTime} does (a local time in the gap moves forward).
 */
public final class QuietHours {

    private QuietHours() {
    }

    public static Instant nextAllowed(Instant t, ZoneId zone, List<QuietRange> ranges) {
        if (ranges.isEmpty()) {
            return t;
        }
        ZonedDateTime at = t.atZone(zone);
        // Each step leaves the range covering the time; a week holds at most ranges x 7 of them. Ranges covering
        // the whole week leave no allowed slot: the notification then waits a week, never forever.
        for (int step = 0; step <= ranges.size() * 7; step++) {
            int minute = at.getHour() * 60 + at.getMinute();
            ZonedDateTime current = at;
            QuietRange covering = ranges.stream().filter(r -> r.covers(current.getDayOfWeek(), minute))
                    .max(java.util.Comparator.comparingInt(QuietRange::endsMinute)).orElse(null);
            if (covering == null) {
                return at.toInstant();
            }
            LocalDateTime end = at.toLocalDate().atStartOfDay().plusMinutes(covering.endsMinute());
            at = ZonedDateTime.of(end, zone);
        }
        return t.plus(java.time.Duration.ofDays(7));
    }
}
