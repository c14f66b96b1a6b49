package fr.ent.platform.it.sla;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.prometheus.PrometheusServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The traffic {@link SlaReportIT} reads back through the monthly report: the platform's own Prometheus (Debian
 * binary, {@link Platform#prometheus()}) scraping the server's {@code /admin/metrics} with the generated ent-sla
 * rules, and a steady mix of requests on two collectivities until a whole 5-minute step
 * of the month is over with at least two minutes of it inside.
 *
 * <p>Why apart from the test class: the wait for a step to fill is most of that test's time (up to 7 minutes). It
 * starts with the module's run ({@link SlaTrafficEarlyStart}) and fills its step while the other classes run; the mix
 * is paced (a pause after each) so that it takes little from them. It holds the server up
 * ({@link Platform#keepingTheServerUp}): a class that restarts the server waits for it to finish.
 *
 * <p>The mix, all real: collectivity A gets portal pages (200), API calls with a forged token (401, not counted) and
 * portal logins coming back with a code Keycloak never issued (302 then 502: one bad request for twelve valid ones,
 * 8.3 %); collectivity B is suspended and answers 503 to everything.
 */
final class SlaTraffic {

    static final Duration SCRAPE = Platform.PROMETHEUS_INTERVAL;
    static final Duration STEP = Duration.ofMinutes(5);
    /** How far the window of a step's rate reaches past the step's own mixes: two scrapes. */
    static final Duration EDGE = SCRAPE.multipliedBy(2);
    /** After each mix: ~20 requests per second at most, light beside the other classes. */
    private static final Duration PAUSE = Duration.ofMillis(1000);
    /**
     * A bearer token no realm issued: the API answers 401, a client error the SLI does not count. (A path that
     * matches nothing is answered 404 by Liberty before any filter runs, so it is not in the request metric.)
     */
    private static final String FORGED = "Bearer jeton-forge";

    /**
     * What the traffic left for the test to check.
     *
     * @param filledStep the end of the 5-minute step that the steady mix filled
     * @param mixes      mixes started inside the filled step
     * @param slowSeen   good requests of the mixes run inside the filled step (or {@link #EDGE} before it) that took
     *                   longer than the plan's 0.5 s seen from here (so at most that many were that slow in the
     *                   server, where they count as errors)
     */
    record Filled(PrometheusServer prometheus, String a, String b, Instant filledStep, int mixes, int slowSeen) {
    }

    private static CompletableFuture<Filled> running;

    private SlaTraffic() {
    }

    /** Starts the traffic in the background, once per test JVM. */
    static synchronized CompletableFuture<Filled> start() {
        if (running == null) {
            running = CompletableFuture.supplyAsync(() -> {
                try {
                    Platform platform = Platform.get();
                    Filled[] filled = new Filled[1];
                    platform.keepingTheServerUp(() -> filled[0] = fill(platform));
                    return filled[0];
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("the SLA traffic stopped: " + e, e);
                }
            }, runnable -> {
                Thread thread = new Thread(runnable, "sla-traffic");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return running;
    }

    /** Waits for the step to be filled (starting the traffic if nothing did yet). */
    static Filled awaitFilled() throws InterruptedException, TimeoutException {
        try {
            // platform start, two provisionings, up to 7 minutes of mix, on a shared machine
            return start().get(20, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException("the SLA traffic failed", e.getCause());
        }
    }

    private static Filled fill(Platform platform) throws IOException, InterruptedException {
        int n = ThreadLocalRandom.current().nextInt(100_000);
        return fill(platform, platform.prometheus(), n);
    }

    private static Filled fill(Platform platform, PrometheusServer prometheus, int n)
            throws IOException, InterruptedException {
        String a = platform.provisionActive("slarep-a-" + n, "slarep-a-" + n + ".localhost");
        String b = platform.provisionActive("slarep-b-" + n, "slarep-b-" + n + ".localhost");
        Mix mix = new Mix(platform, a + ".localhost", b + ".localhost");
        assertThat(platform.admin("POST", "/collectivities/" + b + "/suspend", null).statusCode()).isEqualTo(200);
        awaitTrue(Duration.ofSeconds(30), "B answering 503", () -> mix.anonymous(mix.hostB, "/").statusCode() == 503);

        // One request of each kind, then wait until Prometheus holds each series: the increase that creates a
        // series is invisible to rate(), the later ones count.
        mix.run();
        for (String series : List.of(series(a, "portal", "200"), series(a, "auth", "302"), series(a, "auth", "502"),
                series(a, "directory", "401"), series(b, "portal", "503"))) {
            awaitTrue(Duration.ofSeconds(60), series + " in Prometheus", () -> !prometheus.query(series).isEmpty());
        }

        Instant trafficStart = Instant.now();
        long stepSeconds = STEP.toSeconds();
        Instant filledStep = Instant.ofEpochSecond(
                (trafficStart.plusSeconds(120).getEpochSecond() + stepSeconds - 1) / stepSeconds * stepSeconds);
        System.out.println("SLA traffic: steady mix from " + trafficStart + " to the step ending " + filledStep);
        int mixes = 0;
        int slowSeen = 0;
        while (Instant.now().isBefore(filledStep.plusSeconds(1))) {
            Instant start = Instant.now();
            int slow = mix.run();
            if (!start.isBefore(filledStep.minus(STEP))) {
                mixes++;
            }
            if (!start.isBefore(filledStep.minus(STEP).minus(EDGE))) {
                slowSeen += slow;
            }
            Thread.sleep(PAUSE.toMillis());
        }
        System.out.println("SLA traffic: step ending " + filledStep + " filled (" + mixes + " mixes)");
        return new Filled(prometheus, a, b, filledStep, mixes, slowSeen);
    }

    /** 10 pages, 10 API calls with a forged token and one failed login on A; 10 pages of the suspended B. */
    private record Mix(Platform platform, String hostA, String hostB) {

        /** Returns how many of A's good requests took longer than 0.5 s seen from here. */
        int run() throws IOException, InterruptedException {
            int slow = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertThat(platform.get(hostA, "/").statusCode()).isEqualTo(200);
                slow += slow(start);
                assertThat(platform.send(hostA, "GET", "/api/directory/structures", null, null, FORGED)
                        .statusCode()).isEqualTo(401);
                assertThat(anonymous(hostB, "/").statusCode()).isEqualTo(503);
            }
            long start = System.nanoTime();
            HttpResponse<String> failed = platform.client().failedLogin(hostA);
            slow += slow(start); // its first half, the 302, is a good request
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
            return slow;
        }

        /** Without a token: B's realm is disabled while it is suspended. */
        HttpResponse<String> anonymous(String host, String path) {
            return platform.send(host, "GET", path, null, null, null);
        }

        private static int slow(long start) {
            return System.nanoTime() - start > 500_000_000L ? 1 : 0;
        }
    }

    static String series(String slug, String app, String status) {
        return "ent_http_server_requests_seconds_count{collectivity=\"" + slug + "\",app=\"" + app + "\",status=\""
                + status + "\"}";
    }

    interface Check {
        boolean ok() throws IOException, InterruptedException;
    }

    static void awaitTrue(Duration timeout, String what, Check check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
