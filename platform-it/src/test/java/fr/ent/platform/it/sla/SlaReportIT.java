package fr.ent.platform.it.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.prometheus.PrometheusServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The monthly SLA report inside Liberty, from the platform's own Prometheus (Debian binary,
 * {@link Platform#prometheus()}) that scrapes the server's {@code /admin/metrics} and evaluates the generated ent-sla
 * rules; tenant-manager reads it through {@code ENT_PROMETHEUS_URL} (set at the server's start by the local
 * platform). The report is asked over HTTP through the admin API. The traffic it reports on is {@link SlaTraffic}'s,
 * started with the module's run so that its 5-minute step fills while the other classes run. The last test stops
 * Prometheus, for the rest of the run.
 *
 * <p>Runs after the classes that do not restart the server (it waits for the traffic; see
 * {@code junit-platform.properties}), before those that do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(SlaReportIT.AFTER_THE_OTHERS)
@Isolated
class SlaReportIT {

    /** Class order: after the classes without an order ({@link Order#DEFAULT}). */
    static final int AFTER_THE_OTHERS = Order.DEFAULT + 1;
    private static final Duration SCRAPE = SlaTraffic.SCRAPE;
    private static final Duration STEP = SlaTraffic.STEP;
    private static final Duration EDGE = SlaTraffic.EDGE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static Platform platform;
    static PrometheusServer prometheus;
    static String a;
    static String b;
    /** The end of the 5-minute step that the steady mix filled. */
    static Instant filledStep;
    /** See {@link SlaTraffic.Filled}. */
    static int slowSeen;
    /** Mixes started inside the filled step. */
    static int mixes;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void trafficThroughAWholeStep() throws Exception {
        platform = Platform.get();
        SlaTraffic.Filled filled = SlaTraffic.awaitFilled();
        prometheus = filled.prometheus();
        a = filled.a();
        b = filled.b();
        filledStep = filled.filledStep();
        mixes = filled.mixes();
        slowSeen = filled.slowSeen();
        // the step is reported once it is over; its last evaluations (timestamped up to its end) are written a
        // little later on a loaded machine: asked too early, the report would read the one before
        Thread.sleep(SCRAPE.multipliedBy(2).toMillis());
        SlaTraffic.awaitTrue(Duration.ofSeconds(90), "A's report reaching " + filledStep,
                () -> !Instant.parse(report(a).getString("to")).isBefore(filledStep));
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    @Order(1)
    void theReportOfTheCurrentMonthHoldsTheStepTheTrafficFilled() throws Exception {
        JsonObject report = report(a);
        System.out.println("SLA report of " + a + ": " + report);
        YearMonth month = YearMonth.now(PARIS);
        assertThat(report.getString("slug")).isEqualTo(a);
        assertThat(report.getString("month")).isEqualTo(month.toString());
        assertThat(report.getBoolean("complete")).isFalse();
        assertThat(report.getString("plan")).isEqualTo("standard");
        assertThat(report.getString("targetPercent")).isEqualTo("99.8");
        assertThat(Instant.parse(report.getString("from"))).isEqualTo(month.atDay(1).atStartOfDay(PARIS).toInstant());

        JsonObject figures = report.getJsonObject("figures");
        // the budget is the whole month's: 0.2 % of its minutes (86.4 for 30 days)
        assertThat(figures.getJsonNumber("budgetMinutes").doubleValue())
                .isCloseTo(month.lengthOfMonth() * 1440 * 0.002, within(0.01));
        // the step the mix filled is an incident (8 % errors against 0.2 % allowed); steps before it held only the
        // probe and the first requests of each kind
        // The incident holds the filled step; it may go on a step later: the rate's window reaches past the mix's
        // end (EDGE), and on a loaded machine the next step's few probe requests can be slow, hence errors.
        JsonObject incident = figures.getJsonArray("incidents").stream().map(v -> v.asJsonObject())
                .filter(i -> Instant.parse(i.getString("start")).isBefore(filledStep)
                        && !Instant.parse(i.getString("end")).isBefore(filledStep)).findFirst()
                .orElseThrow(() -> new AssertionError("no incident holding the step ending at " + filledStep + ": "
                        + report));
        Instant incidentEnd = Instant.parse(incident.getString("end"));
        // What the traffic sent into the step allows. Each mix is 12 requests the SLI counts (10 pages, the login's
        // 302 and its 502; the 401s are client errors, not counted) with 1 error, the 502 (8.33 %). Pages slower
        // than the plan's 0.5 s in the server are errors too: at most the slow ones seen from here. The probe adds
        // its samples (the failed ones are errors) and its requests (2 per round, a round at most every 15 s: 40 in
        // the step, errors if slow). The rate over the step's window sees the mixes of its scrapes, not exactly
        // those started inside it: EDGE worth of mixes either way. With this band, counting the 401s (4.5 %) or
        // B's 503s (over 40 %) fails it on an idle machine and on a loaded one alike.
        int m = mixes;
        int edge = (int) (m * EDGE.toSeconds() / STEP.toSeconds()) + 1;
        String probe = "ent_probe_success{collectivity=\"" + a + "\"}[5m] @ " + filledStep.getEpochSecond();
        double probeSamples = prometheus.value("sum(count_over_time(" + probe + "))");
        double failedProbes = probeSamples - prometheus.value("sum(sum_over_time(" + probe + "))");
        double probeRequests = 2.0 * STEP.toSeconds() / 15;
        double lowest = 100.0 * (m - edge) / (12.0 * (m + edge) + probeRequests + probeSamples);
        double highest = 100.0 * (m + edge + slowSeen + failedProbes + probeRequests) / (12.0 * (m - edge));
        double filled = 100 * prometheus.value("collectivity:ent_sli_error_ratio:rate5m{collectivity=\"" + a + "\"} @ "
                + filledStep.getEpochSecond());
        System.out.printf("SLA report IT: %d mixes in the step, %d slow, %.0f probe samples (%.0f failed): error ratio"
                + " %.2f %% expected in [%.2f, %.2f]%n", m, slowSeen, probeSamples, failedProbes, filled, lowest,
                highest);
        assertThat(m).as("mixes inside the filled step").isGreaterThan(2 * edge);
        assertThat(filled).isBetween(lowest, highest);
        // the incident's peak is the worst of its steps (checked against each step's recording below)
        double peak = incident.getJsonNumber("peakErrorRatePercent").doubleValue();
        assertThat(peak).isGreaterThanOrEqualTo(filled - 0.01);
        assertThat(incident.getJsonNumber("peakBurnRate").doubleValue()).isCloseTo(peak / 0.2, within(0.1));
        // the report read the recorded 5-minute ratio of A at the incident's steps (the mix may have begun in the
        // step before the filled one, and the incident may end a step after it: the peak is the worst of them)
        double recorded = 0;
        for (Instant step = Instant.parse(incident.getString("start")).plus(STEP); !step.isAfter(incidentEnd);
                step = step.plus(STEP)) {
            recorded = Math.max(recorded, prometheus.value("collectivity:ent_sli_error_ratio:rate5m{collectivity=\""
                    + a + "\"} @ " + step.getEpochSecond()));
        }
        assertThat(peak).isCloseTo(100 * recorded, within(0.01));

        double measured = figures.getJsonNumber("measuredMinutes").doubleValue();
        double used = figures.getJsonNumber("budgetUsedMinutes").doubleValue();
        assertThat(measured).isGreaterThanOrEqualTo(5.0);
        assertThat(measured % 5).isZero();
        // used is rounded to 2 decimals by the report (0.41 for a peak step worth 0.4121 minutes): allow half a unit
        assertThat(used).isGreaterThanOrEqualTo(incident.getJsonNumber("budgetMinutes").doubleValue() - 0.001)
                .isGreaterThanOrEqualTo(peak / 100 * 5 - 0.005);
        // the report rounds the used minutes to 2 decimals, not the availability: allow that rounding
        assertThat(figures.getJsonNumber("availabilityPercent").doubleValue())
                .isCloseTo(100 * (1 - used / measured), within(100 * 0.005 / measured + 0.001));
        // half a minute of errors is a fraction of the month's 86 minutes: still within the objective
        assertThat(figures.getBoolean("objectiveMet")).isTrue();
        assertThat(figures.getJsonNumber("budgetRemainingMinutes").doubleValue())
                .isCloseTo(figures.getJsonNumber("budgetMinutes").doubleValue() - used, within(0.01));
        // the portal page and the authenticated API call, each probed
        assertThat(report.getJsonArray("probes")).extracting(p -> p.asJsonObject().getString("probe"))
                .containsExactlyInAnyOrder("api", "portal");
        assertThat(report.getJsonArray("probes")).allSatisfy(p ->
                // every round succeeds on an idle machine; on a loaded one a few time out
                assertThat(p.asJsonObject().getJsonNumber("availabilityPercent").doubleValue())
                        .isGreaterThan(50.0).isLessThanOrEqualTo(100.0));
        assertThat(report.toString()).doesNotContain(b);

        // B, suspended: nothing but 503s in its steps
        JsonObject reportB = report(b);
        assertThat(reportB.getJsonObject("figures").getJsonNumber("availabilityPercent").doubleValue())
                .isLessThan(50.0);
        assertThat(reportB.toString()).doesNotContain(a);
    }

    @Test
    @Order(2)
    void theReportIsAnAccessibleFrenchPageForBrowsers() throws Exception {
        HttpResponse<String> page = send("/collectivities/" + a + "/sla-report", "text/html",
                platform.identity().operatorCredentials().authorization());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"fr\"", "Collectivité " + a, "<caption>", "incident(s)",
                "<th scope=\"col\">Début</th>", "<th scope=\"row\">", "Part des sondes réussies");
    }

    @Test
    @Order(3)
    void aCollectivityAdministratorReadsItsOwnReportAndNoOther() throws Exception {
        String adminOfA = platform.administrator(a).authorization();
        HttpResponse<String> own = send("/collectivities/" + a + "/sla-report", "application/json", adminOfA);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Platform.json(own).getString("slug")).isEqualTo(a);

        HttpResponse<String> other = send("/collectivities/" + b + "/sla-report", "application/json", adminOfA);
        assertThat(other.statusCode()).isEqualTo(403);
        assertProblem(other);
        assertThat(other.body()).doesNotContain("availabilityPercent");
        HttpResponse<String> anonymous = send("/collectivities/" + a + "/sla-report", "application/json", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void unknownCollectivitiesAndBadMonthsAreProblems() throws Exception {
        String operator = platform.identity().operatorCredentials().authorization();
        HttpResponse<String> unknown = send("/collectivities/inconnue-" + a + "/sla-report", "application/json",
                operator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(assertProblem(unknown).getString("type")).endsWith("collectivity-not-found");
        for (String month : List.of("2026-13", "novembre", "2999-01")) {
            HttpResponse<String> bad = send("/collectivities/" + a + "/sla-report?month=" + month,
                    "application/json", operator);
            assertThat(bad.statusCode()).as(month).isEqualTo(400);
            JsonObject problem = assertProblem(bad);
            assertThat(problem.getString("type")).endsWith("sla-report-month");
            assertThat(problem.getString("detail")).contains(month.equals("2026-13") ? "2026-13" : "AAAA-MM");
        }
    }

    @Test
    @Order(5)
    void withPrometheusDownTheReportIsAClear503() throws Exception {
        prometheus.close();
        HttpResponse<String> down = send("/collectivities/" + a + "/sla-report", "application/json",
                platform.identity().operatorCredentials().authorization());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).contains("60");
        JsonObject problem = assertProblem(down);
        assertThat(problem.getString("type")).endsWith("prometheus-unavailable");
        assertThat(problem.getString("detail")).contains(a, prometheus.url().toString(), "ne répond pas");
    }

    private static JsonObject assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getInt("status")).isEqualTo(response.statusCode());
        assertThat(problem.getString("title")).isNotBlank();
        return problem;
    }

    private static JsonObject report(String slug) {
        HttpResponse<String> response = platform.admin("GET", "/collectivities/" + slug + "/sla-report", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    private static HttpResponse<String> send(String path, String accept, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.server().adminBase() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept).header("Accept-Language", "fr");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
