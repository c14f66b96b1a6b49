package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.local.PlatformClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Directory reads on one collectivity versus spread over many. On a fresh platform, provisions T collectivities
 * (domain b{i}.localhost), gives each one school, one class and U people, then runs a closed loop of C client
 * threads doing {@code GET /api/directory/users?limit=20}: phase A on collectivity 1 only, phase B on a
 * collectivity drawn uniformly at random for each request. Every request carries the access token of one of the
 * collectivity's readers (its Teacher and Personnel, signed in with their password in the collectivity's own
 * realm, one drawn at random per request), so that B spreads token checks over every realm's keys. After a warm-up (B pattern: it touches every
 * collectivity, including the first), A and B alternate for R rounds in A B B A ... order, so that both see the
 * same machine and a drift over the run cancels out in the mean of the rounds.
 * Target: throughput B / A ≥ 0.90. Any answer other than 200 fails the run. Besides throughput and latency, each
 * phase reports the CPU spent per request by the platform's processes (Liberty and Keycloak), by PostgreSQL, and
 * by the whole machine ({@link ProcessCpu}): the first two the neighbours of a shared machine disturb much less than
 * throughput; the last is the honest total when the bench runs alone.
 * Parameters: -Dbench.dir.tenants (200), .users (20), .threads (16), .warmupSeconds (15), .phaseSeconds (10),
 * .rounds (6), .shardCapacity (0) and .shardHeap (kc.sh's default); {@code -Dbench.variants=…} compares server
 * settings side by side on one set-up ({@link ServerVariants}).
 * <p>With {@code -Dbench.dir.shardCapacity=N} (N &gt; 0) the realms are spread over Keycloak shards of N realms, as
 * the platform spreads them in production (ADR 0044, ADR 0050): one Keycloak is too slow to create a thousand
 * realms. The platform's Keycloak is the shard {@code default}; whenever every open shard is full, one more Keycloak
 * starts on its own database of the platform's PostgreSQL and is registered through tenant-manager's admin API
 * ({@link BenchPlatform#spreadRealms}), and each reader signs in on the Keycloak of its collectivity's shard.
 */
public final class DirectoryReadBench {

    public static final String PATH = "/api/directory/users?limit=20";

    /**
     * What changes the collectivities between their seeding and the measure, and says so in the report: nothing by
     * default; {@code bench.france.FranceReadBench} fills each directory with a collectivity of the generated France.
     */
    public interface Fill {
        /** Returns the targets, the one A reads first. */
        Target[] fill(BenchPlatform platform, Target[] targets, int users) throws Exception;

        /** For the report's first line and its JSON, e.g. "each directory filled with …". */
        String description();
    }
    private static final double TARGET_RATIO = 0.90;
    /** Issue 19: the p99 of reads spread over every collectivity at most 1.1 times that of reads on one. */
    private static final double TARGET_P99_RATIO = 1.10;
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
        "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux"};
    private static final String[] FIRST = {"Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Emma", "Jules",
        "Inès", "Gabriel", "Jade", "Arthur", "Louise", "Nathan", "Alice", "Raphaël"};

    private DirectoryReadBench() {
    }

    record Phase(String name, String pattern, int round, double seconds, long requests, double throughput,
            double p50Ms, double p90Ms, double p99Ms, double maxMs, long errors, double platformCpuMsPerRequest,
            double keycloakCpuMsPerRequest, double clientCpuMsPerRequest, double postgresCpuMsPerRequest,
            double machineCpuMsPerRequest, double plansPerRequest, double planMsPerRequest, double execMsPerRequest,
            double blocksReadPerRequest) {
    }

    /**
     * What one turn of the closed loop does for a collectivity (one request, or a whole login): null when it
     * succeeded, else a short kind of failure (the failures are counted by kind, so no per-user detail in it).
     */
    @FunctionalInterface
    interface Exchange {
        String perform(Target target, ThreadLocalRandom random) throws IOException, InterruptedException;
    }

    /** GET {@code uri} as one of the target's readers drawn at random; anything but 200 fails. */
    static Exchange read(URI uri, HttpClient http) {
        return (target, random) -> {
            Reader reader = target.readers().get(random.nextInt(target.readers().size()));
            HttpRequest request = reader.request(uri, target.host());
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return null;
            }
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            return "HTTP " + response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        };
    }

    public static void main(String[] args) throws Exception {
        benchmark(null);
    }

    /** The bench, with {@code fill} (or none) between the seeding and the measure. */
    public static void benchmark(Fill fill) throws Exception {
        int tenants = Bench.intProperty("bench.dir.tenants", 200);
        int users = Bench.intProperty("bench.dir.users", 20);
        int threads = Bench.intProperty("bench.dir.threads", 16);
        int warmup = Bench.intProperty("bench.dir.warmupSeconds", 15);
        int phaseSeconds = Bench.intProperty("bench.dir.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.dir.rounds", 6);
        int shardCapacity = Bench.intProperty("bench.dir.shardCapacity", 0);
        String shardHeap = System.getProperty("bench.dir.shardHeap", "");
        String fillNote = fill == null ? "" : "; then " + fill.description();
        say("DirectoryReadBench: " + tenants + " collectivities × (1 school, 1 class, " + users + " people); "
                + threads + " client threads; warm-up " + warmup + " s; " + rounds + " rounds of A then B, "
                + phaseSeconds + " s each" + (shardCapacity > 0 ? "; realms on Keycloak shards of " + shardCapacity
                        + (shardHeap.isBlank() ? "" : " (heap '" + shardHeap + "')") : "; realms on one Keycloak")
                + fillNote);
        say("Machine: " + Bench.machineLine());

        List<Phase> phases = new ArrayList<>();
        AtomicLong totalErrors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        var json = Bench.object().add("benchmark", "DirectoryReadBench").add("machine", Bench.machine());
        long setupSeconds;
        int shards;
        int spreadOver = tenants; // B's collectivities: all of them unless the fill keeps fewer
        try (BenchPlatform platform = BenchPlatform.start("directory-read")) {
            long t0 = System.nanoTime();
            if (shardCapacity > 0) {
                platform.spreadRealms(shardCapacity,
                        shardHeap.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(shardHeap));
            }
            Target[] targets = prepare(platform, "", tenants, users);
            if (fill != null) {
                targets = fill.fill(platform, targets, users);
                spreadOver = targets.length;
            }
            setupSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
            shards = platform.shardCount();
            say("  seeded and signed in, in total " + setupSeconds + " s, realms on " + shards + " Keycloak shard(s)");

            StatementStats.watch(platform); // plans per request, with -Dent.db.statementStats=true
            HttpClient http = client();
            URI uri = URI.create(platform.server().runtimeBase() + PATH);
            if (ServerVariants.requested()) { // e.g. ent.db.lanes:1,ent.db.lanes:4,... (ADR 0057)
                ServerVariants.run("directory-read", platform, targets, uri, threads, warmup, rounds, phaseSeconds,
                        http, totalErrors, errorKinds, spreadOver, () -> {
                            // a bearer token needs no session: every answer of the phases was already checked
                        });
                platform.printLogProblems();
                return;
            }
            phases.addAll(interleaved(targets, uri, threads, warmup, rounds, phaseSeconds, http, totalErrors,
                    errorKinds));
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }

        // ---- report
        Table table = phaseTable(phases, spreadOver);
        Comparison comparison = compare(phases, rounds);
        Table ratios = comparison.table();
        double meanA = comparison.meanA();
        double meanB = comparison.meanB();
        double ratio = comparison.ratio();
        double cpuRatio = comparison.cpuRatio();
        double medianRatio = comparison.medianRatio();
        boolean ok = ratio >= TARGET_RATIO;
        double p99Ratio = comparison.p99Ratio();
        boolean p99Ok = p99Ratio <= TARGET_P99_RATIO;
        Table targets = new Table("target", "measured", "verdict");
        targets.row("B/A throughput ≥ 0.90 (mean of rounds)", fmt(ratio, 3), ok ? "OK" : "MISSED");
        targets.row("B/A p99 ≤ 1.10 (issue 19; mean of the rounds' p99)", fmt(p99Ratio, 3), p99Ok ? "OK" : "MISSED");
        targets.row("no answer other than 200", totalErrors.get() + " non-200", totalErrors.get() == 0 ? "OK" : "FAILED");

        String header = "DirectoryReadBench — GET " + PATH + ", " + threads + " client threads, " + tenants
                + " tenants × " + users + " people, " + rounds + " rounds (A B, B A, ...) of " + phaseSeconds
                + " s per phase after " + warmup + " s warm-up, realms on " + (shardCapacity > 0 ? shards
                        + " Keycloak shards of " + shardCapacity : "one Keycloak") + " (" + Bench.machineLine() + ")";
        say("");
        say(header);
        say("");
        say(table.text());
        say(ratios.text());
        say(targets.text());
        if (!errorKinds.isEmpty()) {
            say("Non-200 answers / failures by kind:");
            errorKinds.forEach((k, v) -> say("  " + v.get() + " × " + k));
        }

        JsonArrayBuilder phaseJson = phaseJson(phases);
        var errorsJson = Json.createObjectBuilder();
        errorKinds.forEach((k, v) -> errorsJson.add(k, v.get()));
        json.add("parameters", Json.createObjectBuilder().add("tenants", tenants).add("usersPerTenant", users)
                        .add("threads", threads).add("warmupSeconds", warmup).add("phaseSeconds", phaseSeconds)
                        .add("rounds", rounds).add("path", PATH).add("shardCapacity", shardCapacity)
                        .add("shardHeap", shardHeap).add("fill", fill == null ? "" : fill.description()))
                .add("keycloakShards", shards)
                .add("setupSeconds", setupSeconds).add("phases", phaseJson).add("meanThroughputA", meanA)
                .add("meanThroughputB", meanB).add("ratioBA", ratio).add("medianRoundRatioBA", medianRatio)
                .add("platformCpuRatioBA", cpuRatio).add("targetMet", ok)
                .add("p99RatioBA", finite(p99Ratio)).add("p99TargetMet", p99Ok)
                .add("non200", totalErrors.get()).add("failures", errorsJson);
        StringBuilder md = new StringBuilder("## " + header + "\n\n").append(table.markdown()).append('\n')
                .append(ratios.markdown()).append('\n').append(targets.markdown());
        if (!errorKinds.isEmpty()) {
            md.append("\nNon-200 answers / failures by kind:\n\n");
            errorKinds.forEach((k, v) -> md.append("- ").append(v.get()).append(" × `").append(k).append("`\n"));
        }
        Bench.writeResults("directory-read", json.build(), md.toString());
        if (totalErrors.get() > 0) {
            say("FAILED: " + totalErrors.get() + " answers other than 200");
            System.exit(1);
        }
    }

    /**
     * A warm-up (pattern B, which touches every collectivity), then {@code rounds} rounds of one A and one B phase,
     * A B then B A ...: a drift of the machine or of the server's warm-up over the run favours neither pattern once
     * the rounds are averaged. Returns the measured phases (not the warm-up).
     */
    static List<Phase> interleaved(Target[] targets, URI uri, int threads, int warmup, int rounds, int phaseSeconds,
            HttpClient http, AtomicLong totalErrors, Map<String, AtomicLong> errorKinds) throws InterruptedException {
        return interleaved(targets, read(uri, http), threads, warmup, rounds, phaseSeconds, totalErrors, errorKinds);
    }

    /** The same for any exchange (a login rather than a read). */
    static List<Phase> interleaved(Target[] targets, Exchange exchange, int threads, int warmup, int rounds,
            int phaseSeconds, AtomicLong totalErrors, Map<String, AtomicLong> errorKinds) throws InterruptedException {
        List<Phase> phases = new ArrayList<>();
        say("Warm-up " + warmup + " s (pattern B) ...");
        run("warm-up", "B", 0, targets, exchange, threads, warmup, totalErrors, errorKinds);
        for (int round = 1; round <= rounds; round++) {
            for (String pattern : round % 2 == 1 ? List.of("A", "B") : List.of("B", "A")) {
                Phase phase = run(pattern + round, pattern, round, targets, exchange, threads, phaseSeconds,
                        totalErrors, errorKinds);
                phases.add(phase);
                say(String.format("  %-3s %8.1f req/s  p50 %6.2f ms  p99 %7.2f ms  platform CPU %5.2f ms/req"
                        + " (Keycloak %5.2f; PostgreSQL %5.2f)  machine CPU %5.2f ms/req  errors %d  (load %s)",
                        phase.name(), phase.throughput(), phase.p50Ms(), phase.p99Ms(),
                        phase.platformCpuMsPerRequest(), phase.keycloakCpuMsPerRequest(),
                        phase.postgresCpuMsPerRequest(), phase.machineCpuMsPerRequest(), phase.errors(),
                        loadAverage()) + (Double.isNaN(phase.plansPerRequest()) ? "" : String.format(
                                "  PostgreSQL plans %5.2f/req (%5.2f ms), execution %5.2f ms/req, blocks read"
                                + " %6.2f/req", phase.plansPerRequest(), phase.planMsPerRequest(),
                                phase.execMsPerRequest(), phase.blocksReadPerRequest())));
            }
        }
        return phases;
    }

    /** One line per phase. */
    static Table phaseTable(List<Phase> phases, int tenants) {
        Table table = new Table("phase", "pattern", "s", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "platform CPU ms/req", "of which Keycloak", "client CPU ms/req", "PostgreSQL CPU ms/req",
                "machine CPU ms/req", "PostgreSQL plans/req", "PostgreSQL execution ms/req",
                "PostgreSQL blocks read/req", "non-200");
        for (Phase p : phases) {
            table.row(p.name(), p.pattern().equals("A") ? "A: one tenant" : "B: " + tenants + " tenants",
                    fmt(p.seconds(), 1), p.requests(), fmt(p.throughput(), 1), fmt(p.p50Ms(), 2), fmt(p.p90Ms(), 2),
                    fmt(p.p99Ms(), 2), fmt(p.maxMs(), 1), fmt(p.platformCpuMsPerRequest(), 2),
                    fmt(p.keycloakCpuMsPerRequest(), 2), fmt(p.clientCpuMsPerRequest(), 2), fmt(p.postgresCpuMsPerRequest(), 2),
                    fmt(p.machineCpuMsPerRequest(), 2),
                    Double.isNaN(p.plansPerRequest()) ? "" : fmt(p.plansPerRequest(), 2),
                    Double.isNaN(p.execMsPerRequest()) ? "" : fmt(p.execMsPerRequest(), 3),
                    Double.isNaN(p.blocksReadPerRequest()) ? "" : fmt(p.blocksReadPerRequest(), 2), p.errors());
        }
        return table;
    }

    static JsonArrayBuilder phaseJson(List<Phase> phases) {
        JsonArrayBuilder phaseJson = Json.createArrayBuilder();
        for (Phase p : phases) {
            phaseJson.add(Json.createObjectBuilder().add("phase", p.name()).add("pattern", p.pattern())
                    .add("round", p.round()).add("seconds", p.seconds()).add("requests", p.requests())
                    .add("throughput", p.throughput()).add("p50Ms", p.p50Ms()).add("p90Ms", p.p90Ms())
                    .add("p99Ms", p.p99Ms()).add("maxMs", p.maxMs()).add("non200", p.errors())
                    .add("platformCpuMsPerRequest", p.platformCpuMsPerRequest())
                    .add("keycloakCpuMsPerRequest", finite(p.keycloakCpuMsPerRequest()))
                    .add("clientCpuMsPerRequest", p.clientCpuMsPerRequest())
                    .add("postgresCpuMsPerRequest", finite(p.postgresCpuMsPerRequest()))
                    .add("machineCpuMsPerRequest", finite(p.machineCpuMsPerRequest()))
                    .add("postgresPlansPerRequest", finite(p.plansPerRequest()))
                    .add("postgresPlanMsPerRequest", finite(p.planMsPerRequest()))
                    .add("postgresExecMsPerRequest", finite(p.execMsPerRequest()))
                    .add("postgresBlocksReadPerRequest", finite(p.blocksReadPerRequest())));
        }
        return phaseJson;
    }

    /** JSON has no NaN: a figure that could not be measured is written as -1. */
    private static double finite(double value) {
        return Double.isFinite(value) ? value : -1;
    }

    /** The A/B comparison of interleaved phases: per round, mean of rounds, median of the round ratios. */
    record Comparison(Table table, double meanA, double meanB, double ratio, double cpuRatio, double medianRatio,
            double p99Ratio) {
    }

    static Comparison compare(List<Phase> phases, int rounds) {
        Table ratios = new Table("comparison", "A req/s", "B req/s", "B/A throughput", "A p99 ms", "B p99 ms",
                "B/A p99", "B/A platform CPU per req", "B/A Keycloak CPU per req", "B/A PostgreSQL CPU per req",
                "B/A machine CPU per req");
        double sumA = 0;
        double sumB = 0;
        double sumCpuA = 0;
        double sumCpuB = 0;
        double sumKcA = 0;
        double sumKcB = 0;
        double sumPgA = 0;
        double sumPgB = 0;
        double sumMachineA = 0;
        double sumMachineB = 0;
        double sumP99A = 0;
        double sumP99B = 0;
        double[] roundRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        double[] p99Ratios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            Phase a = phases.stream().filter(p -> p.round() == r && p.pattern().equals("A")).findFirst().orElseThrow();
            Phase b = phases.stream().filter(p -> p.round() == r && p.pattern().equals("B")).findFirst().orElseThrow();
            sumA += a.throughput();
            sumB += b.throughput();
            sumCpuA += a.platformCpuMsPerRequest();
            sumCpuB += b.platformCpuMsPerRequest();
            sumKcA += a.keycloakCpuMsPerRequest();
            sumKcB += b.keycloakCpuMsPerRequest();
            sumPgA += a.postgresCpuMsPerRequest();
            sumPgB += b.postgresCpuMsPerRequest();
            sumMachineA += a.machineCpuMsPerRequest();
            sumMachineB += b.machineCpuMsPerRequest();
            sumP99A += a.p99Ms();
            sumP99B += b.p99Ms();
            roundRatios[round - 1] = b.throughput() / a.throughput();
            cpuRatios[round - 1] = b.platformCpuMsPerRequest() / a.platformCpuMsPerRequest();
            p99Ratios[round - 1] = b.p99Ms() / a.p99Ms();
            ratios.row("round " + round + (round % 2 == 1 ? " (A then B)" : " (B then A)"),
                    fmt(a.throughput(), 1), fmt(b.throughput(), 1), fmt(roundRatios[round - 1], 3), fmt(a.p99Ms(), 2),
                    fmt(b.p99Ms(), 2), fmt(p99Ratios[round - 1], 3), fmt(cpuRatios[round - 1], 3),
                    fmt(b.keycloakCpuMsPerRequest() / a.keycloakCpuMsPerRequest(), 3),
                    fmt(b.postgresCpuMsPerRequest() / a.postgresCpuMsPerRequest(), 3),
                    fmt(b.machineCpuMsPerRequest() / a.machineCpuMsPerRequest(), 3));
        }
        double meanA = sumA / rounds;
        double meanB = sumB / rounds;
        double ratio = meanB / meanA;
        double cpuRatio = sumCpuB / sumCpuA;
        double p99Ratio = sumP99B / sumP99A;
        double medianRatio = median(roundRatios);
        ratios.row("mean of rounds", fmt(meanA, 1), fmt(meanB, 1), fmt(ratio, 3), fmt(sumP99A / rounds, 2),
                fmt(sumP99B / rounds, 2), fmt(p99Ratio, 3), fmt(cpuRatio, 3), fmt(sumKcB / sumKcA, 3),
                fmt(sumPgB / sumPgA, 3),
                fmt(sumMachineB / sumMachineA, 3));
        ratios.row("median of round ratios", "", "", fmt(medianRatio, 3), "", "", fmt(median(p99Ratios), 3),
                fmt(median(cpuRatios), 3), "", "", "");
        return new Comparison(ratios, meanA, meanB, ratio, cpuRatio, medianRatio, p99Ratio);
    }

    /** Closed loop: each thread sends its next request as soon as the previous answer is read. */
    static Phase run(String name, String pattern, int round, Target[] targets, URI uri, int threads,
            int seconds, HttpClient http, AtomicLong totalErrors, Map<String, AtomicLong> errorKinds)
            throws InterruptedException {
        return run(name, pattern, round, targets, read(uri, http), threads, seconds, totalErrors, errorKinds);
    }

    /** The same loop for any exchange: each thread starts its next exchange as soon as the previous one ended. */
    static Phase run(String name, String pattern, int round, Target[] targets, Exchange exchange, int threads,
            int seconds, AtomicLong totalErrors, Map<String, AtomicLong> errorKinds) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong count = new AtomicLong();
        double platformCpu0 = ProcessCpu.platformMillis();
        double keycloakCpu0 = ProcessCpu.keycloakMillis();
        double clientCpu0 = ProcessCpu.selfMillis();
        double postgresCpu0 = ProcessCpu.postgresMillis();
        double machineCpu0 = ProcessCpu.machineBusyMillis();
        java.util.Optional<StatementStats.Planning> planning0 = StatementStats.planning();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    Target target = pattern.equals("A") ? targets[0] : targets[random.nextInt(targets.length)];
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        failure = exchange.perform(target, random);
                    } catch (IOException e) {
                        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000)); // µs
                    count.incrementAndGet();
                    if (failure != null) {
                        errors.incrementAndGet();
                        totalErrors.incrementAndGet();
                        errorKinds.computeIfAbsent(name + ": " + failure, k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow(); // its threads are not daemons: left running, they would keep a failed bench alive
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double platformCpu = ProcessCpu.platformMillis() - platformCpu0;
        double keycloakCpu = ProcessCpu.keycloakMillis() - keycloakCpu0;
        double clientCpu = ProcessCpu.selfMillis() - clientCpu0;
        double postgresCpu = ProcessCpu.postgresMillis() - postgresCpu0;
        double machineCpu = ProcessCpu.machineBusyMillis() - machineCpu0;
        java.util.Optional<StatementStats.Planning> planning1 = StatementStats.planning();
        // planned at each call or kept: what the PostgreSQL CPU per request hides (ADR 0047)
        // and where the rest goes: execution, and blocks not found in shared buffers (read from the OS's cache)
        double plans = Double.NaN;
        double planMillis = Double.NaN;
        double execMillis = Double.NaN;
        double blocksRead = Double.NaN;
        if (planning0.isPresent() && planning1.isPresent() && planning1.get().plans() >= planning0.get().plans()) {
            StatementStats.Planning before = planning0.get();
            StatementStats.Planning after = planning1.get();
            plans = (after.plans() - before.plans()) / (double) count.get();
            planMillis = (after.planMillis() - before.planMillis()) / count.get();
            execMillis = (after.execMillis() - before.execMillis()) / count.get();
            blocksRead = (after.blocksRead() - before.blocksRead()) / (double) count.get();
        }
        Histogram h = recorder.getIntervalHistogram();
        return new Phase(name, pattern, round, elapsed, count.get(), count.get() / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, errors.get(),
                platformCpu / count.get(), keycloakCpu / count.get(), clientCpu / count.get(), postgresCpu / count.get(),
                machineCpu / count.get(), plans, planMillis, execMillis, blocksRead);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String loadAverage() {
        return fmt(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    /** A collectivity's domain and the accounts whose reads are measured there. */
    public record Target(String host, List<? extends Reader> readers) {
    }

    /** The HTTP client of the load: HTTP/1.1 keep-alive (the JDK's h2c upgrade was seen to hang Liberty's writers). */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Provisions {@code tenants} collectivities (slug dir{prefix}-i, domain b{prefix}i.localhost), seeds each
     * directory, checks the first and last, and signs in each one's readers (its Teacher and Personnel, who may
     * list the directory) with their password in its own realm, fetching each reader's first token.
     */
    static Target[] prepare(BenchPlatform platform, String prefix, int tenants, int users) throws Exception {
        long t0 = System.nanoTime();
        String[] hosts = new String[tenants];
        for (int i = 1; i <= tenants; i++) {
            hosts[i - 1] = "b" + prefix + i + ".localhost";
            String slug = "dir" + prefix + "-" + i;
            // realms spread over shards (bench.dir.shardCapacity): room for this one, on a new shard if need be
            boolean newShard = platform.openShardIfAllFull().isPresent();
            platform.provision(slug, hosts[i - 1], 20);
            platform.authorizeAsAdministrator(slug, hosts[i - 1]);
            if (newShard || i % 50 == 0 || i == tenants) {
                say("  provisioned " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s), "
                        + slug + " on shard " + platform.shardOf(slug));
            }
        }
        seed(platform.client(), hosts, users);
        for (String host : List.of(hosts[0], hosts[tenants - 1])) {
            HttpResponse<String> check = platform.client().get(host, PATH);
            if (check.statusCode() != 200 || PlatformClient.json(check).getJsonNumber("total").longValue() != users
                    || PlatformClient.json(check).getJsonArray("items").size() != Math.min(20, users)) {
                throw new IllegalStateException("unexpected answer on " + host + ": " + check.statusCode() + " "
                        + check.body());
            }
        }
        Target[] targets = new Target[tenants];
        Map<String, Integer> readersPerShard = new java.util.TreeMap<>();
        for (int i = 1; i <= tenants; i++) {
            // on the Keycloak of the collectivity's shard (BenchPlatform finds it): the tokens come from there, and
            // the runtime checks them against that server's keys
            List<PasswordLogin> readers = platform.signIn("dir" + prefix + "-" + i, hosts[i - 1],
                    java.util.Set.of("Teacher", "Personnel"));
            if (readers.isEmpty()) {
                throw new IllegalStateException(hosts[i - 1] + " has no Teacher or Personnel to read its directory");
            }
            // the first token of a new realm costs Keycloak a key generation: paid here, not in the measure
            readers.forEach(PasswordLogin::authorization);
            targets[i - 1] = new Target(hosts[i - 1], readers);
            if (platform.shardCount() > 1) {
                readersPerShard.merge(platform.shardOf("dir" + prefix + "-" + i), readers.size(), Integer::sum);
            }
            if (i % 50 == 0 || i == tenants) {
                say("  signed in " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
            }
        }
        if (platform.shardCount() > 1) {
            say("  readers signed in per shard, each on its shard's Keycloak: " + readersPerShard);
        }
        return targets;
    }

    /** One school, one class, {@code users} people per collectivity, through the directory API; 4 in parallel. */
    static void seed(PlatformClient client, String[] hosts, int users) throws Exception {
        seed(client, hosts, index -> users);
    }

    /** As {@link #seed(PlatformClient, String[], int)}, with {@code usersOf.applyAsInt(i)} people in collectivity i. */
    static void seed(PlatformClient client, String[] hosts, java.util.function.IntUnaryOperator usersOf)
            throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        AtomicLong seeded = new AtomicLong();
        for (int i = 0; i < hosts.length; i++) {
            int index = i + 1;
            String host = hosts[i];
            done.add(pool.submit(() -> {
                seedOne(client, host, index, usersOf.applyAsInt(index));
                long n = seeded.incrementAndGet();
                if (n % 50 == 0 || n == hosts.length) {
                    say("  seeded " + n + "/" + hosts.length + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void seedOne(PlatformClient client, String host, int index, int users) throws Exception {
        // the runtime learns of a new collectivity within a second: wait for it (bounded)
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            HttpResponse<String> r = client.get(host, "/api/directory/structures");
            if (r.statusCode() == 200) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(host + " not served: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(100);
        }
        // 9,000,000 + i: outside the generated France's UAIs (1,000,000 + school), which a France run adds beside it
        String digits = String.format("%07d", 9_000_000 + index);
        String uai = digits + CHECK_LETTERS.charAt(Integer.parseInt(digits) % CHECK_LETTERS.length());
        String structureId = idOf(host, client.postJson(host, "/api/directory/structures", Json.createObjectBuilder()
                .add("uai", uai).add("name", "École bench " + index).add("type", "ECOLE").build().toString()));
        String classId = idOf(host, client.postJson(host, "/api/directory/structures/" + structureId + "/classes",
                Json.createObjectBuilder().add("name", "CM2").build().toString()));
        for (int u = 0; u < users; u++) {
            String profile = u == 0 ? "Teacher" : u == users - 1 && users > 2 ? "Personnel" : "Student";
            var user = Json.createObjectBuilder().add("profile", profile)
                    .add("lastName", LAST[(index + u) % LAST.length]).add("firstName", FIRST[(index * 7 + u) % FIRST.length])
                    .add("structureId", structureId);
            if (!profile.equals("Personnel")) {
                user.add("classIds", Json.createArrayBuilder().add(classId));
            }
            idOf(host, client.postJson(host, "/api/directory/users", user.build().toString()));
        }
    }

    private static String idOf(String host, HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            throw new IllegalStateException(host + ": creation refused: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
