package fr.ent.platform.bench.metrics;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.Table;
import fr.ent.platform.runtime.metrics.RequestMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heap held by the request metrics with many collectivities. In one JVM: the heap used after full GCs with an
 * empty registry, then with the registry filled through the runtime's own {@link RequestMetrics} for T
 * collectivities × the apps × the statuses a collectivity realistically sees, then after one scrape (the text a
 * Prometheus scrape renders is garbage once sent: only what stays reachable counts). Target: < 100 MB for 1,000
 * collectivities. Parameters: -Dbench.mem.tenants (1000), -Dbench.mem.apps (6), -Dbench.mem.statuses (6): every
 * collectivity sees each of 6 apps (portal, directory, auth, account, homepage, other) answer each of 6 statuses
 * (200, 304, 404, 401, 403, 500), all 36 combinations; 8 × 8 is the pessimistic case.
 */
public final class MetricsMemoryBench {

    private static final List<String> APPS = List.of("portal", "directory", "auth", "account", "homepage", "other",
            "communities", "wiki", "diary", "courses", "alerts", "falc", "editor");
    private static final int[] STATUSES = {200, 304, 404, 401, 403, 500, 503, 201, 204, 400, 409, 302};
    private static final long TARGET_BYTES = 100L * 1000 * 1000;

    private MetricsMemoryBench() {
    }

    public static void main(String[] args) {
        int tenants = Bench.intProperty("bench.mem.tenants", 1000);
        int apps = Math.min(APPS.size(), Bench.intProperty("bench.mem.apps", 6));
        int statuses = Math.min(STATUSES.length, Bench.intProperty("bench.mem.statuses", 6));
        say("MetricsMemoryBench: " + tenants + " collectivities × " + apps + " apps × " + statuses + " statuses; "
                + Bench.machineLine());

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RequestMetrics metrics = new RequestMetrics(registry);
        long empty = usedAfterGc();

        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int t = 0; t < tenants; t++) {
            String collectivity = "collectivite-" + t;
            for (int a = 0; a < apps; a++) {
                for (int s = 0; s < statuses; s++) {
                    metrics.record(collectivity, APPS.get(a), STATUSES[s], random.nextLong(1_000_000, 3_000_000_000L));
                }
            }
        }
        long timers = registry.getMeters().size();
        long filled = usedAfterGc();
        long start = System.nanoTime();
        String text = registry.scrape();
        double scrapeMs = (System.nanoTime() - start) / 1e6;
        long series = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
        int scrapeBytes = text.length();
        text = null;
        long afterScrape = usedAfterGc();

        long retained = Math.max(filled, afterScrape) - empty;
        Table table = new Table("measure", "value");
        table.row("timers (collectivity × app × status)", timers);
        table.row("series in the scrape", series);
        table.row("heap used, empty registry (MB)", fmt(empty / 1e6, 1));
        table.row("heap used, filled (MB)", fmt(filled / 1e6, 1));
        table.row("heap used, filled, after one scrape (MB)", fmt(afterScrape / 1e6, 1));
        table.row("retained by the metrics (MB)", fmt(retained / 1e6, 1));
        table.row("per timer (bytes)", retained / Math.max(1, timers));
        table.row("per series (bytes)", retained / Math.max(1, series));
        table.row("scrape: size (MB), time (ms)", fmt(scrapeBytes / 1e6, 1) + ", " + fmt(scrapeMs, 0));
        boolean ok = retained < TARGET_BYTES;
        table.row("target < 100 MB (retained)", ok ? "OK" : "MISSED");
        say(table.text());
        var json = Bench.object().add("benchmark", "MetricsMemoryBench").add("machine", Bench.machine())
                .add("tenants", tenants).add("apps", apps).add("statuses", statuses).add("timers", timers)
                .add("series", series).add("emptyBytes", empty).add("filledBytes", filled)
                .add("afterScrapeBytes", afterScrape).add("retainedBytes", retained)
                .add("scrapeBytes", scrapeBytes).add("scrapeMillis", scrapeMs).add("targetMet", ok);
        Bench.writeResults("metrics-memory-" + tenants + "x" + apps + "x" + statuses, json.build(), "## MetricsMemoryBench\n\n" + tenants
                + " collectivities × " + apps + " apps × " + statuses + " statuses (" + Bench.machineLine()
                + ")\n\n" + table.markdown());
        // Both stay reachable through every measurement: the registry and the runtime's cache of timers.
        java.lang.ref.Reference.reachabilityFence(metrics);
        java.lang.ref.Reference.reachabilityFence(registry);
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
