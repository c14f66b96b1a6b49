package fr.ent.platform.tenants.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.observability.sla.SlaObjective;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Availability, budget and incidents from a series of 5-minute error ratios. */
class SlaMonthlyFiguresTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T09:32:10Z"), ZoneOffset.UTC);
    private static final SlaObjective STANDARD = SlaPlans.defaults().objectiveFor("standard");
    /** September 2026: 30 days, 86.4 minutes of budget at 99.8 %. */
    private final ReportPeriod september = ReportPeriod.of("2026-09", NOW);

    private Map<Instant, Double> everyStep(double ratio) {
        Map<Instant, Double> ratios = new HashMap<>();
        september.steps().forEach(t -> ratios.put(t, ratio));
        return ratios;
    }

    @Test
    void aMonthWithoutDataHasNoAvailabilityAndSpendsNothing() {
        MonthlyFigures f = MonthlyFigures.compute(STANDARD, september, Map.of());

        assertThat(f.availabilityPercent()).isNull();
        assertThat(f.objectiveMet()).isNull();
        assertThat(f.measuredMinutes()).isZero();
        assertThat(f.minutesWithoutData()).isEqualTo(30 * 24 * 60);
        assertThat(f.budgetMinutes()).isEqualTo(86.4);
        assertThat(f.budgetUsedMinutes()).isZero();
        assertThat(f.budgetRemainingMinutes()).isEqualTo(86.4);
        assertThat(f.incidents()).isEmpty();
    }

    @Test
    void aCleanMonthIsAHundredPercent() {
        MonthlyFigures f = MonthlyFigures.compute(STANDARD, september, everyStep(0.0));

        assertThat(f.availabilityPercent()).isEqualTo(100.0);
        assertThat(f.objectiveMet()).isTrue();
        assertThat(f.budgetUsedPercent()).isZero();
        assertThat(f.minutesWithoutData()).isZero();
        assertThat(f.incidents()).isEmpty();
    }

    @Test
    void anOutageBecomesAnIncidentWithItsStartEndAndBudget() {
        Map<Instant, Double> ratios = everyStep(0.0);
        // total outage whose 5-minute windows end at 10:05 ... 10:20 UTC: it started at 10:00 and ended at 10:20
        for (int m = 5; m <= 20; m += 5) {
            ratios.put(Instant.parse("2026-09-03T10:00:00Z").plusSeconds(60L * m), 1.0);
        }
        // under the allowed 0.2 %: spends budget, is no incident
        ratios.put(Instant.parse("2026-09-10T12:00:00Z"), 0.001);

        MonthlyFigures f = MonthlyFigures.compute(STANDARD, september, ratios);

        assertThat(f.incidents()).singleElement().satisfies(i -> {
            assertThat(i.start()).isEqualTo(Instant.parse("2026-09-03T10:00:00Z"));
            assertThat(i.end()).isEqualTo(Instant.parse("2026-09-03T10:20:00Z"));
            assertThat(i.durationMinutes()).isEqualTo(20.0);
            assertThat(i.budgetMinutes()).isEqualTo(20.0);
            assertThat(i.peakErrorRatePercent()).isEqualTo(100.0);
            assertThat(i.peakBurnRate()).isEqualTo(500.0);
        });
        assertThat(f.budgetUsedMinutes()).isEqualTo(20.01); // 20 + 0.001 x 5 min, rounded
        assertThat(f.budgetUsedPercent()).isCloseTo(100.0 * 20.005 / 86.4, within(0.01));
        assertThat(f.budgetRemainingMinutes()).isCloseTo(86.4 - 20.005, within(0.01));
        assertThat(f.availabilityPercent()).isCloseTo(100.0 * (1 - 20.005 / 43200), within(0.0001));
        assertThat(f.objectiveMet()).isTrue();
    }

    @Test
    void aGoodStepOrAGapSplitsIncidents() {
        Map<Instant, Double> ratios = everyStep(0.0);
        Instant t = Instant.parse("2026-09-15T08:00:00Z");
        ratios.put(t.plusSeconds(300), 0.05);
        ratios.put(t.plusSeconds(600), 0.10);
        ratios.put(t.plusSeconds(900), 0.002); // exactly the allowed rate: not above it
        ratios.put(t.plusSeconds(1200), 0.03);
        ratios.remove(t.plusSeconds(1500)); // Prometheus saw nothing
        ratios.put(t.plusSeconds(1800), Double.NaN); // no event at all
        ratios.put(t.plusSeconds(2100), 0.03);

        MonthlyFigures f = MonthlyFigures.compute(STANDARD, september, ratios);

        assertThat(f.incidents()).hasSize(3);
        assertThat(f.incidents().get(0).start()).isEqualTo(t);
        assertThat(f.incidents().get(0).end()).isEqualTo(t.plusSeconds(600));
        assertThat(f.incidents().get(0).budgetMinutes()).isEqualTo(0.75);
        assertThat(f.incidents().get(0).peakBurnRate()).isEqualTo(50.0);
        assertThat(f.incidents().get(1).start()).isEqualTo(t.plusSeconds(900));
        assertThat(f.incidents().get(1).durationMinutes()).isEqualTo(5.0);
        assertThat(f.incidents().get(2).start()).isEqualTo(t.plusSeconds(1800));
        assertThat(f.minutesWithoutData()).isEqualTo(10.0);
        assertThat(f.measuredMinutes()).isEqualTo(30 * 24 * 60 - 10.0);
    }

    @Test
    void anOverspentBudgetIsShownByHowMuchAndTheObjectiveMissed() {
        SlaObjective premium = SlaPlans.defaults().objectiveFor("premium");
        MonthlyFigures f = MonthlyFigures.compute(premium, september, everyStep(0.002)); // 2x the allowed 0.1 %

        assertThat(f.budgetMinutes()).isEqualTo(43.2);
        assertThat(f.budgetUsedMinutes()).isEqualTo(86.4);
        assertThat(f.budgetUsedPercent()).isEqualTo(200.0);
        assertThat(f.budgetRemainingMinutes()).isEqualTo(-43.2);
        assertThat(f.objectiveMet()).isFalse();
        assertThat(f.availabilityPercent()).isEqualTo(99.8);
        // the whole month above the objective: one incident from the first minute to the last
        assertThat(f.incidents()).singleElement().satisfies(i -> {
            assertThat(i.start()).isEqualTo(september.start());
            assertThat(i.end()).isEqualTo(september.end());
        });
    }

    @Test
    void theCurrentMonthsBudgetIsTheWholeMonthsAndOnlyElapsedStepsCount() {
        ReportPeriod november = ReportPeriod.of("2026-11", NOW);
        Map<Instant, Double> ratios = new HashMap<>();
        november.steps().forEach(t -> ratios.put(t, 0.0));
        ratios.put(november.end(), 0.2);

        MonthlyFigures f = MonthlyFigures.compute(STANDARD, november, ratios);

        assertThat(f.budgetMinutes()).isEqualTo(86.4);
        assertThat(f.budgetUsedMinutes()).isEqualTo(1.0);
        assertThat(f.minutesWithoutData()).isZero();
        assertThat(f.measuredMinutes()).isEqualTo(november.steps().size() * 5.0);
        assertThat(f.incidents()).singleElement().satisfies(i -> assertThat(i.end()).isEqualTo(november.end()));
    }
}
