package fr.ent.platform.bench.france;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.apps.directory.aaf.AafImportReport;
import fr.ent.platform.apps.directory.be1d.ImportReport;
import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.ConnectionPool;
import fr.ent.platform.bench.ProcessCpu;
import fr.ent.platform.bench.Table;
import fr.ent.platform.bench.france.FrancePlan.Collectivity;
import fr.ent.platform.local.EmbeddedDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 19's "France import" (docs/france-generator.md): a generated France ({@link FranceGenerator}, the seed's
 * France by default, {@code bench.france.divisor=N} for 1/N of it) imported into one platform database, directory
 * side only ({@link FranceImport}), phase by phase over every collectivity: generation, schema creation, BE1D, AAF,
 * accounts. For each phase: wall time, people per second, CPU of this JVM and of PostgreSQL (where the time goes),
 * and the peak heap. Target: under 10 minutes in all. The files and the database are deleted at the end unless
 * {@code bench.france.keep=true}.
 */
public final class FranceImportBench {

    private FranceImportBench() {
    }

    private record Phase(String name, double seconds, double jvmCpu, double pgCpu, long peakHeap, long people) {
    }

    public static void main(String[] args) throws Exception {
        FrancePlan.Shape shape = FranceGenerator.shape();
        boolean keep = Boolean.getBoolean("bench.france.keep");
        int threads = Bench.intProperty("bench.france.threads", 2);
        Path root = Path.of(System.getProperty("bench.france.dir", Bench.targetDirectory().resolve("france")
                .toString()));
        Bench.deleteTree(root);
        Path files = Files.createDirectories(root.resolve("files"));
        Path pgdata = root.resolve("pg");
        say("FranceImportBench " + shape + ", " + threads + " collectivities at a time, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB; " + Bench.machineLine());
        Table table = new Table("phase", "seconds", "people/s", "JVM CPU s", "PostgreSQL CPU s", "peak heap MB");
        java.util.List<Phase> phases = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Meter m = Meter.start();
            FrancePlan plan = FrancePlan.of(shape);
            FranceGenerator.Totals totals = FranceGenerator.write(plan, files);
            phases.add(m.stop("generation", totals.people()));
            say("generated: " + totals + " " + totals.byFeed.entrySet().stream().map(e -> e.getKey() + " "
                    + java.util.Arrays.toString(e.getValue())).toList() + " (pupils, parents, staff)");
            try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, Bench.freePort());
                    ConnectionPool pool = new ConnectionPool(db.dataSource());
                    FranceImport importer = new FranceImport(pool)) {
                ProcessCpu.watchPostgres(pgdata);
                PhaseStatements stmts = PhaseStatements.of(pool);
                int n = plan.collectivities().size();
                reset(stmts);
                m = Meter.start();
                each(plan, threads, c -> importer.schema(c));
                phases.add(m.stop("schemas (" + n + " collectivities)", 0));
                say(phases.getLast().toString());
                print(stmts, phases.getLast().name());
                long be1dPeople = totals.byFeed.getOrDefault("BE1D", new long[3])[0]
                        + totals.byFeed.getOrDefault("BE1D", new long[3])[1]
                        + totals.byFeed.getOrDefault("BE1D", new long[3])[2];
                AtomicLong rejected = new AtomicLong();
                reset(stmts);
                m = Meter.start();
                Meter be1d = m;
                AtomicInteger done = new AtomicInteger();
                each(plan, threads, c -> {
                    for (ImportReport r : importer.be1d(c, files.resolve(c.slug()))) {
                        rejected.addAndGet(r.rejected().size());
                    }
                    progress("BE1D", done.incrementAndGet(), n, be1d);
                });
                phases.add(m.stop("BE1D import (" + plan.schools(FrancePlan.Kind.ECOLE) + " écoles)", be1dPeople));
                say(phases.getLast().toString());
                print(stmts, phases.getLast().name());
                long aafPeople = totals.people() - be1dPeople;
                reset(stmts);
                m = Meter.start();
                Meter aaf = m;
                done.set(0);
                each(plan, threads, c -> {
                    Optional<AafImportReport> r = importer.aaf(c, files.resolve(c.slug()));
                    if (r.isPresent()) {
                        rejected.addAndGet(r.get().rejected());
                    }
                    progress("AAF", done.incrementAndGet(), n, aaf);
                });
                phases.add(m.stop("AAF import (" + (plan.schools(FrancePlan.Kind.COLLEGE)
                        + plan.schools(FrancePlan.Kind.LYCEE)) + " collèges and lycées)", aafPeople));
                say(phases.getLast().toString());
                print(stmts, phases.getLast().name());
                reset(stmts);
                m = Meter.start();
                Meter made = m;
                AtomicLong accountsMade = new AtomicLong();
                done.set(0);
                each(plan, threads, c -> {
                    accountsMade.addAndGet(importer.accounts(c));
                    progress("accounts", done.incrementAndGet(), n, made);
                });
                long accounts = accountsMade.get();
                phases.add(m.stop(FranceImport.WITH_CODES ? "accounts (ent_account rows, codes hashed)"
                        : "accounts (ent_account rows, no codes)", accounts));
                say(phases.getLast().toString());
                print(stmts, phases.getLast().name());
                double total = (System.nanoTime() - t0) / 1e9;
                long dbBytes = 0;
                try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                    rs.next();
                    dbBytes = rs.getLong(1);
                }
                for (Phase p : phases) {
                    table.row(p.name(), fmt(p.seconds()), p.people() == 0 ? "" : fmt0(p.people() / p.seconds()),
                            fmt(p.jvmCpu()), fmt(p.pgCpu()), String.valueOf(p.peakHeap() / (1024 * 1024)));
                }
                table.row("total", fmt(total), fmt0(totals.people() / total), "", "", "");
                String md = "## FranceImportBench (" + Bench.machineLine() + ")\n\n" + shape + "; generated " + totals
                        + "; " + rejected + " rejected; " + threads + " collectivities at a time; " + accounts + " accounts; database " + dbBytes / (1024 * 1024)
                        + " MB\n\n" + table.markdown() + "\n";
                say(md);
                Bench.writeResults("FranceImportBench", Bench.object().add("benchmark", "FranceImportBench")
                        .add("machine", Bench.machine()).add("shape", shape.toString()).add("rejected", rejected.get()).add("threads", threads)
                        .add("accounts", accounts).add("totalSeconds", total).build(), md);
            }
        } finally {
            if (!keep) {
                Bench.deleteTree(root);
            }
        }
    }

    private static void reset(PhaseStatements stmts) throws java.sql.SQLException {
        if (stmts != null) {
            stmts.reset();
        }
    }

    private static void print(PhaseStatements stmts, String phase) throws java.sql.SQLException {
        if (stmts != null) {
            stmts.print(phase);
        }
    }

    interface Work<T> {
        void run(T item) throws Exception;
    }

    /**
     * The phase's work for every collectivity, {@code threads} collectivities at a time (as many administrators
     * importing at once; each collectivity's own work stays in order, one transaction per structure).
     */
    private static void each(FrancePlan plan, int threads, Work<Collectivity> work) throws Exception {
        each(plan.collectivities(), threads, work);
    }

    /**
     * The work for every item, {@code threads} at a time; the first failure in the items' order is thrown, the rest
     * stopped.
     */
    static <T> void each(List<T> items, int threads, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    work.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void progress(String what, int done, int of, Meter m) {
        if (done % Math.max(1, of / 10) == 0 || done == of) {
            say(String.format(Locale.ROOT, "%s: %d/%d collectivities, %.0f s", what, done, of,
                    (System.nanoTime() - m.t0) / 1e9));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** Wall time, this JVM's CPU, PostgreSQL's CPU and the heap's peak of one phase. */
    private static final class Meter {
        final long t0 = System.nanoTime();
        final double jvm0 = jvmCpuMillis();
        final double pg0 = ProcessCpu.postgresMillis();

        static Meter start() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            return new Meter();
        }

        Phase stop(String name, long people) {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return new Phase(name, (System.nanoTime() - t0) / 1e9, (jvmCpuMillis() - jvm0) / 1000,
                    (ProcessCpu.postgresMillis() - pg0) / 1000, peak, people);
        }

        private static double jvmCpuMillis() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
        }
    }
}
