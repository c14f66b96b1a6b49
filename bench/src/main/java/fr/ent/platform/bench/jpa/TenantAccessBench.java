package fr.ent.platform.bench.jpa;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.Table;
import fr.ent.platform.local.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The cost of binding JPA to a tenant schema, EclipseLink 4.0.9 standalone (RESOURCE_LOCAL, its own connection
 * pool) on embedded PostgreSQL with T tenant schemas, each owned by its own role and holding a {@code structure}
 * table of R rows (the runtime's DDL). Every operation is a whole unit of work like the runtime's: new
 * EntityManager, transaction, binding statement(s), the query, commit, close; the tenant and the row are drawn at
 * random for each operation.
 * <ul>
 * <li>(a) {@code multitenant}: what the runtime does (TenantData): a {@code @Multitenant(TABLE_PER_TENANT)} entity
 * with a SCHEMA discriminator, the EntityManager created with {@code eclipselink.tenant-id = schema}, and
 * {@code SET LOCAL ROLE <tenant role>} first in the transaction.</li>
 * <li>(b) {@code searchPath}: a plain entity (unqualified table), {@code SET LOCAL search_path TO <schema>} first.</li>
 * <li>(c) {@code searchPathRole}: (b) plus the same {@code SET LOCAL ROLE} as (a), i.e. the same database-side
 * isolation as (a); (a) versus (c) isolates what EclipseLink's multitenancy costs.</li>
 * </ul>
 * Operations: {@code find} by id, and {@code list}, a JPQL query of 20 rows ordered by name.
 * <p>
 * main() starts PostgreSQL once and seeds it, then runs JMH, whose forked JVMs connect to it
 * ({@code -Dbench.jpa.port}), then the same six operations interleaved in its own JVM (rounds of one slice per
 * operation, order rotated each round): on a shared, noisy machine, JMH's one-after-another runs can see
 * different neighbours, the interleaved ratios cannot. Parameters: -Dbench.jpa.tenants (20), .rows (1000),
 * .jmh (true), .forks (1), .warmupIterations (4), .measurementIterations (6), .iterationSeconds (2), .rounds (30),
 * .warmupRounds (10), .sliceMillis (400).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TenantAccessBench {

    private EntityManagerFactory multitenant;
    private EntityManagerFactory plain;
    private String[] schemas;
    private String[] setRole;
    private String[] setSearchPath;
    private UUID[][] ids;

    @State(Scope.Thread)
    public static class Pick {
        final SplittableRandom random = new SplittableRandom(20260417L);
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        int port = Integer.getInteger("bench.jpa.port", -1);
        if (port < 0) {
            throw new IllegalStateException("-Dbench.jpa.port missing: run TenantAccessBench.main, which starts PostgreSQL");
        }
        int tenants = Bench.intProperty("bench.jpa.tenants", 20);
        String url = jdbcUrl(port);
        schemas = new String[tenants];
        setRole = new String[tenants];
        setSearchPath = new String[tenants];
        ids = new UUID[tenants][];
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            for (int t = 0; t < tenants; t++) {
                schemas[t] = schema(t);
                setRole[t] = "SET LOCAL ROLE \"" + role(t) + "\"";
                setSearchPath[t] = "SET LOCAL search_path TO \"" + schema(t) + "\"";
                List<UUID> list = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT id FROM " + schema(t) + ".structure")) {
                    while (rs.next()) {
                        list.add(rs.getObject(1, UUID.class));
                    }
                }
                ids[t] = list.toArray(UUID[]::new);
            }
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", "postgres");
        properties.put("jakarta.persistence.jdbc.password", "postgres");
        multitenant = Persistence.createEntityManagerFactory("multitenant", properties);
        plain = Persistence.createEntityManagerFactory("plain", properties);
        check();
    }

    /** Each variant must find a row of the tenant it is bound to, and not find another tenant's row. */
    private void check() {
        for (int t = 0; t < schemas.length; t++) {
            int other = (t + 1) % schemas.length;
            UUID mine = ids[t][0];
            UUID theirs = ids[other][0];
            int tenant = t;
            require(multitenant(tenant, em -> em.find(TenantStructure.class, mine)) != null, "(a) own row", t);
            require(searchPath(tenant, false, em -> em.find(PlainStructure.class, mine)) != null, "(b) own row", t);
            require(searchPath(tenant, true, em -> em.find(PlainStructure.class, mine)) != null, "(c) own row", t);
            if (other != t) {
                require(multitenant(tenant, em -> em.find(TenantStructure.class, theirs)) == null, "(a) other row", t);
                require(searchPath(tenant, false, em -> em.find(PlainStructure.class, theirs)) == null, "(b) other row", t);
            }
            require(multitenant(tenant, TenantAccessBench::listA).size() == 20, "(a) list", t);
            require(searchPath(tenant, false, TenantAccessBench::listB).size() == 20, "(b) list", t);
        }
    }

    private static void require(boolean condition, String what, int tenant) {
        if (!condition) {
            throw new IllegalStateException("sanity check failed: " + what + ", tenant " + tenant);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        multitenant.close();
        plain.close();
    }

    // ---- the three ways of binding a unit of work to a tenant

    private <T> T multitenant(int t, Function<EntityManager, T> work) {
        EntityManager em = multitenant.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                schemas[t]));
        return inTransaction(em, work, setRole[t], null);
    }

    private <T> T searchPath(int t, boolean role, Function<EntityManager, T> work) {
        return inTransaction(plain.createEntityManager(), work, setSearchPath[t], role ? setRole[t] : null);
    }

    private static <T> T inTransaction(EntityManager em, Function<EntityManager, T> work, String first, String second) {
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            em.createNativeQuery(first).executeUpdate();
            if (second != null) {
                em.createNativeQuery(second).executeUpdate();
            }
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    private static List<TenantStructure> listA(EntityManager em) {
        return em.createQuery("SELECT s FROM TenantStructure s ORDER BY s.name", TenantStructure.class)
                .setMaxResults(20).getResultList();
    }

    private static List<PlainStructure> listB(EntityManager em) {
        return em.createQuery("SELECT s FROM PlainStructure s ORDER BY s.name", PlainStructure.class)
                .setMaxResults(20).getResultList();
    }

    // ---- benchmarks: a = multitenant, b = searchPath, c = searchPathRole

    @Benchmark
    public Object a_multitenant_find(Pick pick) {
        int t = pick.random.nextInt(schemas.length);
        UUID id = ids[t][pick.random.nextInt(ids[t].length)];
        return multitenant(t, em -> em.find(TenantStructure.class, id));
    }

    @Benchmark
    public Object a_multitenant_list(Pick pick) {
        return multitenant(pick.random.nextInt(schemas.length), TenantAccessBench::listA);
    }

    @Benchmark
    public Object b_searchPath_find(Pick pick) {
        int t = pick.random.nextInt(schemas.length);
        UUID id = ids[t][pick.random.nextInt(ids[t].length)];
        return searchPath(t, false, em -> em.find(PlainStructure.class, id));
    }

    @Benchmark
    public Object b_searchPath_list(Pick pick) {
        return searchPath(pick.random.nextInt(schemas.length), false, TenantAccessBench::listB);
    }

    @Benchmark
    public Object c_searchPathRole_find(Pick pick) {
        int t = pick.random.nextInt(schemas.length);
        UUID id = ids[t][pick.random.nextInt(ids[t].length)];
        return searchPath(t, true, em -> em.find(PlainStructure.class, id));
    }

    @Benchmark
    public Object c_searchPathRole_list(Pick pick) {
        return searchPath(pick.random.nextInt(schemas.length), true, TenantAccessBench::listB);
    }

    // ---- database and runner

    static String schema(int t) {
        return "t_ta" + t;
    }

    static String role(int t) {
        return "ent_t_ta" + t;
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?stringtype=unspecified";
    }

    /** The runtime's structure table (platform-kernel db/tenant/V1__directory.sql), owned by the tenant role. */
    static void seed(int port, int tenants, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(port), "postgres", "postgres");
                Statement s = c.createStatement()) {
            for (int t = 0; t < tenants; t++) {
                String schema = schema(t);
                String role = role(t);
                s.execute("CREATE ROLE " + role + " NOLOGIN");
                s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
                s.execute("SET ROLE " + role);
                s.execute("""
                        CREATE TABLE %s.structure (
                            id              uuid PRIMARY KEY,
                            uai             char(8) NOT NULL UNIQUE CHECK (uai ~ '^[0-9]{7}[A-Z]$'),
                            name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                            type            text NOT NULL CHECK (type IN ('ECOLE', 'COLLEGE', 'LYCEE')),
                            education_level text NOT NULL CHECK (education_level IN ('1D', '2D')),
                            parent_id       uuid REFERENCES %s.structure (id),
                            created_at      timestamptz NOT NULL DEFAULT now()
                        )""".formatted(schema, schema));
                s.execute("""
                        INSERT INTO %s.structure (id, uai, name, type, education_level)
                        SELECT gen_random_uuid(),
                               g::text || substr('ABCDEFGHJKLMNPRSTUVWXYZ', (g %% 23) + 1, 1),
                               'École ' || md5(g::text || '%s'), 'ECOLE', '1D'
                          FROM generate_series(1000000, 1000000 + %d - 1) g""".formatted(schema, schema, rows));
                s.execute("RESET ROLE");
                s.execute("ANALYZE " + schema + ".structure");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int tenants = Bench.intProperty("bench.jpa.tenants", 20);
        int rows = Bench.intProperty("bench.jpa.rows", 1000);
        int forks = Integer.getInteger("bench.jpa.forks", 1);
        int warmups = Bench.intProperty("bench.jpa.warmupIterations", 4);
        int measurements = Bench.intProperty("bench.jpa.measurementIterations", 6);
        int seconds = Bench.intProperty("bench.jpa.iterationSeconds", 2);
        say("TenantAccessBench: " + tenants + " tenant schemas × " + rows + " rows; JMH forks " + forks + ", "
                + warmups + " warm-up + " + measurements + " measured iterations of " + seconds + " s, 1 thread");
        say("Machine: " + Bench.machineLine());
        Path pgdata = Files.createTempDirectory("ent-bench-jpa-pgdata-");
        Path results = Bench.targetDirectory().resolve("bench-results");
        Files.createDirectories(results);
        boolean jmh = !"false".equals(System.getProperty("bench.jpa.jmh"));
        int rounds = Bench.intProperty("bench.jpa.rounds", 30);
        int sliceMillis = Bench.intProperty("bench.jpa.sliceMillis", 400);
        int warmupRounds = Bench.intProperty("bench.jpa.warmupRounds", 10);
        Collection<RunResult> runs = List.of();
        Interleaved interleaved;
        long t0 = System.nanoTime();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, Bench.freePort())) {
            seed(database.port(), tenants, rows);
            say("PostgreSQL on port " + database.port() + ", seeded in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            // optional, to investigate: -Dbench.jpa.include=a_multitenant_list -Dbench.jpa.profiler=stack
            String include = System.getProperty("bench.jpa.include", "");
            var builder = new OptionsBuilder();
            String profiler = System.getProperty("bench.jpa.profiler", "");
            if (!profiler.isBlank()) {
                builder.addProfiler(profiler);
            }
            Options options = builder
                    .include(TenantAccessBench.class.getName() + "\\." + include)
                    .forks(forks)
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                    .measurementIterations(measurements).measurementTime(TimeValue.seconds(seconds))
                    .threads(1)
                    .jvmArgsAppend("-Xmx1g", "-Dbench.jpa.port=" + database.port(), "-Dbench.jpa.tenants=" + tenants)
                    .result(results.resolve("tenant-access-jmh.json").toString())
                    .resultFormat(ResultFormatType.JSON)
                    .build();
            if (jmh) {
                runs = new Runner(options).run();
            }
            System.setProperty("bench.jpa.port", Integer.toString(database.port()));
            interleaved = interleaved(rounds, sliceMillis, warmupRounds);
        } finally {
            Bench.deleteTree(pgdata);
        }
        report(runs, interleaved, tenants, rows, forks, warmups, measurements, seconds, rounds, sliceMillis, warmupRounds,
                (System.nanoTime() - t0) / 1_000_000_000L);
    }

    private static final List<String> NAMES = List.of("a_multitenant_find", "b_searchPath_find",
            "c_searchPathRole_find", "a_multitenant_list", "b_searchPath_list", "c_searchPathRole_list");

    /**
     * The same six operations, side by side in this JVM: each round runs every operation for one slice, in an order
     * rotated from round to round, so that a noisy neighbour hits all variants alike. The warm-up rounds (this JVM's
     * JIT has to compile EclipseLink first) are discarded. Returns per operation the µs/op of each measured round.
     */
    /** Per operation, µs/op of each measured round: wall-clock, and CPU time of the benchmark thread. */
    record Interleaved(Map<String, double[]> wall, Map<String, double[]> cpu) {
    }

    static Interleaved interleaved(int rounds, int sliceMillis, int warmupRounds) throws SQLException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        say("");
        say("Interleaved run: " + rounds + " rounds × 6 operations × " + sliceMillis + " ms (after " + warmupRounds
                + " warm-up rounds)");
        TenantAccessBench bench = new TenantAccessBench();
        bench.setUp();
        Pick pick = new Pick();
        Map<String, Function<Pick, Object>> ops = new java.util.LinkedHashMap<>();
        ops.put("a_multitenant_find", bench::a_multitenant_find);
        ops.put("b_searchPath_find", bench::b_searchPath_find);
        ops.put("c_searchPathRole_find", bench::c_searchPathRole_find);
        ops.put("a_multitenant_list", bench::a_multitenant_list);
        ops.put("b_searchPath_list", bench::b_searchPath_list);
        ops.put("c_searchPathRole_list", bench::c_searchPathRole_list);
        Map<String, double[]> perRound = new HashMap<>();
        Map<String, double[]> cpuPerRound = new HashMap<>();
        NAMES.forEach(n -> perRound.put(n, new double[rounds]));
        NAMES.forEach(n -> cpuPerRound.put(n, new double[rounds]));
        long sink = 0;
        try {
            for (int round = -warmupRounds; round < rounds; round++) {
                for (int k = 0; k < NAMES.size(); k++) {
                    String name = NAMES.get(Math.floorMod(k + round, NAMES.size()));
                    Function<Pick, Object> op = ops.get(name);
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    long end = start + sliceMillis * 1_000_000L;
                    long count = 0;
                    long now;
                    do {
                        Object result = op.apply(pick);
                        sink += result == null ? 0 : 1;
                        count++;
                        now = System.nanoTime();
                    } while (now < end);
                    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                    if (round >= 0) {
                        perRound.get(name)[round] = (now - start) / 1000.0 / count;
                        cpuPerRound.get(name)[round] = cpu / 1000.0 / count;
                    }
                }
                if (round >= 0) {
                    say(String.format("  round %2d: find a %.0f b %.0f c %.0f µs, list a %.0f b %.0f c %.0f µs"
                            + " | cpu find a %.0f b %.0f c %.0f, list a %.0f b %.0f c %.0f", round + 1,
                            perRound.get("a_multitenant_find")[round], perRound.get("b_searchPath_find")[round],
                            perRound.get("c_searchPathRole_find")[round], perRound.get("a_multitenant_list")[round],
                            perRound.get("b_searchPath_list")[round], perRound.get("c_searchPathRole_list")[round],
                            cpuPerRound.get("a_multitenant_find")[round], cpuPerRound.get("b_searchPath_find")[round],
                            cpuPerRound.get("c_searchPathRole_find")[round], cpuPerRound.get("a_multitenant_list")[round],
                            cpuPerRound.get("b_searchPath_list")[round], cpuPerRound.get("c_searchPathRole_list")[round]));
                }
            }
        } finally {
            bench.tearDown();
        }
        if (sink == 42) {
            say(""); // keeps the results alive
        }
        return new Interleaved(perRound, cpuPerRound);
    }

    private static void report(Collection<RunResult> runs, Interleaved interleaved, int tenants, int rows,
            int forks, int warmups, int measurements, int seconds, int rounds, int sliceMillis, int warmupRounds,
            long totalSeconds) {
        Map<String, double[]> byName = new HashMap<>(); // name → {score, error}
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            byName.put(name, new double[] {run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError()});
        }
        String[] columns = {"operation", "(a) multitenant + role µs/op", "(b) search_path µs/op",
            "(c) search_path + role µs/op", "a/b", "a/c"};
        Table jmhTable = new Table(columns);
        Table interleavedTable = new Table(columns);
        Table cpuTable = new Table(columns);
        JsonArrayBuilder rowsJson = Json.createArrayBuilder();
        for (String op : List.of("find", "list")) {
            String label = op.equals("find") ? "find by id" : "JPQL list 20 by name";
            var row = Json.createObjectBuilder().add("operation", op);
            double[] ja = byName.get("a_multitenant_" + op);
            double[] jb = byName.get("b_searchPath_" + op);
            double[] jc = byName.get("c_searchPathRole_" + op);
            if (ja != null && jb != null && jc != null) {
                double[] a = ja;
                double[] b = jb;
                double[] c = jc;
                jmhTable.row(label, cell(a), cell(b), cell(c), fmt(a[0] / b[0], 2), fmt(a[0] / c[0], 2));
                row.add("jmh", Json.createObjectBuilder()
                        .add("multitenantUs", a[0]).add("multitenantErrorUs", safe(a[1]))
                        .add("searchPathUs", b[0]).add("searchPathErrorUs", safe(b[1]))
                        .add("searchPathRoleUs", c[0]).add("searchPathRoleErrorUs", safe(c[1]))
                        .add("ratioAB", a[0] / b[0]).add("ratioAC", a[0] / c[0]));
            }
            row.add("interleaved", side(interleavedTable, label, interleaved.wall(), op, rounds));
            row.add("interleavedCpu", side(cpuTable, label, interleaved.cpu(), op, rounds));
            rowsJson.add(row);
        }
        String header = "TenantAccessBench — EclipseLink 4.0.9 standalone, " + tenants + " tenant schemas × " + rows
                + " rows, 1 thread; total " + totalSeconds + " s (" + Bench.machineLine() + ")";
        String jmhTitle = "JMH, average time: " + forks + " fork(s) per benchmark, " + measurements + " × " + seconds
                + " s after " + warmups + " × " + seconds + " s warm-up; benchmarks run one after another; ± is the"
                + " 99.9 % confidence half-width.";
        String interleavedTitle = "Interleaved (side by side): " + rounds + " rounds after " + warmupRounds
                + " warm-up rounds, each running the 6 operations for " + sliceMillis + " ms in rotated order; median"
                + " µs/op over rounds; ratios are medians of per-round ratios [min–max].";
        say("");
        say(header);
        StringBuilder md = new StringBuilder("## " + header + "\n\n");
        if (!byName.isEmpty()) {
            say("");
            say(jmhTitle);
            say(jmhTable.text());
            md.append(jmhTitle).append("\n\n").append(jmhTable.markdown()).append('\n');
        }
        String cpuTitle = "Same interleaved run, CPU time of the benchmark thread per operation (µs/op): the client-side"
                + " work of EclipseLink and the JDBC driver, little affected by waiting for PostgreSQL or for a CPU.";
        say(interleavedTitle);
        say(interleavedTable.text());
        say(cpuTitle);
        say(cpuTable.text());
        md.append(interleavedTitle).append("\n\n").append(interleavedTable.markdown()).append('\n')
                .append(cpuTitle).append("\n\n").append(cpuTable.markdown());
        var json = Bench.object().add("benchmark", "TenantAccessBench").add("machine", Bench.machine())
                .add("parameters", Json.createObjectBuilder().add("tenants", tenants).add("rows", rows)
                        .add("jmh", !byName.isEmpty()).add("forks", forks).add("warmupIterations", warmups)
                        .add("measurementIterations", measurements).add("iterationSeconds", seconds)
                        .add("interleavedRounds", rounds).add("interleavedWarmupRounds", warmupRounds)
                        .add("sliceMillis", sliceMillis))
                .add("totalSeconds", totalSeconds).add("results", rowsJson)
                .add("jmhResults", "tenant-access-jmh.json");
        Bench.writeResults("tenant-access", json.build(), md.toString());
    }

    /** One row of an interleaved table (median per variant, median [min–max] of per-round ratios), as JSON too. */
    private static jakarta.json.JsonObjectBuilder side(Table table, String label, Map<String, double[]> perRound,
            String op, int rounds) {
        double[] a = perRound.get("a_multitenant_" + op);
        double[] b = perRound.get("b_searchPath_" + op);
        double[] c = perRound.get("c_searchPathRole_" + op);
        double[] ab = new double[rounds];
        double[] ac = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ab[r] = a[r] / b[r];
            ac[r] = a[r] / c[r];
        }
        table.row(label, fmt(median(a), 1), fmt(median(b), 1), fmt(median(c), 1),
                fmt(median(ab), 2) + " [" + fmt(min(ab), 2) + "–" + fmt(max(ab), 2) + "]",
                fmt(median(ac), 2) + " [" + fmt(min(ac), 2) + "–" + fmt(max(ac), 2) + "]");
        return Json.createObjectBuilder()
                .add("multitenantMedianUs", median(a)).add("searchPathMedianUs", median(b))
                .add("searchPathRoleMedianUs", median(c)).add("ratioABMedian", median(ab))
                .add("ratioACMedian", median(ac)).add("ratioABMin", min(ab)).add("ratioABMax", max(ab))
                .add("ratioACMin", min(ac)).add("ratioACMax", max(ac))
                .add("multitenantUs", array(a)).add("searchPathUs", array(b)).add("searchPathRoleUs", array(c));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static JsonArrayBuilder array(double[] values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }

    private static String cell(double[] scoreAndError) {
        return fmt(scoreAndError[0], 1) + (Double.isNaN(scoreAndError[1]) ? "" : " ± " + fmt(scoreAndError[1], 1));
    }

    private static double safe(double value) {
        return Double.isNaN(value) ? -1 : value;
    }
}
