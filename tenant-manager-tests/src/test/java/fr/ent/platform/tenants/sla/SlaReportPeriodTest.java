package fr.ent.platform.tenants.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Month boundaries in Paris time, the current month so far, and what is refused. */
class SlaReportPeriodTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T09:32:10Z"), ZoneOffset.UTC);

    @Test
    void aPastMonthRunsFromParisMidnightToParisMidnight() {
        ReportPeriod november = ReportPeriod.of("2025-11", NOW);

        assertThat(november.start()).isEqualTo(Instant.parse("2025-10-31T23:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2025-11-30T23:00:00Z"));
        assertThat(november.complete()).isTrue();
        assertThat(november.steps()).hasSize(30 * 288);
        assertThat(november.steps().getFirst()).isEqualTo(Instant.parse("2025-10-31T23:05:00Z"));
        assertThat(november.steps().getLast()).isEqualTo(november.end());
    }

    @Test
    void octoberHasTheHourOfTheChangeOfTime() {
        ReportPeriod october = ReportPeriod.of("2026-10", NOW);

        assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(october.monthEnd()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(october.monthLength()).isEqualTo(Duration.ofDays(31).plusHours(1));
        assertThat(october.steps()).hasSize(31 * 288 + 12);
    }

    @Test
    void theCurrentMonthStopsAtTheLastFullStep() {
        ReportPeriod current = ReportPeriod.of(null, NOW);

        assertThat(current.month().toString()).isEqualTo("2026-11");
        assertThat(current.end()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(current.complete()).isFalse();
        assertThat(current.monthEnd()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(ReportPeriod.of(" 2026-11 ", NOW)).isEqualTo(current);
    }

    @Test
    void theFirstMinutesOfAMonthHaveNoStepYet() {
        Clock justAfter = Clock.fixed(Instant.parse("2026-11-30T23:03:00Z"), ZoneOffset.UTC);
        ReportPeriod december = ReportPeriod.of(null, justAfter);

        assertThat(december.month().toString()).isEqualTo("2026-12");
        assertThat(december.steps()).isEmpty();
    }

    @Test
    void aFutureOrMalformedMonthIsA400() {
        for (String month : new String[] {"2026-12", "2027-01", "2026-13", "novembre", "2026-1", "2026-11-01"}) {
            assertThatThrownBy(() -> ReportPeriod.of(month, NOW)).as(month)
                    .isInstanceOfSatisfying(DomainException.class, p -> {
                        assertThat(ProblemStatuses.status(p)).isEqualTo(400);
                        assertThat(p.code()).isEqualTo("sla-report-month");
                    });
        }
    }
}
