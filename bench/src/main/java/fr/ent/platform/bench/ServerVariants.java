package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Comparison;
import fr.ent.platform.bench.DirectoryReadBench.Phase;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server settings compared side by side on one platform (one set-up): {@code -Dbench.variants=a,b,a,b} where each
 * variant is {@code name:value} (a server.xml variable, which the runtime reads through MicroProfile Config), e.g.
 * {@code ent.db.plans.per.collectivity:false,ent.db.plans.per.collectivity:true,...}; a variant that sets several variables
 * joins them with {@code +} ({@code ent.db.statement.cache:4096+ent.db.prepared.cache.mib:64}). Each variant is written to the
 * running Liberty's {@code configDropins/overrides} (Liberty reads it again within a second), then the usual
 * interleaved A/B rounds run with their own warm-up. Repeating the variants in alternation (a, b, a, b) keeps the
 * server's warm-up and the machine's drift from favouring one. A setting named {@code path} is not a server variable:
 * it replaces the measured request's path and query for that variant ({@code path:/api/directory/users?limit=20&count=exact}),
 * to compare two ways of asking side by side.
 *
 * <p>{@code -Dbench.gate=<dir>}: before the first measure the bench writes {@code <dir>/ready} and waits for
 * {@code <dir>/go}, and writes {@code <dir>/done} after the last, so that a shared machine's lock can be held for the
 * measures only ({@code flock it.lock sh -c 'touch go; until [ -f done ]; do sleep 2; done'}). The plain run (no
 * variants) of {@link HomePageBench} and {@link DocumentsTenantsBench} takes the gate too.
 */
final class ServerVariants {

    private ServerVariants() {
    }

    static boolean requested() {
        return !System.getProperty("bench.variants", "").isBlank();
    }

    /** Waits for the gate's {@code go} when a gate is set. */
    static void awaitGo() throws InterruptedException {
        String gate = System.getProperty("bench.gate", "");
        if (gate.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(gate));
            Files.writeString(Path.of(gate, "ready"), "ready\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say("Waiting for " + Path.of(gate, "go") + " ...");
        while (!Files.exists(Path.of(gate, "go"))) {
            Thread.sleep(1000);
        }
    }

    static void done() {
        String gate = System.getProperty("bench.gate", "");
        if (!gate.isBlank()) {
            try {
                Files.writeString(Path.of(gate, "done"), "done\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What must still hold after a variant's measures, or its figures measured something else; throws if not. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /**
     * Runs every variant's interleaved rounds; prints and writes {@code <name>-variants.{json,md}}. {@code stillValid}
     * runs after each variant: a variable that Liberty applies by restarting the applications (a data source's,
     * unlike a MicroProfile Config variable) ends the portal sessions, and a signed-out page answers 200 too.
     */
    static void run(String name, BenchPlatform platform, Target[] targets, URI uri, int threads, int warmup,
            int rounds, int phaseSeconds, HttpClient http, AtomicLong errors, Map<String, AtomicLong> kinds,
            int tenants, Check stillValid) throws Exception {
        String[] variants = System.getProperty("bench.variants").split(",");
        Path overrides = platform.server().configDirectory().resolve("configDropins/overrides");
        Files.createDirectories(overrides);
        Path file = overrides.resolve("bench-variant.xml");
        StringBuilder md = new StringBuilder("## " + name + " — server variants side by side (" + Bench.machineLine()
                + ")\n\n");
        var json = Bench.object().add("benchmark", name + " variants").add("machine", Bench.machine());
        var array = jakarta.json.Json.createArrayBuilder();
        Table summary = new Table("variant", "load(1m) before", "A req/s", "B req/s", "B/A throughput",
                "median of rounds", "B/A p99", "B/A platform CPU");
        awaitGo();
        try {
            for (String variant : variants) {
                String label = variant.strip();
                StringBuilder xml = new StringBuilder("<server>\n");
                URI asked = uri;
                for (String setting : label.split("\\+")) {
                    int colon = setting.indexOf(':');
                    String setName = setting.substring(0, colon).strip();
                    String value = setting.substring(colon + 1).strip();
                    if (setName.equals("path")) {
                        asked = uri.resolve(value);
                        continue;
                    }
                    xml.append("  <variable name=\"").append(setName).append("\" value=\"").append(value)
                            .append("\"/>\n");
                }
                Files.writeString(file, xml.append("</server>\n").toString());
                Thread.sleep(3000); // Liberty polls its configuration every 500 ms
                say("Variant " + label);
                double loadBefore = Bench.load();
                List<Phase> phases = DirectoryReadBench.interleaved(targets, asked, threads, warmup, rounds,
                        phaseSeconds, http, errors, kinds);
                try {
                    stillValid.run();
                } catch (Exception e) {
                    throw new IllegalStateException("variant " + label + " measured something else than asked ("
                            + e.getMessage() + "): set it at start with -Dbench.server.env instead", e);
                }
                Comparison c = DirectoryReadBench.compare(phases, rounds);
                Table table = DirectoryReadBench.phaseTable(phases, tenants);
                say(c.table().text());
                summary.row(label, fmt(loadBefore, 2), fmt(c.meanA(), 1), fmt(c.meanB(), 1),
                        fmt(c.ratio(), 3), fmt(c.medianRatio(), 3), fmt(c.p99Ratio(), 3), fmt(c.cpuRatio(), 3));
                md.append("### ").append(label).append(" (load(1m) ")
                        .append(fmt(loadBefore, 2)).append(" before)\n\n").append(table.markdown()).append('\n')
                        .append(c.table().markdown()).append('\n');
                array.add(Bench.object().add("variant", label).add("loadBefore", loadBefore)
                        .add("phases", DirectoryReadBench.phaseJson(phases)).add("ratioBA", c.ratio())
                        .add("medianRatioBA", c.medianRatio()).add("p99RatioBA", c.p99Ratio()));
            }
        } finally {
            Files.deleteIfExists(file);
            done();
        }
        say("");
        say(summary.text());
        md.append("### Summary\n\n").append(summary.markdown());
        Bench.writeResults(name + "-variants", json.add("variants", array).add("non200", errors.get()).build(),
                md.toString());
    }
}
