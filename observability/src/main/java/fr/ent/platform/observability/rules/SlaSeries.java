package fr.ent.platform.observability.rules;

import java.time.Duration;

/**
 * Names of the series the SLA recording rules write ({@code level:metric:operation}). The operator and the dashboards
 * read these, never the raw request metrics, so that the SLI is defined in one place: {@link SlaRuleGenerator}.
 */
public final class SlaSeries {

    /** 1 per collectivity, labelled with the plan whose objective applies to it (the default plan when unknown). */
    public static final String PLAN = "collectivity:ent_sla_plan:info";
    /** The target of each plan (0.998), labelled {@code plan}. */
    public static final String OBJECTIVE = "plan:ent_sla_objective:ratio";
    /** 1 - error ratio over the rolling window, per collectivity. */
    public static final String AVAILABILITY_30D = "collectivity:ent_sla_availability:ratio30d";
    /** Share of the error budget left over the rolling window (1 untouched, 0 spent, negative overspent). */
    public static final String BUDGET_REMAINING_30D = "collectivity:ent_sla_error_budget_remaining:ratio30d";

    private SlaSeries() {
    }

    /** Valid events per second over a window: requests that are not client errors, plus probe samples. */
    public static String events(Duration window) {
        return "collectivity:ent_sli_events:rate" + PromDurations.format(window);
    }

    /** Bad events per second over a window: 5xx, requests slower than the plan's threshold, failed probe samples. */
    public static String errors(Duration window) {
        return "collectivity:ent_sli_errors:rate" + PromDurations.format(window);
    }

    /** Bad / valid events over a window, labelled {@code collectivity} and {@code plan}. */
    public static String errorRatio(Duration window) {
        return "collectivity:ent_sli_error_ratio:rate" + PromDurations.format(window);
    }

    /** Error ratio over a window divided by the plan's allowed error ratio. */
    public static String burnRate(Duration window) {
        return "collectivity:ent_sla_burn_rate:rate" + PromDurations.format(window);
    }
}
