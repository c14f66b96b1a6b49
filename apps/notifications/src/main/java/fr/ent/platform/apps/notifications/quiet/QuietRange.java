package fr.ent.platform.apps.notifications.quiet;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One range of quiet hours: local times on chosen days of the week, in the recipient's time zone. A range never
 * crosses midnight (a night is two ranges), so a range whose end is not after its start is an input error, not a
 * night.
 *
 * @param days          the days it applies to
 * @param startsMinute  the first quiet minute of the day (0 = 00:00)
 * @param endsMinute    the first minute no longer quiet (1440 = midnight at the end of the day)
 */
public record QuietRange(Set<DayOfWeek> days, int startsMinute, int endsMinute) {

    public static final int MAX_RANGES = 14;

    public QuietRange {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Why these ranges cannot be kept, or nothing: no day, out of the day, inverted, overlapping, too many. */
    public static java.util.Optional<Fault> check(List<QuietRange> ranges) {
        if (ranges.size() > MAX_RANGES) {
            return java.util.Optional.of(new Fault(Fault.Kind.TOO_MANY, -1, -1));
        }
        for (int i = 0; i < ranges.size(); i++) {
            QuietRange r = ranges.get(i);
            if (r.days().isEmpty()) {
                return java.util.Optional.of(new Fault(Fault.Kind.NO_DAY, i, -1));
            }
            if (r.startsMinute() < 0 || r.startsMinute() > 1439 || r.endsMinute() < 1 || r.endsMinute() > 1440) {
                return java.util.Optional.of(new Fault(Fault.Kind.OUT_OF_DAY, i, -1));
            }
            if (r.endsMinute() <= r.startsMinute()) {
                return java.util.Optional.of(new Fault(Fault.Kind.INVERTED, i, -1));
            }
            for (int j = 0; j < i; j++) {
                if (r.overlaps(ranges.get(j))) {
                    return java.util.Optional.of(new Fault(Fault.Kind.OVERLAPPING, j, i));
                }
            }
        }
        return java.util.Optional.empty();
    }

    boolean overlaps(QuietRange other) {
        boolean sharedDay = days.stream().anyMatch(other.days()::contains);
        return sharedDay && startsMinute < other.endsMinute() && other.startsMinute() < endsMinute;
    }

    boolean covers(DayOfWeek day, int minuteOfDay) {
        return days.contains(day) && minuteOfDay >= startsMinute && minuteOfDay < endsMinute;
    }

    /** The days as stored: a bit set, Monday = 1 ... Sunday = 64. */
    public int dayBits() {
        return days.stream().mapToInt(d -> 1 << (d.getValue() - 1)).sum();
    }

    public static Set<DayOfWeek> days(int bits) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((bits & (1 << (d.getValue() - 1))) != 0) {
                days.add(d);
            }
        }
        return days;
    }

    /** "HH:MM" of a minute of the day (24:00 for the end of the day). */
    public static String time(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    /** What is wrong with a list of ranges: the kind, and the index of the range(s) concerned. */
    public record Fault(Kind kind, int range, int other) {
        public enum Kind {
            TOO_MANY, NO_DAY, OUT_OF_DAY, INVERTED, OVERLAPPING
        }
    }
}
