package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statements a page sends, counted by PostgreSQL itself ({@code pg_stat_statements}, ADR 0028's "How to count")
 * when the bench's PostgreSQL was started with it ({@code -Dent.db.statementStats=true}: the platform's embedded
 * PostgreSQL preloads the module). {@link #reset} before a known number of requests, {@link #perRequest} after them:
 * each statement's calls divided by the requests, planned statements (SELECT, INSERT, UPDATE, DELETE, WITH) apart
 * from the unit's opening statements (SET ...), only in the platform's database (not Keycloak's).
 */
final class StatementStats {

    private StatementStats() {
    }

    static boolean requested() {
        return Boolean.getBoolean("ent.db.statementStats");
    }

    /**
     * A planned statement's text, in PostgreSQL's and Java's regular expressions alike: SELECT, INSERT, UPDATE, DELETE
     * or WITH, after the collectivity's mark when it has one ({@code /* t_lyon *&#47; SELECT …}, ADR 0047):
     * pg_stat_statements keeps the mark in front of the text it shows. Without the mark in the pattern, the marked
     * statements (every collectivity's, since the marks are on by default) were left out of the plans counted.
     */
    static final String PLANNED = "^\\s*(/\\*[^*]*\\*/\\s*)?(WITH|SELECT|INSERT|UPDATE|DELETE)";

    static boolean planned(String query) {
        return java.util.regex.Pattern.compile(PLANNED, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(query)
                .find();
    }

    /** The platform whose planning {@link #planning} reads during the phases; none until set. */
    private static volatile javax.sql.DataSource watched;

    /**
     * Planned statements so far, in the platform's database: calls, times planned, planning and execution time, and
     * the blocks they did not find in shared buffers and read from the operating system ({@code blocksRead}):
     * a phase whose PostgreSQL CPU per request is higher than another's says here whether it planned, executed or
     * missed its buffers more.
     */
    record Planning(long calls, long plans, double planMillis, double execMillis, long blocksRead) {
    }

    /** From now on, {@link #planning} reads this platform's figures (only when statements are counted). */
    static void watch(BenchPlatform platform) throws SQLException {
        if (requested()) {
            try (Connection c = platform.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            watched = platform.dataSource();
        }
    }

    /** The planned statements' totals now, or empty when no platform is watched or the figures cannot be read. */
    static java.util.Optional<Planning> planning() {
        javax.sql.DataSource db = watched;
        if (db == null) {
            return java.util.Optional.empty();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls), 0), coalesce(sum(plans), 0),"
                        + " coalesce(sum(total_plan_time), 0), coalesce(sum(total_exec_time), 0),"
                        + " coalesce(sum(shared_blks_read), 0)"
                        + " FROM pg_stat_statements WHERE dbid ="
                        + " (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND query ~* '" + PLANNED + "' AND query NOT LIKE '%pg_stat_statements%'")) {
            rs.next();
            return java.util.Optional.of(new Planning(rs.getLong(1), rs.getLong(2), rs.getDouble(3),
                    rs.getDouble(4), rs.getLong(5)));
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    static void reset(BenchPlatform platform) throws SQLException {
        try (Connection c = platform.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Each statement's calls per request (those of at least 0.01 per request), and the totals. */
    static Table perRequest(BenchPlatform platform, int requests) throws SQLException {
        Table table = new Table("statement", "kind", "calls per request");
        double planned = 0;
        double utility = 0;
        try (Connection c = platform.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT query, calls FROM pg_stat_statements WHERE dbid ="
                        + " (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC")) {
            while (rs.next()) {
                String query = rs.getString(1).replaceAll("\\s+", " ").strip();
                double perRequest = rs.getLong(2) / (double) requests;
                boolean plans = planned(query);
                if (plans) {
                    planned += perRequest;
                } else {
                    utility += perRequest;
                }
                if (perRequest >= 0.01) {
                    table.row("`" + (query.length() > 110 ? query.substring(0, 110) + "…" : query) + "`",
                            plans ? "planned" : "other", fmt(perRequest, 2));
                }
            }
        }
        table.row("**planned statements per request**", "", fmt(planned, 2));
        table.row("**other statements per request** (SET, BEGIN...)", "", fmt(utility, 2));
        return table;
    }
}
