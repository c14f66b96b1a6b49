package fr.ent.platform.bench.identity;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenants.identity.Administrators;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.identity.TimedKeycloakAdmin;
import fr.ent.platform.tenants.registry.Collectivity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many realms one Keycloak server holds well (issue 19, realm shards): realms made exactly as the REALM step
 * makes them ({@link KeycloakRealms#ensureRealm}, the realm definition tenant-manager applies), accumulated on ONE
 * Keycloak (on PostgreSQL, as in production) up to each size of {@code bench.rc.sizes} in turn. At each size: the
 * REALM step's time (median of the last 10 realms made), the routine admin calls tenant-manager makes with the
 * master administrator (median over realms spread over the whole range), the Keycloak process' RSS, then a restart
 * (time until ready, RSS after it, the first admin call after it).
 *
 * <p>Resumable: Keycloak's home and PostgreSQL's data directory are kept under {@code target/realm-capacity}, with
 * one line per realm made ({@code steps.csv}) and one per size measured ({@code sizes.csv}); a new run goes on from
 * the last realm made and skips the sizes already measured. {@code -Dbench.rc.fresh=true} starts from nothing.
 *
 * <p>Then, side by side ({@link #sideBySide}, {@code bench.rc.pairs}, default 20, 0 to skip): the filled server
 * against a second one holding 10 realms, one REALM step on each in turn, wall time and CPU (Keycloak's JVM, and
 * PostgreSQL's processes, which both servers share but never at the same time). The growth target ("the 1,000th
 * realm's step within 1.5 times the 10th's") is read there: on a machine shared with builds, steps made an hour
 * apart meet different loads, two steps made one after the other meet the same, and CPU does not wait for the
 * other processes at all.
 */
public final class RealmCapacityBench {

    private static final int STEP_WINDOW = 10;
    private static final int SAMPLES = 8;
    private static final String SIZES_HEADER = "realms,step_median_ms,exists_ms,probe_secret_ms,users_page_ms,"
            + "administrators_ms,branding_ms,reconcile_ms,list_realms_ms,rss_before_mb,restart_s,rss_after_mb,"
            + "first_admin_call_after_restart_ms,load,at,administrator_users_page_ms,administrator_administrators_ms\n";

    private RealmCapacityBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.rc.sizes", "10,100,300,1000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).sorted().toArray();
        ResumableState resumable = ResumableState.open("realm-capacity", "bench.rc.fresh", "realm,step_ms,load,at\n",
                SIZES_HEADER);
        Path state = resumable.directory;
        Path steps = resumable.steps;
        Path sizesCsv = resumable.sizes;
        say("RealmCapacityBench: sizes " + Arrays.toString(sizes) + ", state in " + state + "; "
                + Bench.machineLine());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(state.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            BenchKeycloak server = new BenchKeycloak(state.resolve("keycloak"), postgres, "keycloak");
            try {
                server.start();
                int made = resumable.made();
                say("realms already made: " + made);
                for (int size : sizes) {
                    if (resumable.measured(size)) {
                        say("size " + size + " already measured (sizes.csv): skipped");
                        made = Math.max(made, size);
                        continue;
                    }
                    while (made < size) {
                        made++;
                        Collectivity c = collectivity(made);
                        long ms = BenchKeycloak.timedStep(server.realms, c);
                        Files.writeString(steps, made + "," + ms + "," + fmt(Bench.load(), 1) + "," + Instant.now()
                                + "\n", StandardOpenOption.APPEND);
                        if (made % 10 == 0 || made == 1) {
                            say("realm " + made + "/" + size + ": REALM step " + ms + " ms, load "
                                    + fmt(Bench.load(), 1));
                        }
                    }
                    String line = measure(server, size, resumable);
                    Files.writeString(sizesCsv, line, StandardOpenOption.APPEND);
                    say("size " + size + ": " + SIZES_HEADER.strip() + "\n    " + line.strip());
                }
                int pairs = Integer.getInteger("bench.rc.pairs", 20);
                if (pairs > 0) {
                    sideBySide(server, postgres, state, made, pairs);
                }
            } finally {
                server.stop();
            }
        }
        report(sizesCsv);
    }

    /** Every figure at one size; restarts the server on the way. */
    private static String measure(BenchKeycloak server, int size, ResumableState resumable) throws Exception {
        double stepMedian = resumable.lastStepsMedian(1, STEP_WINDOW);
        List<Collectivity> sample = new ArrayList<>();
        for (int k = 0; k < Math.min(SAMPLES, size); k++) {
            sample.add(collectivity(1 + (int) ((long) k * (size - 1) / Math.max(1, Math.min(SAMPLES, size) - 1))));
        }
        Administrators administrators = new Administrators(server.realms);
        KeycloakAdmin admin = server.realms.admin();
        Map<String, Double> calls = new LinkedHashMap<>();
        calls.put("exists", median(sample, c -> server.realms.exists(c)));
        calls.put("probeSecret", median(sample, c -> server.realms.probeSecret(c)));
        calls.put("usersPage", median(sample, c -> admin.get(c.names().realm()
                + "/users?briefRepresentation=false&first=0&max=100")));
        calls.put("administrators", median(sample, administrators::list));
        calls.put("branding", median(sample, server.realms::updateBranding));
        calls.put("reconcile", median(sample.subList(0, Math.min(3, sample.size())), server.realms::ensureRealm));
        // The same reads as the platform administrator, as tenant-manager made them before ADR 0052 (the columns
        // above go with each realm's own account, as it makes them now): does the account escape the growth?
        KeycloakAdmin administrator = server.administrator;
        Administrators asAdministrator = new Administrators(new KeycloakRealms(administrator,
                new PortalUrls("http://{domain}:9080"), Optional.empty()));
        calls.put("administratorUsersPage", median(sample, c -> administrator.get(c.names().realm()
                + "/users?briefRepresentation=false&first=0&max=100")));
        calls.put("administratorAdministrators", median(sample, asAdministrator::list));
        long l0 = System.nanoTime();
        int listed = admin.get("").array().size();
        double list = (System.nanoTime() - l0) / 1e6;
        say("  listed " + listed + " realms in " + fmt(list, 0) + " ms");
        long rssBefore = server.rssMb();
        long r0 = System.nanoTime();
        server.stop();
        server.start();
        double restart = (System.nanoTime() - r0) / 1e9;
        long a0 = System.nanoTime();
        server.realms.exists(sample.get(sample.size() - 1));
        double firstCall = (System.nanoTime() - a0) / 1e6;
        long rssAfter = server.rssMb();
        return size + "," + fmt(stepMedian, 0) + "," + fmt(calls.get("exists"), 0) + ","
                + fmt(calls.get("probeSecret"), 0) + "," + fmt(calls.get("usersPage"), 0) + ","
                + fmt(calls.get("administrators"), 0) + "," + fmt(calls.get("branding"), 0) + ","
                + fmt(calls.get("reconcile"), 0) + "," + fmt(list, 0) + "," + rssBefore + "," + fmt(restart, 1) + ","
                + rssAfter + "," + fmt(firstCall, 0) + "," + fmt(Bench.load(), 1) + "," + Instant.now() + ","
                + fmt(calls.get("administratorUsersPage"), 0) + "," + fmt(calls.get("administratorAdministrators"), 0)
                + "\n";
    }

    private interface Call {
        void run(Collectivity c) throws Exception;
    }

    /**
     * Median ms of the call over the sample (one warm-up call on the first realm, untimed). A call that times out on
     * the loaded machine is made again (each is idempotent) and the attempt that succeeded is the one timed.
     */
    private static double median(List<Collectivity> sample, Call call) throws Exception {
        retried(() -> {
            call.run(sample.get(0));
            return null;
        });
        long[] ms = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            Collectivity c = sample.get(i);
            ms[i] = retried(() -> {
                long t0 = System.nanoTime();
                call.run(c);
                return (System.nanoTime() - t0) / 1_000_000;
            });
        }
        return Bench.median(ms);
    }

    private static <T> T retried(java.util.concurrent.Callable<T> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (fr.ent.platform.tenants.identity.KeycloakException e) {
                if (attempt == 4) {
                    throw e;
                }
                say("  attempt " + attempt + " failed (" + e.getMessage() + "), load " + fmt(Bench.load(), 1)
                        + "; again");
                Thread.sleep(5_000);
            }
        }
    }

    /** The collectivity a bench realm stands for: the same slug, hence realm, at every run. */
    static Collectivity collectivity(int n) {
        return BenchKeycloak.collectivity("cap", n);
    }

    /**
     * The growth measured side by side: {@code big} (holding {@code bigSize} realms) against a second server on
     * the same PostgreSQL holding 10, one REALM step on each in turn ({@code pairs} times, the order swapped at
     * every pair so that a drift of the load falls on both), each new realm removed after its step so that both
     * servers stay at their size. Per step: wall time, CPU of Keycloak's JVM, CPU of PostgreSQL's processes (the
     * servers share them, one at a time). Lines in {@code side-by-side.csv}, medians and ratios printed.
     */
    private static void sideBySide(BenchKeycloak big, EmbeddedPostgres postgres, Path state, int bigSize, int pairs)
            throws Exception {
        BenchKeycloak small = new BenchKeycloak(state.resolve("keycloak-small"), postgres, "keycloak_small");
        Path csv = state.resolve("side-by-side.csv");
        Files.writeString(csv, "pair,server,realms,step_ms,keycloak_cpu_ms,postgres_cpu_ms,load,at\n");
        Path callsCsv = state.resolve("side-by-side-calls.csv");
        Files.writeString(callsCsv, "pair,server,realms,seq,call,status,wall_ms,keycloak_cpu_ms\n");
        // per server, per call: the call's wall time and CPU summed over each step, one entry per step
        List<Map<String, long[][]>> perCall = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        // after each step, one realm of Keycloak's defaults alone ({"realm", "enabled"}), timed the same way
        List<String> extras = new ArrayList<>(Arrays.stream(System.getProperty("bench.rc.extra", "").split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList());
        if (Boolean.getBoolean("bench.rc.bare") && !extras.contains("bare")) {
            extras.add(0, "bare");
        }
        try {
            small.start();
            for (int n = 1; n <= 10; n++) {
                small.realms.ensureRealm(BenchKeycloak.collectivity("caps", n));
            }
            say("side by side: " + bigSize + " realms against 10, " + pairs + " pairs of REALM steps");
            ProcessCpu pg = ProcessCpu.ofPostgres(state.resolve("postgres"));
            long[][] wall = new long[2][pairs];
            long[][] kc = new long[2][pairs];
            long[][] db = new long[2][pairs];
            for (int i = 0; i < pairs; i++) {
                for (int k = 0; k < 2; k++) {
                    int which = (i + k) % 2; // 0 big, 1 small; the first of the pair alternates
                    BenchKeycloak server = which == 0 ? big : small;
                    Collectivity c = which == 0 ? BenchKeycloak.collectivity("cap", bigSize + 1 + i)
                            : BenchKeycloak.collectivity("caps", 11 + i);
                    ProcessCpu jvm = ProcessCpu.of(server.jvm());
                    ProcessCpu jvmAlone = ProcessCpu.alone(server.jvm());
                    server.timed.watch(c.names().realm(), jvmAlone::millis);
                    long kc0 = jvm.millis();
                    long db0 = pg.millis();
                    wall[which][i] = BenchKeycloak.timedStep(server.realms, c);
                    kc[which][i] = jvm.millis() - kc0;
                    db[which][i] = pg.millis() - db0;
                    List<TimedKeycloakAdmin.Exchange> exchanges = new ArrayList<>(server.timed.drain());
                    server.timed.unwatch();
                    for (String extra : extras) {
                        // beside the step, on the same server: a realm of Keycloak's defaults alone ("bare"), or
                        // our definition without its two service accounts ("nousers"), timed the same way
                        String extraRealm = c.names().realm() + "-" + extra;
                        JsonObject body = switch (extra) {
                            case "bare" -> Json.createObjectBuilder().add("realm", extraRealm).add("enabled", true)
                                    .build();
                            case "nousers" -> Json.createObjectBuilder(RealmDefinition.full(c,
                                    new PortalUrls("http://{domain}:9080"))).add("realm", extraRealm).remove("users")
                                    .build();
                            default -> throw new IllegalArgumentException("bench.rc.extra: " + extra);
                        };
                        server.timed.watch(extraRealm, jvmAlone::millis);
                        server.timed.post("", body);
                        server.timed.drain().forEach(e -> exchanges.add(new TimedKeycloakAdmin.Exchange(
                                extra + " realm: " + e.label(), e.status(), e.wallMs(), e.cpuMs())));
                        server.timed.unwatch();
                        server.administrator.delete(extraRealm);
                    }
                    StringBuilder lines = new StringBuilder();
                    int seq = 0;
                    for (TimedKeycloakAdmin.Exchange e : exchanges) {
                        long[][] sums = perCall.get(which).computeIfAbsent(e.label(), l -> new long[3][pairs]);
                        sums[0][i] += Math.round(e.wallMs());
                        sums[1][i] += e.cpuMs();
                        sums[2][i]++;
                        lines.append(i + 1).append(',').append(which == 0 ? "big" : "small").append(',')
                                .append(which == 0 ? bigSize : 10).append(',').append(++seq).append(",\"")
                                .append(e.label()).append("\",").append(e.status()).append(',')
                                .append(fmt(e.wallMs(), 1)).append(',').append(e.cpuMs()).append('\n');
                    }
                    Files.writeString(callsCsv, lines, StandardOpenOption.APPEND);
                    Files.writeString(csv, (i + 1) + "," + (which == 0 ? "big" : "small") + ","
                            + (which == 0 ? bigSize : 10) + "," + wall[which][i] + "," + kc[which][i] + ","
                            + db[which][i] + "," + fmt(Bench.load(), 1) + "," + Instant.now() + "\n",
                            StandardOpenOption.APPEND);
                    server.administrator.delete(c.names().realm()); // back to its size, untimed
                }
            }
            double[] ratio = {Bench.median(wall[0]) / Bench.median(wall[1]),
                Bench.median(kc[0]) / Math.max(1, Bench.median(kc[1])),
                Bench.median(db[0]) / Math.max(1, Bench.median(db[1]))};
            say("side by side, medians of " + pairs + " steps each: wall " + fmt(Bench.median(wall[0]), 0) + " vs "
                    + fmt(Bench.median(wall[1]), 0) + " ms (" + fmt(ratio[0], 2) + "x), Keycloak CPU "
                    + fmt(Bench.median(kc[0]), 0) + " vs " + fmt(Bench.median(kc[1]), 0) + " ms (" + fmt(ratio[1], 2)
                    + "x), PostgreSQL CPU " + fmt(Bench.median(db[0]), 0) + " vs " + fmt(Bench.median(db[1]), 0)
                    + " ms (" + fmt(ratio[2], 2) + "x); lines in " + csv);
            reportCalls(perCall, bigSize, pairs, callsCsv);
        } finally {
            small.stop();
        }
    }

    /**
     * Per admin call of the step, big server against small: calls per step, median wall ms per step, mean Keycloak
     * CPU ms per step (a mean: the CPU is read in ticks of 10 ms, which a median of short calls rounds to 0).
     */
    private static void reportCalls(List<Map<String, long[][]>> perCall, int bigSize, int pairs, Path callsCsv) {
        java.util.Set<String> labels = new java.util.LinkedHashSet<>(perCall.get(0).keySet());
        labels.addAll(perCall.get(1).keySet());
        StringBuilder md = new StringBuilder("per call, " + pairs + " pairs (" + bigSize + " realms vs 10; lines in "
                + callsCsv + "):\n| call | per step (" + bigSize + " / 10) | wall ms, median (" + bigSize
                + " / 10) | ratio | Keycloak CPU ms, mean (" + bigSize + " / 10) | ratio |\n|---|---|---|---|---|---|\n");
        long[][] none = new long[3][pairs];
        for (String label : labels) {
            long[][] b = perCall.get(0).getOrDefault(label, none);
            long[][] s = perCall.get(1).getOrDefault(label, none);
            double wb = Bench.median(b[0]);
            double ws = Bench.median(s[0]);
            double cb = Arrays.stream(b[1]).average().orElse(0);
            double cs = Arrays.stream(s[1]).average().orElse(0);
            md.append("| ").append(label).append(" | ").append(fmt(Arrays.stream(b[2]).average().orElse(0), 1))
                    .append(" / ").append(fmt(Arrays.stream(s[2]).average().orElse(0), 1)).append(" | ")
                    .append(fmt(wb, 0)).append(" / ").append(fmt(ws, 0)).append(" | ")
                    .append(ws > 0 ? fmt(wb / ws, 2) + "x" : "-").append(" | ").append(fmt(cb, 0)).append(" / ")
                    .append(fmt(cs, 0)).append(" | ").append(cs > 0 ? fmt(cb / cs, 2) + "x" : "-").append(" |\n");
        }
        say(md.toString());
    }

    private static void report(Path sizesCsv) throws IOException {
        List<String> lines = Files.readAllLines(sizesCsv);
        StringBuilder md = new StringBuilder("## RealmCapacityBench (Keycloak " + LocalKeycloak.version()
                + " on PostgreSQL; " + Bench.machineLine() + ")\n\n| " + lines.get(0).replace(",", " | ")
                + " |\n|" + "---|".repeat(lines.get(0).split(",").length) + "\n");
        for (String l : lines.subList(1, lines.size())) {
            md.append("| ").append(l.replace(",", " | ")).append(" |\n");
        }
        say(md.toString());
        Bench.writeResults("realm-capacity", Bench.object().add("benchmark", "RealmCapacityBench")
                .add("machine", Bench.machine()).add("sizesCsv", String.join("\n", lines)).build(), md.toString());
    }
}
