package fr.ent.platform.bench.france;

import static fr.ent.platform.bench.Bench.say;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Where a phase's PostgreSQL time goes, statement by statement ({@code pg_stat_statements}, when the bench's
 * PostgreSQL preloads it: {@code -Dent.db.statementStats=true}): reset at the phase's start, the heaviest statements
 * by total execution time printed at its end. Statements of different collectivities' schemas are summed by text.
 */
final class PhaseStatements {

    private static final int SHOWN = 15;

    private final DataSource db;

    private PhaseStatements(DataSource db) {
        this.db = db;
    }

    /** Null when statements are not counted. */
    static PhaseStatements of(DataSource db) throws SQLException {
        if (!Boolean.getBoolean("ent.db.statementStats")) {
            return null;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // in a schema of its own: in public, the collectivity roles' migrations then failed with "permission
            // denied for schema public"
            s.execute("CREATE SCHEMA IF NOT EXISTS bench_stats");
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA bench_stats");
        }
        return new PhaseStatements(db);
    }

    void reset() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT bench_stats.pg_stat_statements_reset()");
        }
    }

    void print(String phase) throws SQLException {
        StringBuilder out = new StringBuilder("Statements of " + phase
                + " (pg_stat_statements, summed over schemas; total ms, calls, ms per call, rows):\n");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sum(total_exec_time), sum(calls), sum(rows),"
                        + " sum(total_plan_time), left(regexp_replace(query, '\\s+', ' ', 'g'), 160) q"
                        + " FROM bench_stats.pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"
                        + " GROUP BY q ORDER BY 1 DESC")) {
            double total = 0;
            double plan = 0;
            long calls = 0;
            int shown = 0;
            while (rs.next()) {
                total += rs.getDouble(1);
                calls += rs.getLong(2);
                plan += rs.getDouble(4);
                if (shown++ < SHOWN) {
                    out.append(String.format(Locale.ROOT, "  %10.0f %9d %8.3f %9d  %s%n", rs.getDouble(1),
                            rs.getLong(2), rs.getDouble(1) / Math.max(1, rs.getLong(2)), rs.getLong(3),
                            rs.getString(5)));
                }
            }
            out.append(String.format(Locale.ROOT, "  total: %.0f ms executing, %.0f ms planning, %d calls", total,
                    plan, calls));
        }
        say(out.toString());
    }
}
