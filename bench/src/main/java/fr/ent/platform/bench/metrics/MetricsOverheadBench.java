package fr.ent.platform.bench.metrics;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.Table;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.local.LibertyServer;
import fr.ent.platform.local.LocalIdentity;
import fr.ent.platform.local.PlatformClient;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the request metrics cost a real request. One embedded PostgreSQL and two Open Liberty servers from the same
 * assembly on the same database: ON with the metrics filter recording ({@code ENT_METRICS_ENABLED=true}), OFF with
 * it passing through ({@code false}); the synthetic probe is off on both. T collectivities with one school each;
 * a closed loop of C client threads sends {@code GET /api/directory/structures} to a collectivity drawn at random.
 * After a warm-up of each server, ON and OFF alternate for R rounds (ON OFF, OFF ON, ...), one server loaded at a
 * time, so both see the same machine; the ratio ON/OFF of p50 and p99 is taken per round and its median reported.
 * Target: p50 ratio ≤ 1.03. Parameters: -Dbench.ovh.tenants (20), .threads (4), .warmupSeconds (20),
 * .phaseSeconds (10), .rounds (8).
 */
public final class MetricsOverheadBench {

    private static final String PATH = "/api/directory/structures";
    private static final double TARGET = 1.03;

    private MetricsOverheadBench() {
    }

    record Phase(String server, int round, long requests, double throughput, double p50Ms, double p99Ms, long errors) {
    }

