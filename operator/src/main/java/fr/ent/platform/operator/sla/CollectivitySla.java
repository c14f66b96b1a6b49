package fr.ent.platform.operator.sla;

import fr.ent.platform.observability.rules.SlaRuleGenerator;
import fr.ent.platform.observability.rules.SlaSeries;
import fr.ent.platform.observability.sla.BurnRate;
import fr.ent.platform.observability.sla.ErrorBudget;
import fr.ent.platform.observability.sla.SlaObjective;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a collectivity's SLA figures from Prometheus (the series of the generated ent-sla rules) and turns them into
 * the SLAMet condition and status.sla. The objective (target, budget) comes from the collectivity's plan in this
 * operator's plans, which must be those the rules were generated from; the SLI itself is only computed by the rules.
 */
public class CollectivitySla {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final SlaSettings settings;
    private final PrometheusClient prometheus;
    private final Clock clock;
    /** When each collectivity was last read: reconciliations more frequent than the refresh do not query again. */
    private final Map<String, Instant> lastRead = new ConcurrentHashMap<>();

    public CollectivitySla(SlaSettings settings, PrometheusClient prometheus, Clock clock) {
        this.settings = settings;
        this.prometheus = prometheus;
        this.clock = clock;
    }

    public static CollectivitySla of(SlaSettings settings) {
        return new CollectivitySla(settings, new PrometheusClient(settings.prometheus(), settings.timeout()),
                Clock.systemUTC());
    }

    public Duration refresh() {
        return settings.refresh();
    }

    /** Whether the figures of this collectivity are older than the refresh interval (or were never read). */
    public boolean due(String slug) {
        Instant last = lastRead.get(slug);
        return last == null || !last.plus(settings.refresh().multipliedBy(9).dividedBy(10)).isAfter(clock.instant());
    }

    /**
     * @param previous the figures currently published (kept, with their observedAt, when Prometheus cannot be read)
     */
    public SlaOutcome assess(String slug, String plan, SlaStatus previous) {
        lastRead.put(slug, clock.instant());
        SlaObjective objective = settings.plans().objectiveFor(plan);
        ErrorBudget budget = objective.errorBudget();
        String selector = "{collectivity=\"" + slug + "\"}";
        OptionalDouble errors30d;
        OptionalDouble errors1h;
        OptionalDouble incident;
        try {
            errors30d = prometheus.value(SlaSeries.errorRatio(objective.window()) + selector);
            errors1h = prometheus.value(SlaSeries.errorRatio(Duration.ofHours(1)) + selector);
            // the last evaluation (minute steps over the last hour) at which an SLA alert of this collectivity fired
            incident = prometheus.value("max(max_over_time(timestamp(ALERTS{alertstate=\"firing\",alertname=~\""
                    + SlaRuleGenerator.ALERT_PAGE + "|" + SlaRuleGenerator.ALERT_TICKET + "\",collectivity=\"" + slug
                    + "\"})[1h:1m]))");
        } catch (PrometheusUnavailable e) {
            String since = previous == null || previous.getObservedAt() == null ? ""
                    : " Derniers chiffres connus : " + previous.getObservedAt() + ".";
            return new SlaOutcome("Unknown", SlaOutcome.PROMETHEUS_UNAVAILABLE,
                    "SLA inconnu : " + e.getMessage() + "." + since, previous);
        }
        SlaStatus sla = new SlaStatus();
        sla.setPlan(objective.plan());
        sla.setTarget(objective.targetPercent());
        sla.setLastIncident(lastIncident(previous, incident));
        sla.setObservedAt(now());
        if (errors30d.isEmpty()) {
            return new SlaOutcome("Unknown", SlaOutcome.NO_DATA, "Pas encore de mesure pour la collectivité " + slug
                    + " (" + SlaSeries.errorRatio(DEFAULT_WINDOW) + " absente) : les métriques du runtime sont-elles "
                    + "collectées et les règles ent-sla chargées dans " + prometheus.base() + " ?", sla);
        }
        double ratio = clamp(errors30d.getAsDouble());
        sla.setAchieved30d(format("%.3f", (1.0 - ratio) * 100.0));
        sla.setBudgetRemainingMinutes(format("%.1f", budget.remainingMinutes(ratio)));
        errors1h.ifPresent(r -> sla.setBurnRate1h(format("%.2f", BurnRate.of(clamp(r), objective))));
        String figures = "disponibilité " + sla.getAchieved30d() + " % sur 30 jours (objectif " + sla.getTarget()
                + " %, plan " + objective.plan() + "), budget d'erreur restant " + sla.getBudgetRemainingMinutes()
                + " min sur " + format("%.1f", budget.totalMinutes())
                + (sla.getBurnRate1h() == null ? "" : ", burn rate 1 h " + sla.getBurnRate1h());
        if (budget.met(ratio)) {
            return new SlaOutcome("True", SlaOutcome.OBJECTIVE_MET, "Objectif tenu : " + figures + ".", sla);
        }
        return new SlaOutcome("False", SlaOutcome.BUDGET_EXHAUSTED, "Objectif manqué, budget d'erreur épuisé : "
                + figures + ".", sla);
    }

    private static String lastIncident(SlaStatus previous, OptionalDouble incident) {
        String known = previous == null ? null : previous.getLastIncident();
        if (incident.isEmpty()) {
            return known;
        }
        String seen = Instant.ofEpochMilli(Math.round(incident.getAsDouble() * 1000)).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return known == null || seen.compareTo(known) > 0 ? seen : known;
    }

    // rounding in the rules' arithmetic can leave a ratio a hair outside [0, 1]
    private static double clamp(double ratio) {
        return Math.max(0.0, Math.min(1.0, ratio));
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
