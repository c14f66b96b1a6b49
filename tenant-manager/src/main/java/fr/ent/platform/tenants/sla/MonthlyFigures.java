package fr.ent.platform.tenants.sla;

import fr.ent.platform.observability.sla.BurnRate;
import fr.ent.platform.observability.sla.ErrorBudget;
import fr.ent.platform.observability.sla.SlaObjective;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The month's figures computed from the collectivity's 5-minute error ratio at each step of the period (the
 * recording rule {@code collectivity:ent_sli_error_ratio:rate5m}).
 *
 * <p>Each step weighs 5 minutes (time-weighted): a step at error ratio {@code r} consumes {@code r × 5} minutes of
 * budget, whatever the traffic then. This keeps the incidents' minutes and the month's total in the same unit and
 * makes a night outage (seen by the probes only) weigh as much as a daytime one. The 30-day recording rules weigh
 * events instead; at steady traffic both agree. A step without a value (Prometheus not scraping, or no event at all:
 * the probes make that rare) is neither good nor bad: it is counted in {@code minutesWithoutData}.
 *
 * <p>The budget is the objective's share of the <em>whole calendar month</em> ({@code (1 − target) × month length}:
 * 86.4 min for a 30-day month at 99.8 %, 89.28 min for a 31-day one), also for the current month.
 *
 * @param availabilityPercent good share of the measured time, in percent; null when nothing was measured
 * @param measuredMinutes minutes of the period with a value
 * @param minutesWithoutData minutes of the period without
 * @param budgetMinutes the month's error budget
 * @param budgetUsedMinutes minutes of it consumed
 * @param budgetUsedPercent the same in percent of the budget (above 100 when overspent)
 * @param budgetRemainingMinutes what is left (negative when overspent)
 * @param objectiveMet whether the budget is not overspent (so far, for the current month); null without data
 */
@JsonbNillable // a month without data says "availabilityPercent": null rather than leaving it out
public record MonthlyFigures(Double availabilityPercent, double measuredMinutes, double minutesWithoutData,
        double budgetMinutes, double budgetUsedMinutes, double budgetUsedPercent, double budgetRemainingMinutes,
        Boolean objectiveMet, List<Incident> incidents) {

    private static final double STEP_MINUTES = ReportPeriod.STEP.toSeconds() / 60.0;

    public MonthlyFigures {
        incidents = List.copyOf(incidents);
    }

    /**
     * @param objective the collectivity's objective (its window is ignored: the month is the window here)
     * @param errorRatios the error ratio at each step instant; absent or NaN: no data for that step
     */
    public static MonthlyFigures compute(SlaObjective objective, ReportPeriod period, Map<Instant, Double> errorRatios) {
        SlaObjective ofTheMonth = new SlaObjective(objective.plan(), objective.target(), objective.latencyThreshold(),
                period.monthLength());
        ErrorBudget budget = ofTheMonth.errorBudget();
        double allowed = objective.allowedErrorRatio().doubleValue();

        int measured = 0;
        int missing = 0;
        double burned = 0.0;
        List<OpenIncident> incidents = new ArrayList<>();
        OpenIncident open = null;
        for (Instant step : period.steps()) {
            Double value = errorRatios.get(step);
            if (value == null || value.isNaN()) {
                missing++;
                open = close(open, incidents);
                continue;
            }
            double ratio = Math.min(1.0, Math.max(0.0, value));
            measured++;
            burned += ratio * STEP_MINUTES;
            if (ratio > allowed) {
                if (open == null) {
                    open = new OpenIncident(step.minus(ReportPeriod.STEP));
                }
                open.add(step, ratio);
            } else {
                open = close(open, incidents);
            }
        }
        close(open, incidents);

        double monthMinutes = period.monthLength().toSeconds() / 60.0;
        double monthRatio = burned / monthMinutes;
        Double availability = measured == 0 ? null : round(100.0 * (1.0 - burned / (measured * STEP_MINUTES)), 4);
        return new MonthlyFigures(availability, measured * STEP_MINUTES, missing * STEP_MINUTES,
                round(budget.totalMinutes(), 2), round(budget.consumedMinutes(monthRatio), 2),
                round(100.0 * (1.0 - budget.remainingFraction(monthRatio)), 2),
                round(budget.remainingMinutes(monthRatio), 2), measured == 0 ? null : budget.met(monthRatio),
                incidents.stream().map(i -> i.toIncident(objective)).toList());
    }

    private static OpenIncident close(OpenIncident open, List<OpenIncident> into) {
        if (open != null) {
            into.add(open);
        }
        return null;
    }

    /** Rounded for people and JSON: 99.9583 %, 12.35 min. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** An incident being read, step by step. */
    private static final class OpenIncident {
        private final Instant start;
        private Instant end;
        private double burned;
        private double peak;

        OpenIncident(Instant start) {
            this.start = start;
        }

        void add(Instant step, double ratio) {
            end = step;
            burned += ratio * STEP_MINUTES;
            peak = Math.max(peak, ratio);
        }

        Incident toIncident(SlaObjective objective) {
            return new Incident(start, end, Duration.between(start, end).toSeconds() / 60.0, round(burned, 2),
                    round(100.0 * peak, 3), round(BurnRate.of(peak, objective), 1));
        }
    }
}