    public static void main(String[] args) throws Exception {
        if (!"host".equals(System.getProperty("jdk.httpclient.allowRestrictedHeaders"))) {
            throw new IllegalStateException("run with -Djdk.httpclient.allowRestrictedHeaders=host (see docs/benchmarks.md)");
        }
        int tenants = Bench.intProperty("bench.ovh.tenants", 20);
        int threads = Bench.intProperty("bench.ovh.threads", 4);
        int warmup = Bench.intProperty("bench.ovh.warmupSeconds", 20);
        int phaseSeconds = Bench.intProperty("bench.ovh.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.ovh.rounds", 8);
        say("MetricsOverheadBench: " + tenants + " collectivities, " + threads + " client threads, " + rounds
                + " rounds of " + phaseSeconds + " s per server; " + Bench.machineLine());

        Path pgdata = Files.createTempDirectory("ent-bench-pgdata-");
        Path target = Bench.targetDirectory();
        Path keycloakHome = target.resolve("keycloak");
        Bench.deleteTree(keycloakHome.resolve("data"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, Bench.freePort());
                LocalIdentity identity = LocalIdentity.start(keycloakHome, Bench.freePort(), Bench.freePort(),
                        Bench::say);
                LibertyServer on = start(target.resolve("metrics-on-liberty"), database, identity, true);
                LibertyServer off = start(target.resolve("metrics-off-liberty"), database, identity, false)) {
            PlatformClient admin = new PlatformClient(on.adminBase(), on.runtimeBase(),
                    identity.operatorCredentials()::authorization);
            List<String> domains = new ArrayList<>();
            for (int i = 1; i <= tenants; i++) {
                String slug = "ovh" + i;
                admin.ensureActive(slug, "commune", "Commune " + slug, slug + ".localhost");
                // the school is created by the collectivity's administrator; the measured reads are public
                ClientCredentials administrator = identity.setup().ensureServiceClient(Realms.ofCollectivity(slug),
                        "bench-admin", "bench-admin-secret", List.of(RealmRoles.SUPER_ADMIN));
                admin.authorizeRuntime(slug + ".localhost", administrator::authorization);
                HttpResponse<String> school = admin.postJson(slug + ".localhost", PATH, Json.createObjectBuilder()
                        .add("uai", uai(i)).add("name", "École " + i).add("type", "ECOLE").build().toString());
                if (school.statusCode() != 201) {
                    throw new IllegalStateException("school of " + slug + ": " + school.statusCode() + " " + school.body());
                }
                domains.add(slug + ".localhost");
            }
            // HTTP/1.1 keep-alive, as DirectoryReadBench: with the JDK client's default (h2c upgrade) Liberty's HTTP/2
            // writers were seen waiting forever under load, and the run hung.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest[] onRequests = requests(on, domains);
            HttpRequest[] offRequests = requests(off, domains);
            for (HttpRequest[] set : List.of(onRequests, offRequests)) { // both runtimes serve every collectivity
                for (HttpRequest r : set) {
                    awaitOk(http, r);
                }
            }
            say("Warm-up: " + warmup + " s per server");
            run("ON", 0, onRequests, threads, warmup, http);
            run("OFF", 0, offRequests, threads, warmup, http);

            List<Phase> phases = new ArrayList<>();
            Table table = new Table("round", "ON req/s", "OFF req/s", "ON p50 ms", "OFF p50 ms", "p50 ON/OFF",
                    "ON p99 ms", "OFF p99 ms", "p99 ON/OFF");
            double[] p50Ratios = new double[rounds];
            double[] p99Ratios = new double[rounds];
            double[] tputRatios = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                Phase a;
                Phase b;
                if (round % 2 == 1) {
                    a = run("ON", round, onRequests, threads, phaseSeconds, http);
                    b = run("OFF", round, offRequests, threads, phaseSeconds, http);
                } else {
                    b = run("OFF", round, offRequests, threads, phaseSeconds, http);
                    a = run("ON", round, onRequests, threads, phaseSeconds, http);
                }
                phases.add(a);
                phases.add(b);
                p50Ratios[round - 1] = a.p50Ms() / b.p50Ms();
                p99Ratios[round - 1] = a.p99Ms() / b.p99Ms();
                tputRatios[round - 1] = a.throughput() / b.throughput();
                table.row(round + (round % 2 == 1 ? " (ON first)" : " (OFF first)"), fmt(a.throughput(), 0),
                        fmt(b.throughput(), 0), fmt(a.p50Ms(), 3), fmt(b.p50Ms(), 3), fmt(p50Ratios[round - 1], 3),
                        fmt(a.p99Ms(), 2), fmt(b.p99Ms(), 2), fmt(p99Ratios[round - 1], 3));
                say(table.text().lines().reduce((x, y) -> y).orElse(""));
            }
            // The two servers really differ: ON counted the load, OFF counted nothing.
            long onSeries = requestSeries(http, on);
            long offSeries = requestSeries(http, off);
            say("ent_http_server_requests_seconds_count series: ON " + onSeries + ", OFF " + offSeries);
            if (onSeries == 0 || offSeries != 0) {
                throw new IllegalStateException("the metrics flag did not take effect: ON " + onSeries + ", OFF "
                        + offSeries);
            }
            double p50 = median(p50Ratios);
            double p99 = median(p99Ratios);
            double tput = median(tputRatios);
            table.row("median of rounds", "", "", "", "", fmt(p50, 3), "", "", fmt(p99, 3));
            long errors = phases.stream().mapToLong(Phase::errors).sum();
            boolean ok = p50 <= TARGET && errors == 0;
            Table targets = new Table("target", "measured", "");
            targets.row("p50 ON/OFF ≤ 1.03 (median of rounds)", fmt(p50, 3), ok ? "OK" : "MISSED");
            targets.row("throughput ON/OFF (median of rounds)", fmt(tput, 3), "");
            targets.row("answers other than 200", errors, errors == 0 ? "OK" : "FAILED");
            say(table.text());
            say(targets.text());
            var phaseArray = Json.createArrayBuilder();
            for (Phase p : phases) {
                phaseArray.add(Bench.object().add("server", p.server()).add("round", p.round())
                        .add("requests", p.requests()).add("throughput", p.throughput()).add("p50Ms", p.p50Ms())
                        .add("p99Ms", p.p99Ms()).add("errors", p.errors()));
            }
            var json = Bench.object().add("benchmark", "MetricsOverheadBench").add("machine", Bench.machine())
                    .add("tenants", tenants).add("threads", threads).add("warmupSeconds", warmup)
                    .add("phaseSeconds", phaseSeconds).add("rounds", rounds).add("phases", phaseArray)
                    .add("medianP50Ratio", p50).add("medianP99Ratio", p99).add("medianThroughputRatio", tput)
                    .add("targetMet", ok);
            Bench.writeResults("metrics-overhead", json.build(), "## MetricsOverheadBench\n\n" + tenants
                    + " collectivities, " + threads + " client threads, GET " + PATH + ", " + rounds + " rounds of "
                    + phaseSeconds + " s per server after " + warmup + " s warm-up (" + Bench.machineLine() + ")\n\n"
                    + table.markdown() + "\n" + targets.markdown());
            if (errors > 0) {
                System.exit(1);
            }
        } finally {
            Bench.deleteTree(pgdata);
        }
    }

    private static LibertyServer start(Path output, EmbeddedDatabase database, LocalIdentity identity,
            boolean metrics) throws IOException, InterruptedException {
        Bench.deleteTree(output);
        say("Open Liberty with metrics " + (metrics ? "ON" : "OFF") + ", output " + output);
        int httpPort = Bench.freePort();
        Map<String, String> environment = new java.util.HashMap<>(identity.libertyEnvironment(httpPort));
        environment.put("ENT_METRICS_ENABLED", Boolean.toString(metrics));
        environment.put("ENT_PROBE_ENABLED", "false");
        return LibertyServer.start(Bench.libertyHome(), output, httpPort, Bench.freePort(), database.port(),
                environment, Bench::say);
    }

    private static long requestSeries(HttpClient http, LibertyServer server) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.adminPort() + "/admin/metrics");
        String text = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("ent_http_server_requests_seconds_count{")).count();
    }

    /** The measured request on each domain (public: the bench module's smoke check sends them too). */
    public static HttpRequest[] requests(LibertyServer server, List<String> domains) {
        return domains.stream().map(d -> HttpRequest.newBuilder(URI.create(server.runtimeBase() + PATH))
                .header("Host", d).timeout(Duration.ofSeconds(30)).GET().build()).toArray(HttpRequest[]::new);
    }

    private static void awaitOk(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not served: " + request);
    }

    /** A valid UAI (7 digits + check letter) for school i. */
    private static String uai(int i) {
        String digits = String.format("%07d", 693000 + i);
        return digits + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt((int) (Long.parseLong(digits) % 23));
    }

    private static Phase run(String server, int round, HttpRequest[] requests, int threads, int seconds,
            HttpClient http) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    HttpRequest request = requests[random.nextInt(requests.length)];
                    long t0 = System.nanoTime();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    count.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        return new Phase(server, round, count.get(), count.get() / elapsed, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, errors.get());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
