package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.median;
import static fr.ent.platform.bench.Bench.percentile;
import static fr.ent.platform.bench.Bench.say;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provisioning time as the platform fills up: on a fresh platform, creates N collectivities one after another
 * through the admin API (POST /collectivities → 202, then GET until ACTIVE) and reports how the time of one
 * provisioning evolves from the 1st to the Nth. Targets: p50 ≤ 2 s, and the last ≤ 1.5 × the first
 * (compared on medians of 5-tenant windows, which the machine's noise makes necessary).
 * Before them, W warm-up collectivities (default 50, not counted, reported apart) let the server's JIT and pools
 * warm up, so that the 1st measured provisioning is not a cold-start outlier that would flatter the ratio; the
 * platform then holds W + N collectivities.
 * Parameters: -Dbench.tenants (500), -Dbench.warmupTenants (50), -Dbench.pollMillis (10).
 */
public final class ProvisioningBench {

    private static final int WINDOW = 5;
    private static final double TARGET_P50_MS = 2000;
    private static final double TARGET_RATIO = 1.5;

    private ProvisioningBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Bench.intProperty("bench.tenants", 500);
        int pollMillis = Bench.intProperty("bench.pollMillis", 10);
        int warmupTenants = Integer.getInteger("bench.warmupTenants", 50);
        say("ProvisioningBench: " + warmupTenants + " warm-up + " + n
                + " measured collectivities, one after another, poll every " + pollMillis + " ms");
        say("Machine: " + Bench.machineLine());

        long[] active = new long[n]; // ms, POST → ACTIVE
        long[] post = new long[n]; // ms, POST → 202
        List<Map<String, Long>> steps = new ArrayList<>();
        long runStart;
        long runNanos;
        var json = Bench.object().add("benchmark", "ProvisioningBench").add("machine", Bench.machine());
        long[] warm = new long[warmupTenants];
        try (BenchPlatform platform = BenchPlatform.start("provisioning")) {
            for (int i = 0; i < warmupTenants; i++) {
                warm[i] = platform.provision("warm-" + (i + 1), "w" + (i + 1) + ".localhost", pollMillis).activeNanos()
                        / 1_000_000;
            }
            if (warmupTenants > 0) {
                say("  warm-up (not counted): " + warmupTenants + " collectivities, median "
                        + fmt(median(warm), 0) + " ms, first " + warm[0] + " ms");
            }
            runStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i + 1;
                BenchPlatform.Provisioned p = platform.provision("prov-" + k, "p" + k + ".localhost", pollMillis);
                active[i] = p.activeNanos() / 1_000_000;
                post[i] = p.postNanos() / 1_000_000;
                steps.add(platform.stepMillis(p.slug()));
                if (k == 1 || k % 50 == 0 || k == n) {
                    long[] sofar = Arrays.copyOf(active, k);
                    say(String.format("  %4d/%d  this one %5d ms  median so far %6.0f ms  elapsed %4d s", k, n, active[i],
                            median(sofar), (System.nanoTime() - runStart) / 1_000_000_000L));
                }
            }
            runNanos = System.nanoTime() - runStart;
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }

        // ---- report
        Table single = new Table("tenant #", "POST→ACTIVE ms", "POST→202 ms");
        for (int k : checkpoints(n)) {
            single.row(k, active[k - 1], post[k - 1]);
        }
        Table overall = new Table("statistic", "POST→ACTIVE ms");
        overall.row("p50", percentile(active, 50)).row("p90", percentile(active, 90))
                .row("p99", percentile(active, 99)).row("max", percentile(active, 100))
                .row("mean", fmt(Arrays.stream(active).average().orElse(0), 0));

        int w = Math.min(WINDOW, n);
        double firstWindow = median(Arrays.copyOfRange(active, 0, w));
        double lastWindow = median(Arrays.copyOfRange(active, n - w, n));
        double ratioSingle = active[0] == 0 ? Double.NaN : (double) active[n - 1] / active[0];
        double ratioWindow = lastWindow / firstWindow;
        Table ratios = new Table("comparison", "first", "last", "last/first");
        ratios.row("single: #1 vs #" + n, active[0], active[n - 1], fmt(ratioSingle, 2));
        ratios.row("median #1-" + w + " vs #" + (n - w + 1) + "-" + n, fmt(firstWindow, 0), fmt(lastWindow, 0),
                fmt(ratioWindow, 2));
        // the server's JIT is still settling during the first hundred or so: a second fifth versus last fifth
        // comparison shows growth with N without that warm-up bias
        int fifth = n / 5;
        double secondFifth = fifth == 0 ? Double.NaN : median(Arrays.copyOfRange(active, fifth, 2 * fifth));
        double lastFifth = fifth == 0 ? Double.NaN : median(Arrays.copyOfRange(active, n - fifth, n));
        if (fifth > 0) {
            ratios.row("median #" + (fifth + 1) + "-" + 2 * fifth + " vs #" + (n - fifth + 1) + "-" + n,
                    fmt(secondFifth, 0), fmt(lastFifth, 0), fmt(lastFifth / secondFifth, 2));
        }

        // the trend, by blocks of 50 (or fewer for small runs), with the server-side step breakdown
        int block = n >= 100 ? 50 : Math.max(1, n / 4);
        Set<String> stepNames = new LinkedHashSet<>();
        steps.forEach(s -> stepNames.addAll(s.keySet()));
        List<String> headers = new ArrayList<>(List.of("tenants", "p50 ms", "p90 ms", "max ms"));
        stepNames.forEach(s -> headers.add(s + " p50"));
        Table trend = new Table(headers.toArray(String[]::new));
        JsonArrayBuilder trendJson = Json.createArrayBuilder();
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            long[] slice = Arrays.copyOfRange(active, from, to);
            List<Object> row = new ArrayList<>(List.of((from + 1) + "-" + to, fmt(median(slice), 0),
                    percentile(slice, 90), percentile(slice, 100)));
            JsonObjectBuilder stepJson = Json.createObjectBuilder();
            for (String name : stepNames) {
                long[] values = steps.subList(from, to).stream().filter(m -> m.containsKey(name))
                        .mapToLong(m -> m.get(name)).toArray();
                row.add(fmt(median(values), 0));
                stepJson.add(name, median(values));
            }
            trend.row(row.toArray());
            trendJson.add(Json.createObjectBuilder().add("from", from + 1).add("to", to).add("p50Ms", median(slice))
                    .add("p90Ms", percentile(slice, 90)).add("maxMs", percentile(slice, 100)).add("stepP50Ms", stepJson));
        }

        long p50 = percentile(active, 50);
        boolean p50Ok = p50 <= TARGET_P50_MS;
        boolean ratioOk = ratioWindow <= TARGET_RATIO;
        Table targets = new Table("target", "measured", "verdict");
        targets.row("p50 ≤ 2000 ms", p50 + " ms", p50Ok ? "OK" : "MISSED");
        targets.row("last ≤ 1.5 × first (window medians)", fmt(ratioWindow, 2) + " ×", ratioOk ? "OK" : "MISSED");
        targets.row("last ≤ 1.5 × first (single values)", fmt(ratioSingle, 2) + " ×",
                ratioSingle <= TARGET_RATIO ? "OK" : "MISSED");

        String header = "ProvisioningBench — " + n + " collectivities provisioned one after another (after "
                + warmupTenants + " warm-up ones), total "
                + runNanos / 1_000_000_000L + " s (" + Bench.machineLine() + ")";
        say("");
        say(header);
        say("");
        if (warmupTenants > 0) {
            say("Warm-up collectivities (not counted), POST→ACTIVE: first " + warm[0] + " ms, median "
                    + fmt(median(warm), 0) + " ms, last " + warm[warmupTenants - 1] + " ms");
            say("");
        }
        say(single.text());
        say(overall.text());
        say(ratios.text());
        say("Trend by block (POST→ACTIVE; step columns: server-side step durations, ms):");
        say(trend.text());
        say(targets.text());

        StringBuilder md = new StringBuilder("## " + header + "\n\n");
        if (warmupTenants > 0) {
            md.append("Warm-up collectivities (not counted), POST→ACTIVE: first ").append(warm[0]).append(" ms, median ")
                    .append(fmt(median(warm), 0)).append(" ms, last ").append(warm[warmupTenants - 1]).append(" ms\n\n");
        }
        md.append(single.markdown()).append('\n')
                .append(overall.markdown()).append('\n').append(ratios.markdown()).append('\n')
                .append("Trend by block (POST→ACTIVE; step columns: server-side step durations, ms):\n\n")
                .append(trend.markdown()).append('\n').append(targets.markdown());
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            all.add(Json.createObjectBuilder().add("tenant", i + 1).add("activeMs", active[i]).add("postMs", post[i]));
        }
        JsonArrayBuilder warmJson = Json.createArrayBuilder();
        Arrays.stream(warm).forEach(warmJson::add);
        json.add("parameters", Json.createObjectBuilder().add("tenants", n).add("warmupTenants", warmupTenants)
                        .add("pollMillis", pollMillis))
                .add("warmupActiveMs", warmJson)
                .add("totalSeconds", runNanos / 1e9)
                .add("p50Ms", p50).add("p90Ms", percentile(active, 90)).add("p99Ms", percentile(active, 99))
                .add("maxMs", percentile(active, 100))
                .add("firstMs", active[0]).add("lastMs", active[n - 1])
                .add("firstWindowMedianMs", firstWindow).add("lastWindowMedianMs", lastWindow)
                .add("ratioSingle", ratioSingle).add("ratioWindow", ratioWindow)
                .add("secondFifthMedianMs", fifth == 0 ? -1 : secondFifth)
                .add("lastFifthMedianMs", fifth == 0 ? -1 : lastFifth)
                .add("targets", Json.createObjectBuilder().add("p50", p50Ok).add("ratio", ratioOk))
                .add("trend", trendJson).add("tenants", all);
        Bench.writeResults("provisioning", json.build(), md.toString());
    }

    private static List<Integer> checkpoints(int n) {
        Set<Integer> points = new LinkedHashSet<>();
        for (int k : new int[] {1, 2, 10, 100, 250, 500, n}) {
            if (k <= n) {
                points.add(k);
            }
        }
        return new ArrayList<>(points);
    }
}
