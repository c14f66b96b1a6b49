package fr.ent.platform.tenants.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schedule's slots and the retention's choice (ADR 0046), without a database. */
class RetentionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theSlotIsTodayOnceTheHourHasComeInTheCollectivitysZone() {
        BackupPolicy p = new BackupPolicy(true, 2, PARIS, 7, 4);
        // 00:30 UTC on 5 December is 01:30 in Paris: yesterday's slot; 01:30 UTC is 02:30 in Paris: today's
        assertThat(p.dueSlot(Instant.parse("2026-12-05T00:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(p.dueSlot(Instant.parse("2026-12-05T01:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 5));
        // La Réunion (UTC+4): the same instant is later in the day there
        BackupPolicy reunion = p.over(new BackupPolicy.Override(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("Indian/Reunion"), java.util.Optional.empty(),
                java.util.Optional.empty()));
        assertThat(reunion.dueSlot(Instant.parse("2026-12-04T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(p.dueAt(LocalDate.of(2026, 12, 5))).isEqualTo(Instant.parse("2026-12-05T01:00:00Z"));
    }

    @Test
    void keepsTheNewestOfEachOfTheLastDaysAndWeeksAndNeverTheNewestGoodOne() {
        List<Retention.Kept> good = new ArrayList<>();
        // one backup a day for 30 days, and a second one on the last day
        ZonedDateTime first = LocalDate.of(2026, 11, 1).atTime(2, 0).atZone(PARIS);
        for (int d = 0; d < 30; d++) {
            good.add(new Retention.Kept(UUID.randomUUID(), first.plusDays(d).toInstant()));
        }
        Retention.Kept newest = new Retention.Kept(UUID.randomUUID(), first.plusDays(29).plusHours(5).toInstant());
        good.add(newest);

        List<UUID> expired = Retention.expired(good, new BackupPolicy(true, 2, PARIS, 3, 3));
        List<UUID> kept = good.stream().map(Retention.Kept::id).filter(id -> !expired.contains(id)).toList();
        // days: the newest of Mon 30 Nov (the extra one), 29 and 28 Nov; weeks: that of 30 Nov, of 23-29 Nov (29 Nov),
        // and of 16-22 Nov (Sunday 22 Nov)
        assertThat(kept).containsExactlyInAnyOrder(newest.id(), good.get(28).id(), good.get(27).id(),
                good.get(21).id());
        assertThat(expired).hasSize(good.size() - 4);

        // the smallest policy still keeps the newest good backup
        assertThat(Retention.expired(List.of(newest), new BackupPolicy(true, 2, PARIS, 1, 0))).isEmpty();
        assertThat(Retention.expired(List.of(good.get(0), newest), new BackupPolicy(true, 2, PARIS, 1, 0)))
                .containsExactly(good.get(0).id());
    }
}
