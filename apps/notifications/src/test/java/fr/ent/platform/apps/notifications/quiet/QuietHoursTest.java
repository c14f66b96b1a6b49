package fr.ent.platform.apps.notifications.quiet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a notification may reach someone, given their quiet hours and time zone. */
class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    /** A night, as two ranges: 20:00-24:00 and 00:00-07:00 every day. */
    private static final List<QuietRange> NIGHTS = List.of(new QuietRange(EVERY_DAY, 20 * 60, 1440),
            new QuietRange(EVERY_DAY, 0, 7 * 60));

    @Test
    void outside_quiet_hours_it_goes_at_once() {
        Instant noon = at("2026-12-03T12:00", PARIS);
        assertThat(QuietHours.nextAllowed(noon, PARIS, NIGHTS)).isEqualTo(noon);
        assertThat(QuietHours.nextAllowed(noon, PARIS, List.of())).isEqualTo(noon);
    }

    @Test
    void a_night_made_of_two_ranges_holds_it_until_the_morning() {
        assertThat(QuietHours.nextAllowed(at("2026-12-03T21:30", PARIS), PARIS, NIGHTS))
                .isEqualTo(at("2026-12-04T07:00", PARIS));
        assertThat(QuietHours.nextAllowed(at("2026-12-04T06:59", PARIS), PARIS, NIGHTS))
                .isEqualTo(at("2026-12-04T07:00", PARIS));
    }

    @Test
    void the_same_ranges_apply_in_each_users_own_time_zone() {
        // 18:30 UTC is 19:30 in Paris (allowed) and 22:30 in La Réunion (quiet until 07:00 there, 03:00 UTC).
        Instant t = Instant.parse("2026-12-03T18:30:00Z");
        assertThat(QuietHours.nextAllowed(t, PARIS, NIGHTS)).isEqualTo(t);
        assertThat(QuietHours.nextAllowed(t, REUNION, NIGHTS)).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
    }

    @Test
    void a_weekend_and_weekday_evenings_chain_into_one_wait() {
        List<QuietRange> ranges = List.of(new QuietRange(WEEKDAYS, 19 * 60, 1440),
                new QuietRange(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 0, 1440),
                new QuietRange(EnumSet.of(DayOfWeek.MONDAY), 0, 8 * 60));
        // Friday 2026-12-04 at 20:00: held through the weekend until Monday 08:00.
        assertThat(QuietHours.nextAllowed(at("2026-12-04T20:00", PARIS), PARIS, ranges))
                .isEqualTo(at("2026-12-07T08:00", PARIS));
    }

    @Test
    void ranges_covering_the_whole_week_hold_it_a_week_at_most() {
        Instant t = at("2026-12-03T12:00", PARIS);
        Instant next = QuietHours.nextAllowed(t, PARIS, List.of(new QuietRange(EVERY_DAY, 0, 1440)));
        assertThat(next).isEqualTo(t.plus(java.time.Duration.ofDays(7)));
    }

    @Test
    void inverted_overlapping_empty_and_too_many_ranges_are_faults() {
        assertThat(QuietRange.check(List.of(new QuietRange(WEEKDAYS, 20 * 60, 7 * 60))))
                .map(QuietRange.Fault::kind).contains(QuietRange.Fault.Kind.INVERTED);
        assertThat(QuietRange.check(List.of(new QuietRange(WEEKDAYS, 18 * 60, 21 * 60),
                new QuietRange(EnumSet.of(DayOfWeek.FRIDAY), 20 * 60, 1440))))
                .map(QuietRange.Fault::kind).contains(QuietRange.Fault.Kind.OVERLAPPING);
        assertThat(QuietRange.check(List.of(new QuietRange(Set.of(), 0, 60))))
                .map(QuietRange.Fault::kind).contains(QuietRange.Fault.Kind.NO_DAY);
        assertThat(QuietRange.check(java.util.Collections.nCopies(QuietRange.MAX_RANGES + 1,
                new QuietRange(WEEKDAYS, 0, 60)))).map(QuietRange.Fault::kind).contains(QuietRange.Fault.Kind.TOO_MANY);
        // Adjacent ranges touch without overlapping: a night is two of them.
        assertThat(QuietRange.check(NIGHTS)).isEmpty();
    }

    @Test
    void days_survive_their_stored_bit_set() {
        assertThat(QuietRange.days(new QuietRange(WEEKDAYS, 0, 60).dayBits())).isEqualTo(WEEKDAYS);
        assertThat(new QuietRange(EVERY_DAY, 0, 60).dayBits()).isEqualTo(127);
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
