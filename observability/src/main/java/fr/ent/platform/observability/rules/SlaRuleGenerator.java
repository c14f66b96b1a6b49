package fr.ent.platform.observability.rules;

import static fr.ent.platform.observability.metrics.MetricContract.COLLECTIVITY_INFO;
import static fr.ent.platform.observability.metrics.MetricContract.HTTP_REQUESTS;
import static fr.ent.platform.observability.metrics.MetricContract.OUTCOME_CLIENT_ERROR;
import static fr.ent.platform.observability.metrics.MetricContract.OUTCOME_SERVER_ERROR;
import static fr.ent.platform.observability.metrics.MetricContract.PROBE_SUCCESS;
import static fr.ent.platform.observability.metrics.MetricContract.UNKNOWN_COLLECTIVITY;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.ent.platform.observability.metrics.LatencyBuckets;
import fr.ent.platform.observability.sla.BurnRateWindow;
import fr.ent.platform.observability.sla.BurnRateWindows;
import fr.ent.platform.observability.sla.SlaObjective;
import fr.ent.platform.observability.sla.SlaPlans;

/**
 * Generates the SLA rules of the platform from its plans and burn-rate windows: the per-collectivity SLI recording
 * rules over every window, the budget and burn-rate series, and the multi-window multi-burn-rate alerts of each plan.
 * The SLI is defined here and nowhere else (docs/observability.md explains it).
 */
public final class SlaRuleGenerator {

    public static final String ALERT_PAGE = "EntSlaErrorBudgetBurnFast";
    public static final String ALERT_TICKET = "EntSlaErrorBudgetBurnSlow";
    static final String RUNBOOK = "docs/observability.md#que-faire-quand-une-alerte-sla-se-déclenche";

    private static final String KNOWN = "collectivity!=\"" + UNKNOWN_COLLECTIVITY + "\"";
    private static final String VALID_REQUESTS = "{" + KNOWN + ",outcome!=\"" + OUTCOME_CLIENT_ERROR + "\"}";
    private static final String SERVER_ERRORS = "{" + KNOWN + ",outcome=\"" + OUTCOME_SERVER_ERROR + "\"}";
    // requests that can be good: neither the client's fault nor already counted bad as a 5xx
    private static final String LATENCY_ELIGIBLE = KNOWN + ",outcome!~\"" + OUTCOME_CLIENT_ERROR + "|"
            + OUTCOME_SERVER_ERROR + "\"";

    private final SlaPlans plans;
    private final BurnRateWindows burnRateWindows;

    public SlaRuleGenerator(SlaPlans plans, BurnRateWindows burnRateWindows) {
        this.plans = plans;
        this.burnRateWindows = burnRateWindows;
    }

    /** The platform's rules: default plans and the standard burn-rate windows. */
    public static SlaRuleGenerator defaults() {
        return new SlaRuleGenerator(SlaPlans.defaults(), BurnRateWindows.standard());
    }

    public List<RuleGroup> generate() {
        return List.of(sliGroup(), budgetGroup(), alertGroup());
    }

    private Duration rollingWindow() {
        return plans.defaultObjective().window();
    }

