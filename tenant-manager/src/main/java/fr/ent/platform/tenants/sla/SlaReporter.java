package fr.ent.platform.tenants.sla;

import fr.ent.platform.observability.metrics.MetricContract;
import fr.ent.platform.observability.rules.SlaSeries;
import fr.ent.platform.observability.sla.SlaObjective;
import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.pages.PageText;
import fr.ent.platform.tenants.registry.Collectivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a collectivity's monthly SLA report from Prometheus: a {@code query_range} of the 5-minute error ratio
 * recording rule at a 5-minute step over the month ({@link MonthlyFigures} does the maths) and an instant query of
 * the probes' success over the same period.
 *
 * <p>Isolation: every query names the collectivity by the slug <em>read from the registry</em> (never the path
 * parameter as typed), and series of any other collectivity in an answer are ignored.
 */
public final class SlaReporter {

    /** The recorded series the report reads. */
    static final String ERROR_RATIO = SlaSeries.errorRatio(ReportPeriod.STEP);

    /** How incidents are detected, in French: the words of the report's page, also in its JSON. */
    static final String INCIDENT_RULE = PageText.of(Locale.FRENCH).lookup("sla.reading.incidents");

    private final Function<String, Collectivity> collectivities;
    private final Optional<PrometheusQueries> prometheus;
    private final SlaPlans plans;
    private final Clock clock;

    /**
     * @param collectivities the registry: the collectivity of a slug, or a {@link fr.ent.platform.problem.NotFound}
     * @param prometheus empty when {@code ent.prometheus.url} is not set
     */
    public SlaReporter(Function<String, Collectivity> collectivities, Optional<PrometheusQueries> prometheus,
            SlaPlans plans, Clock clock) {
        this.collectivities = Objects.requireNonNull(collectivities, "collectivities");
        this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param month {@code 2026-11}, or null for the current month so far
     * @throws fr.ent.platform.problem.DomainException collectivity-not-found (not found), sla-report-month (invalid
     *         input), prometheus-not-configured or prometheus-unavailable (unavailable)
     */
    public SlaReport report(String slug, String month) {
        Collectivity collectivity = collectivities.apply(slug);
        String own = collectivity.slug();
        ReportPeriod period = ReportPeriod.of(month, clock);
        PrometheusQueries queries = prometheus.orElseThrow(
                () -> new Unavailable("prometheus-not-configured", own));

        Map<Instant, Double> ratios = new HashMap<>();
        String plan = null;
        List<ProbeAvailability> probes = List.of();
        if (!period.steps().isEmpty()) {
            Instant first = period.start().plus(ReportPeriod.STEP);
            try {
                Instant latest = Instant.MIN;
                for (PrometheusQueries.Series s : queries.range(ERROR_RATIO + selector(own), first, period.end(),
                        ReportPeriod.STEP)) {
                    if (!own.equals(s.labels().get(MetricContract.LABEL_COLLECTIVITY))) {
                        continue;
                    }
                    for (PrometheusQueries.Sample sample : s.samples()) {
                        // a change of plan during the month gives two series; they never overlap (one plan at a time)
                        ratios.merge(sample.at(), sample.value(), Math::max);
                        if (sample.at().isAfter(latest) && s.labels().containsKey(MetricContract.LABEL_PLAN)) {
                            latest = sample.at();
                            plan = s.labels().get(MetricContract.LABEL_PLAN);
                        }
                    }
                }
                probes = probes(queries, own, period);
            } catch (PrometheusQueries.Unavailable e) {
                throw new Unavailable("prometheus-unavailable", own, queries.base().toString(),
                        e.getMessage()).retryAfter(Duration.ofSeconds(60));
            }
        }
        // The plan recorded with the month's last sample (the one that applied at its end); without data, the
        // registry's plan of the collectivity.
        SlaObjective objective = plans.objectiveFor(plan == null ? collectivity.plan() : plan);
        return new SlaReport(own, collectivity.displayName(), objective.plan(), objective.targetPercent(),
                period.month().toString(), period.start(), period.end(), period.complete(),
                MonthlyFigures.compute(objective, period, ratios), probes, INCIDENT_RULE,
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The share of successful probe samples over the period, per probe. */
    private static List<ProbeAvailability> probes(PrometheusQueries queries, String slug, ReportPeriod period) {
        long seconds = Duration.between(period.start(), period.end()).toSeconds();
        String promql = "avg by (" + MetricContract.LABEL_PROBE + ") (avg_over_time(" + MetricContract.PROBE_SUCCESS
                + selector(slug) + "[" + seconds + "s]))";
        return queries.instant(promql, period.end()).stream()
                .filter(s -> s.labels().containsKey(MetricContract.LABEL_PROBE) && !s.samples().isEmpty()
                        && !Double.isNaN(s.samples().getFirst().value()))
                .map(s -> new ProbeAvailability(s.labels().get(MetricContract.LABEL_PROBE),
                        MonthlyFigures.round(100.0 * s.samples().getFirst().value(), 3)))
                .sorted(Comparator.comparing(ProbeAvailability::probe))
                .toList();
    }

    /** {@code {collectivity="<slug>"}}; a registry slug is [a-z0-9-], quoted anyway as PromQL strings are. */
    static String selector(String slug) {
        return "{" + MetricContract.LABEL_COLLECTIVITY + "=\"" + slug.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
    }
}
