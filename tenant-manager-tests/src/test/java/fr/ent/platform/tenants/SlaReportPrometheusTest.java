package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.tenants.sla.Incident;
import fr.ent.platform.tenants.sla.PrometheusQueries;
import fr.ent.platform.tenants.sla.ReportPeriod;
import fr.ent.platform.tenants.sla.SlaReport;
import fr.ent.platform.tenants.sla.SlaReportHtml;
import fr.ent.platform.tenants.sla.SlaReporter;
import fr.ent.platform.testing.ports.FreePorts;
import fr.ent.platform.testing.prometheus.PrometheusServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly report against a real Prometheus (Debian binary) holding a month of history, over a real registry
 * (embedded PostgreSQL).
 *
 * <p>The history of October 2026 is backfilled with {@code promtool tsdb create-blocks-from openmetrics} before
 * Prometheus starts (with the generated ent-sla rules loaded): the 5-minute error ratio as the recording rule writes
 * it (one sample per 5 minutes) and the probe results. Prometheus evaluates rules only from its start, so the
 * recorded series are written directly; that the rules compute them right is proved by the observability module's
 * promtool tests and the operator's SlaPrometheusIT. Collectivity A: 0.05 % errors all month, an injected incident
 * on 14 October from 08:00 to 08:30 Paris time at 50 %, and one hour without data on 20 October. Collectivity B:
 * premium, 90 % errors all month, failing probes: none of it may show in A's report.
 */
class SlaReportPrometheusTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T09:32:10Z"), ZoneOffset.UTC);
    private static final Instant INCIDENT_START = Instant.parse("2026-10-14T06:00:00Z");
    private static final Instant INCIDENT_END = Instant.parse("2026-10-14T06:30:00Z");
    private static final Instant GAP_START = Instant.parse("2026-10-20T10:00:00Z");
    private static final Instant GAP_END = Instant.parse("2026-10-20T11:00:00Z");

    @TempDir
    static Path work;
    static PrometheusServer prometheus;
    static URI prometheusUrl;
    static String a;
    static String b;
    static String ghost;
    static SlaReporter reporter;

    @BeforeAll
    static void backfillAMonthAndStartPrometheus() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000);
        a = "sla-a-" + n;
        b = "sla-b-" + n;
        ghost = "sla-ghost-" + n;
        CollectivityRepository registry = new CollectivityRepository(EmbeddedDatabase.dataSource());
        registry.insert(NewCollectivity.of(a, "commune", "Ville de " + a, List.of(a + ".ent.example.fr")));
        registry.insert(NewCollectivity.of(b, "region", "Région " + b, List.of(b + ".ent.example.fr")));

        Path history = work.resolve("history.om");
        writeHistory(history, ReportPeriod.of("2026-10", NOW));
        Path data = work.resolve("data");
        run(promtool(), "tsdb", "create-blocks-from", "openmetrics", history.toString(), data.toString());

        Files.copy(Path.of("../observability/rules/ent-sla.rules.yml"), work.resolve("ent-sla.rules.yml"));
        Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  evaluation_interval: 1m
                rule_files: [ent-sla.rules.yml]
                """);
        prometheus = PrometheusServer.startConfigured(work, data, List.of("--storage.tsdb.retention.time=10y"));
        prometheusUrl = prometheus.url();
        reporter = new SlaReporter(slug -> registry.find(slug)
                .orElseThrow(() -> new NotFound("collectivity-not-found", slug)),
                Optional.of(new PrometheusQueries(prometheusUrl, Duration.ofSeconds(30))), SlaPlans.defaults(), NOW);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theInjectedIncidentAppearsWithItsStartEndAndTheBudgetItUsed() {
        SlaReport report = reporter.report(a, "2026-10");

        assertThat(report.slug()).isEqualTo(a);
        assertThat(report.plan()).isEqualTo("standard");
        assertThat(report.targetPercent()).isEqualTo("99.8");
        assertThat(report.complete()).isTrue();
        assertThat(report.from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(report.to()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));

        Incident incident = report.figures().incidents().getFirst();
        assertThat(report.figures().incidents()).hasSize(1);
        assertThat(incident.start()).isEqualTo(INCIDENT_START);
        assertThat(incident.end()).isEqualTo(INCIDENT_END);
        assertThat(incident.durationMinutes()).isEqualTo(30.0);
        assertThat(incident.budgetMinutes()).isEqualTo(15.0); // 6 steps x 50 % x 5 min
        assertThat(incident.peakErrorRatePercent()).isEqualTo(50.0);
        assertThat(incident.peakBurnRate()).isEqualTo(250.0);

        // October: 31 days and one hour, 8940 steps; 12 without data; 8922 at 0.05 % and 6 at 50 %
        double used = 8922 * 0.0005 * 5 + 15.0;
        assertThat(report.figures().budgetMinutes()).isEqualTo(89.4);
        assertThat(report.figures().minutesWithoutData()).isEqualTo(60.0);
        assertThat(report.figures().budgetUsedMinutes()).isCloseTo(used, within(0.01));
        assertThat(report.figures().budgetUsedPercent()).isCloseTo(100 * used / 89.4, within(0.01));
        assertThat(report.figures().budgetRemainingMinutes()).isCloseTo(89.4 - used, within(0.01));
        assertThat(report.figures().availabilityPercent()).isCloseTo(100 * (1 - used / (8928 * 5.0)), within(0.0001));
        assertThat(report.figures().objectiveMet()).isTrue();
        // the portal probe failed during the 6 steps of the incident, out of 8928 rounds
        assertThat(report.probes()).singleElement().satisfies(p -> {
            assertThat(p.probe()).isEqualTo("portal");
            assertThat(p.availabilityPercent()).isCloseTo(100.0 * (8928 - 6) / 8928, within(0.001));
        });

        String html = SlaReportHtml.render(report);
        assertThat(html).contains("lang=\"fr\"", "<caption>1 incident(s)", "scope=\"col\"", "scope=\"row\"",
                "14 octobre 2026 à 08:00 (+02:00)", "14 octobre 2026 à 08:30 (+02:00)", "Objectif tenu",
                "octobre 2026", "89,4 minutes");
    }

    @Test
    void theReportOfACollectivityNeverContainsAnothersData() {
        SlaReport ofA = reporter.report(a, "2026-10");
        SlaReport ofB = reporter.report(b, "2026-10");

        // B is premium, at 90 % errors, its probes always failing: nothing of it in A's report
        assertThat(ofA.plan()).isEqualTo("standard");
        assertThat(ofA.figures().incidents()).hasSize(1);
        assertThat(ofA.figures().budgetUsedPercent()).isLessThan(50.0);
        assertThat(ofA.probes()).allSatisfy(p -> assertThat(p.availabilityPercent()).isGreaterThan(99.0));
        assertThat(SlaReportHtml.render(ofA)).contains(a).doesNotContain(b);
        assertThat(ofA.toString()).doesNotContain(b);
        // ... and it is there in B's
        assertThat(ofB.plan()).isEqualTo("premium");
        assertThat(ofB.figures().objectiveMet()).isFalse();
        assertThat(ofB.figures().availabilityPercent()).isCloseTo(10.0, within(0.01));
        assertThat(ofB.probes()).singleElement().satisfies(p -> assertThat(p.availabilityPercent()).isZero());
        assertThat(SlaReportHtml.render(ofB)).doesNotContain(a);
    }

    @Test
    void onlyCollectivitiesOfTheRegistryHaveAReportWhateverPrometheusHolds() {
        // Prometheus has a month of series for ghost, the registry does not know it; the query never uses the
        // typed slug, so a PromQL injection through the path is a 404 like any unknown collectivity
        for (String slug : new String[] {ghost, a + "\"} or vector(1) or {x=\"", ".*", a.toUpperCase(Locale.ROOT)}) {
            assertThatThrownBy(() -> reporter.report(slug, "2026-10")).as(slug)
                    .isInstanceOfSatisfying(DomainException.class,
                            p -> assertThat(ProblemStatuses.status(p)).isEqualTo(404));
        }
    }

    @Test
    void aMonthWithoutDataSaysSo() {
        SlaReport september = reporter.report(a, "2026-09");

        assertThat(september.figures().availabilityPercent()).isNull();
        assertThat(september.figures().objectiveMet()).isNull();
        assertThat(september.figures().minutesWithoutData()).isEqualTo(30 * 24 * 60);
        assertThat(september.figures().incidents()).isEmpty();
        assertThat(september.probes()).isEmpty();
        assertThat(SlaReportHtml.render(september)).contains("Aucune mesure sur la période", "Aucun incident");
    }

    @Test
    void prometheusUnsetOrUnreachableIsA503NamingTheCause() throws IOException {
        CollectivityRepository registry = new CollectivityRepository(EmbeddedDatabase.dataSource());
        java.util.function.Function<String, fr.ent.platform.tenants.registry.Collectivity> lookup =
                slug -> registry.find(slug).orElseThrow();

        SlaReporter unset = new SlaReporter(lookup, Optional.empty(), SlaPlans.defaults(), NOW);
        assertThatThrownBy(() -> unset.report(a, "2026-10")).isInstanceOfSatisfying(DomainException.class, p -> {
            assertThat(ProblemStatuses.status(p)).isEqualTo(503);
            assertThat(p.code()).isEqualTo("prometheus-not-configured");
            assertThat(ProblemStatuses.problem(p, Locale.FRENCH).detail()).contains("ENT_PROMETHEUS_URL", a);
            assertThat(ProblemStatuses.problem(p, Locale.ENGLISH).detail()).contains("ENT_PROMETHEUS_URL");
        });

        URI closed = URI.create("http://127.0.0.1:" + FreePorts.next());
        SlaReporter down = new SlaReporter(lookup, Optional.of(new PrometheusQueries(closed, Duration.ofSeconds(5))),
                SlaPlans.defaults(), NOW);
        assertThatThrownBy(() -> down.report(a, "2026-10")).isInstanceOfSatisfying(DomainException.class, p -> {
            assertThat(ProblemStatuses.status(p)).isEqualTo(503);
            assertThat(p.code()).isEqualTo("prometheus-unavailable");
            assertThat(ProblemStatuses.headers(p)).containsEntry("Retry-After", "60");
            assertThat(ProblemStatuses.problem(p, Locale.FRENCH).detail())
                    .contains(closed.toString(), "ConnectException", a);
        });

        // a Prometheus that refuses the query (here: the wrong path) is unavailable too, not a 500
        SlaReporter wrong = new SlaReporter(lookup, Optional.of(new PrometheusQueries(
                prometheusUrl.resolve("/nothing-here"), Duration.ofSeconds(5))), SlaPlans.defaults(), NOW);
        assertThatThrownBy(() -> wrong.report(a, "2026-10")).isInstanceOfSatisfying(DomainException.class,
                p -> assertThat(p.code()).isEqualTo("prometheus-unavailable"));
    }

    /** One sample per 5-minute step, one minute before the step's instant (as a rule evaluated every minute). */
    private static void writeHistory(Path file, ReportPeriod october) throws IOException {
        String ratio = "collectivity:ent_sli_error_ratio:rate5m";
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# TYPE " + ratio + " gauge\n");
            for (String slug : new String[] {a, b, ghost}) {
                for (Instant step : october.steps()) {
                    if (slug.equals(a) && gap(step)) {
                        continue;
                    }
                    double value = slug.equals(a) ? (incident(step) ? 0.5 : 0.0005) : slug.equals(b) ? 0.9 : 0.3;
                    String plan = slug.equals(b) ? "premium" : "standard";
                    w.write(ratio + "{collectivity=\"" + slug + "\",plan=\"" + plan + "\"} " + value + " "
                            + step.minusSeconds(60).getEpochSecond() + "\n");
                }
            }
            w.write("# TYPE ent_probe_success gauge\n");
            for (String slug : new String[] {a, b, ghost}) {
                for (Instant step : october.steps()) {
                    if (slug.equals(a) && gap(step)) {
                        continue;
                    }
                    int value = slug.equals(a) && !incident(step) ? 1 : 0;
                    w.write("ent_probe_success{collectivity=\"" + slug + "\",probe=\"portal\"} " + value + " "
                            + step.minusSeconds(60).getEpochSecond() + "\n");
                }
            }
            w.write("# EOF\n");
        }
    }

    private static boolean incident(Instant step) {
        return step.isAfter(INCIDENT_START) && !step.isAfter(INCIDENT_END);
    }

    private static boolean gap(Instant step) {
        return step.isAfter(GAP_START) && !step.isAfter(GAP_END);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("promtool.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(work.resolve("promtool.log")));
        }
    }

    private static String promtool() {
        return PrometheusServer.binary("promtool");
    }
}
