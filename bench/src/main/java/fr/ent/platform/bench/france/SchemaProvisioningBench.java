package fr.ent.platform.bench.france;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.ConnectionPool;
import fr.ent.platform.bench.ProcessCpu;
import fr.ent.platform.bench.Table;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The France import's first phase alone (issue 19): a collectivity's database side as tenant-manager's SCHEMA and
 * MIGRATIONS steps make it ({@link TenantDatabase}: role, schema, every installed app's migrations, settings), one
 * collectivity after another on embedded PostgreSQL behind the bench's small pool. After {@code bench.schemas.warmup}
 * (10) collectivities not counted, {@code bench.schemas.count} (50) measured: CPU of this JVM and of PostgreSQL per
 * collectivity (the figure: the France import makes 1,000 of them), wall time percentiles. With
 * {@code -Dent.db.statementStats=true}, PostgreSQL's heaviest statements of the measured part.
 */
public final class SchemaProvisioningBench {

    private SchemaProvisioningBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Bench.intProperty("bench.schemas.warmup", 10);
        int count = Bench.intProperty("bench.schemas.count", 50);
        Path pgdata = Bench.targetDirectory().resolve("schemas-pg");
        Bench.deleteTree(pgdata);
        say("SchemaProvisioningBench " + warmup + " + " + count + " collectivities; " + Bench.machineLine());
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, Bench.freePort());
                ConnectionPool pool = new ConnectionPool(db.dataSource())) {
            ProcessCpu.watchPostgres(pgdata);
            PhaseStatements stmts = PhaseStatements.of(pool);
            TenantDatabase tenants = new TenantDatabase(pool, Optional.empty());
            for (int i = 0; i < warmup; i++) {
                provision(tenants, "warm-" + i);
            }
            if (stmts != null) {
                stmts.reset();
            }
            double jvm0 = jvmCpuMillis();
            double pg0 = ProcessCpu.postgresMillis();
            double[] wall = new double[count];
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                provision(tenants, "coll-" + i);
                wall[i] = (System.nanoTime() - t) / 1e6;
            }
            double jvm = (jvmCpuMillis() - jvm0) / count;
            double pg = (ProcessCpu.postgresMillis() - pg0) / count;
            if (stmts != null) {
                stmts.print("the measured collectivities");
                mostCalled(pool, count);
            }
            Arrays.sort(wall);
            Table table = new Table("collectivities", "wall p50 ms", "wall p90 ms", "wall max ms",
                    "JVM CPU ms each", "PostgreSQL CPU ms each", "CPU s each");
            table.row(String.valueOf(count), fmt(wall[count / 2]), fmt(wall[(int) (count * 0.9)]),
                    fmt(wall[count - 1]), fmt(jvm), fmt(pg), String.format(Locale.ROOT, "%.2f", (jvm + pg) / 1000));
            String md = "## SchemaProvisioningBench (" + Bench.machineLine() + ")\n\n" + warmup + " warm-up, "
                    + count + " measured\n\n" + table.markdown() + "\n";
            say(md);
            Bench.writeResults("SchemaProvisioningBench", Bench.object().add("benchmark", "SchemaProvisioningBench")
                    .add("machine", Bench.machine()).add("count", count).add("jvmCpuMillis", jvm)
                    .add("postgresCpuMillis", pg).add("wallP50Millis", wall[count / 2]).build(), md);
        } finally {
            Bench.deleteTree(pgdata);
        }
    }

    private static void provision(TenantDatabase tenants, String slug) throws Exception {
        TenantNames names = TenantNames.of(Slug.of(slug));
        tenants.createSchemaAndRole(names);
        tenants.migrate(names);
    }

    /** The statements sent most often, per collectivity: round trips rather than work. */
    private static void mostCalled(javax.sql.DataSource db, int count) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder("Most frequent statements (calls per collectivity, ms per collectivity):\n");
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT sum(calls), sum(total_exec_time + total_plan_time),"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), 140) q FROM bench_stats.pg_stat_statements"
                        + " WHERE query NOT LIKE '%pg_stat_statements%' GROUP BY q ORDER BY 1 DESC LIMIT 15")) {
            while (rs.next()) {
                out.append(String.format(Locale.ROOT, "  %8.1f %8.1f  %s%n", rs.getDouble(1) / count,
                        rs.getDouble(2) / count, rs.getString(3)));
            }
        }
        say(out.toString());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static double jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }
}