    private RuleGroup sliGroup() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new RecordingRule(SlaSeries.PLAN, planExpression()));
        for (Duration window : burnRateWindows.recordedWindows(rollingWindow())) {
            rules.add(new RecordingRule(SlaSeries.events(window), eventsExpression(window)));
            rules.add(new RecordingRule(SlaSeries.errors(window), errorsExpression(window)));
            rules.add(new RecordingRule(SlaSeries.errorRatio(window), """
                    (%s / %s)
                    * on (collectivity) group_left (plan) %s""".formatted(
                    SlaSeries.errors(window), SlaSeries.events(window), SlaSeries.PLAN)));
        }
        return new RuleGroup("ent-sla-sli", rules);
    }

    /**
     * The plan of each collectivity, from the runtime's info metric. A collectivity with no info metric, or a plan
     * this generator does not know, gets the default plan: every collectivity seen in requests or probes has an
     * objective. topk keeps one plan per collectivity while two replicas disagree during a plan change (the joins
     * below would fail on two).
     */
    private String planExpression() {
        List<String> others = plans.objectives().stream().skip(1).map(SlaObjective::plan).toList();
        String fallback = """
                label_replace(
                  group by (collectivity) (%s{%s})
                  or group by (collectivity) (%s_count{%s})
                  or group by (collectivity) (%s{%s}),
                  "plan", "%s", "", ""
                )""".formatted(COLLECTIVITY_INFO, KNOWN, HTTP_REQUESTS, KNOWN, PROBE_SUCCESS, KNOWN,
                plans.defaultObjective().plan());
        if (others.isEmpty()) {
            return fallback;
        }
        return """
                topk by (collectivity) (1,
                  max by (collectivity, plan) (%s{%s,plan=~"%s"})
                  or on (collectivity)
                %s
                )""".formatted(COLLECTIVITY_INFO, KNOWN, String.join("|", others), fallback.indent(2).stripTrailing());
    }

    /** Valid events per second: requests except client errors, plus probe samples (one event per sample). */
    private String eventsExpression(Duration window) {
        String range = PromDurations.format(window);
        return """
                sum by (collectivity) (
                  label_replace(sum by (collectivity) (rate(%s_count%s[%s])), "sli_source", "requests", "", "")
                  or
                  label_replace(sum by (collectivity) (count_over_time(%s{%s}[%s])) / %d, "sli_source", "probes", "", "")
                )""".formatted(HTTP_REQUESTS, VALID_REQUESTS, range, PROBE_SUCCESS, KNOWN, range, window.toSeconds());
    }

    /** Bad events per second: 5xx, valid requests slower than their plan's threshold, failed probe samples. */
    private String errorsExpression(Duration window) {
        String range = PromDurations.format(window);
        // plans sharing a latency threshold share one term
        Map<Duration, List<String>> plansByThreshold = new LinkedHashMap<>();
        for (SlaObjective objective : plans.objectives()) {
            plansByThreshold.computeIfAbsent(objective.latencyThreshold(), t -> new ArrayList<>()).add(objective.plan());
        }
        String slow = plansByThreshold.entrySet().stream().map(entry -> """
                (
                  sum by (collectivity) (rate(%s_count{%s}[%s]))
                  - sum by (collectivity) (rate(%s_bucket{%s,le="%s"}[%s]))
                ) and on (collectivity) %s{plan%s}""".formatted(
                HTTP_REQUESTS, LATENCY_ELIGIBLE, range, HTTP_REQUESTS, LATENCY_ELIGIBLE,
                LatencyBuckets.leLabel(entry.getKey()), range, SlaSeries.PLAN, planMatcher(entry.getValue())))
                .collect(Collectors.joining("\nor\n"));
        return """
                sum by (collectivity) (
                  label_replace(sum by (collectivity) (rate(%s_count%s[%s])), "sli_source", "server_errors", "", "")
                  or
                  label_replace(
                %s,
                    "sli_source", "slow_requests", "", "")
                  or
                  label_replace(
                    sum by (collectivity) (count_over_time(%s{%s}[%s]) - sum_over_time(%s{%s}[%s])) / %d,
                    "sli_source", "failed_probes", "", "")
                )""".formatted(HTTP_REQUESTS, SERVER_ERRORS, range, slow.indent(4).stripTrailing(),
                PROBE_SUCCESS, KNOWN, range, PROBE_SUCCESS, KNOWN, range, window.toSeconds());
    }

    private static String planMatcher(List<String> planNames) {
        return planNames.size() == 1 ? "=\"" + planNames.getFirst() + "\"" : "=~\"" + String.join("|", planNames) + "\"";
    }

    private RuleGroup budgetGroup() {
        List<Rule> rules = new ArrayList<>();
        for (SlaObjective objective : plans.objectives()) {
            rules.add(new RecordingRule(SlaSeries.OBJECTIVE, "vector(" + objective.target().toPlainString() + ")",
                    Map.of("plan", objective.plan())));
        }
        String allowed = "(1 - " + SlaSeries.OBJECTIVE + ")";
        Duration rolling = rollingWindow();
        rules.add(new RecordingRule(SlaSeries.AVAILABILITY_30D, "1 - " + SlaSeries.errorRatio(rolling)));
        rules.add(new RecordingRule(SlaSeries.BUDGET_REMAINING_30D,
                "1 - " + SlaSeries.errorRatio(rolling) + " / on (plan) group_left () " + allowed));
        for (Duration window : burnRateWindows.recordedWindows(rolling)) {
            rules.add(new RecordingRule(SlaSeries.burnRate(window),
                    SlaSeries.errorRatio(window) + " / on (plan) group_left () " + allowed));
        }
        return new RuleGroup("ent-sla-budget", rules);
    }

    private RuleGroup alertGroup() {
        List<Rule> rules = new ArrayList<>();
        for (SlaObjective objective : plans.objectives()) {
            for (BurnRateWindow condition : burnRateWindows.conditions()) {
                rules.add(alert(objective, condition));
            }
        }
        return new RuleGroup("ent-sla-alerts", rules);
    }

    private AlertingRule alert(SlaObjective objective, BurnRateWindow condition) {
        BigDecimal threshold = condition.errorRatioThreshold(objective);
        String longWindow = PromDurations.format(condition.longWindow());
        String shortWindow = PromDurations.format(condition.shortWindow());
        String expr = """
                %s{plan="%s"} > %s
                and
                %s{plan="%s"} > %s""".formatted(
                SlaSeries.errorRatio(condition.longWindow()), objective.plan(), threshold.toPlainString(),
                SlaSeries.errorRatio(condition.shortWindow()), objective.plan(), threshold.toPlainString());
        String factor = condition.factor().stripTrailingZeros().toPlainString();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("severity", condition.severity().label());
        labels.put("plan", objective.plan());
        labels.put("burn_rate", factor);
        labels.put("long_window", longWindow);
        labels.put("short_window", shortWindow);
        String budget = "%.1f".formatted(objective.errorBudget().totalMinutes()).replace(',', '.');
        long hoursToExhaustion = condition.timeToExhaustion(objective).toHours();
        String consumed = "%.0f".formatted(condition.budgetConsumedAtDetection(objective) * 100);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", "Collectivité {{ $labels.collectivity }} : budget d'erreur consommé " + factor
                + " fois trop vite (" + longWindow + " et " + shortWindow + ")");
        annotations.put("description", "Taux d'erreur sur " + longWindow + " : {{ $value | humanizePercentage }}"
                + " (seuil " + threshold.movePointRight(2).stripTrailingZeros().toPlainString() + " %, plan "
                + objective.plan() + ", objectif " + objective.targetPercent() + " % sur 30 jours, budget " + budget
                + " min). À ce rythme le budget est épuisé en " + hoursToExhaustion + " h ; " + consumed
                + " % du budget sont déjà consommés quand l'alerte se déclenche. / Error ratio over " + longWindow
                + ": {{ $value | humanizePercentage }}, " + factor + "x the allowed rate of plan " + objective.plan()
                + ".");
        annotations.put("runbook", RUNBOOK);
        String name = condition.severity() == fr.ent.platform.observability.sla.Severity.PAGE ? ALERT_PAGE : ALERT_TICKET;
        return new AlertingRule(name, expr, labels, annotations);
    }
}
