package fr.ent.platform.apps.directory.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain SQL on a unit of work's transaction, for the directory's bulk writers (the AAF and BE1D imports, the
 * profile groups): they write with plain statements rather than entities, many rows per statement, and the AAF
 * import touches tables the entities do not map (nomenclatures, functions, staging). Parameters are bound, never
 * spliced; nullable ones are cast in the SQL (a null has no type PostgreSQL could guess).
 *
 * <p>The statements go through JDBC on the unit of work's own connection ({@code em.unwrap(Connection.class)}, as
 * the collectivity export's {@code TableTransfer} does): same transaction, same role and schema, but not through
 * EclipseLink's native queries, whose parameter binding looks each parameter up in a list (quadratic in the
 * parameters: three quarters of the AAF import's JVM time went there with a hundred rows per INSERT, France import
 * bench, 2026-12-05; ADR 0051). They are written with JPA's numbered marks ({@code ?1}, a mark may repeat), turned
 * into JDBC's here. Entities persisted in the same transaction and not flushed yet are not seen: flush before.
 * The connection is the one the unit of work holds, so the collectivity's role and search path that its data door
 * set at the start of the transaction hold for these statements too; nothing here sets or resets them.
 */
public final class Sql {

    /** Joins a list for {@code string_to_array(?, chr(31))}: U+001F cannot appear in XML 1.0 text. */
    public static final char SEPARATOR = '\u001F';

    private static final Pattern MARK = Pattern.compile("\\?(\\d+)");
    /** The JDBC text and parameter order of each statement text (a few dozen distinct texts). */
    private static final Map<String, Jdbc> TRANSLATED = new ConcurrentHashMap<>();

    private Sql() {
    }

    private record Jdbc(String sql, int[] order) {
    }

    public static int exec(EntityManager em, String sql, Object... params) {
        try (PreparedStatement ps = prepare(em, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** Rows as arrays, whatever the number of columns. */
    public static List<Object[]> rows(EntityManager em, String sql, Object... params) {
        try (PreparedStatement ps = prepare(em, sql, params); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    private static PreparedStatement prepare(EntityManager em, String sql, Object... params) throws SQLException {
        Jdbc jdbc = TRANSLATED.computeIfAbsent(sql, Sql::translate);
        Connection c = em.unwrap(Connection.class);
        PreparedStatement ps = c.prepareStatement(jdbc.sql());
        try {
            for (int i = 0; i < jdbc.order().length; i++) {
                int mark = jdbc.order()[i];
                if (mark > params.length) {
                    throw new IllegalArgumentException("?" + mark + " without a value in " + sql);
                }
                bind(c, ps, i + 1, params[mark - 1]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** A value; {@link Uuids} go as a uuid array. */
    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Uuids ids) {
            ps.setArray(index, c.createArrayOf("uuid", ids.values()));
        } else {
            ps.setObject(index, value);
        }
    }

    /**
     * Ids as one array parameter ({@code id = ANY (CAST(?1 AS uuid[]))}, {@code unnest}). A record rather than a
     * bare {@code UUID[]}, which a varargs call would take for the parameters themselves.
     */
    public record Uuids(UUID[] values) {
    }

    public static Uuids uuids(Collection<UUID> ids) {
        return new Uuids(ids.toArray(UUID[]::new));
    }

    /** {@code ?N} marks to JDBC's {@code ?}, in the order they appear (the texts are ours: no mark in a literal). */
    private static Jdbc translate(String sql) {
        Matcher m = MARK.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Jdbc(out.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** As EclipseLink reported failures: a PersistenceException, whose cause chain holds the SQLException. */
    private static PersistenceException failure(SQLException e, String sql) {
        return new PersistenceException("bulk statement failed: " + e.getMessage(), e);
    }

    /**
     * Rows of one INSERT gathered and sent {@value Inserts#ROWS} at a time as one multi-row statement: a structure's
     * import writes most of its rows this way (one round trip per batch instead of one per row). Nothing is
     * written before {@link #flush}: the caller flushes before it reads, or writes otherwise, what these rows touch.
     */
    public static final class Inserts {
        public static final int ROWS = 500;
        private final EntityManager em;
        private final String head;
        private final String[] row;
        private final String tail;
        private final List<Object> params = new ArrayList<>();
        private int rows;

        /** {@code head} "INSERT INTO t (a, b) VALUES", {@code row} "(CAST(? AS uuid), ?)", {@code tail} "" or "ON CONFLICT...". */
        public Inserts(EntityManager em, String head, String row, String tail) {
            this.em = em;
            this.head = head;
            this.row = row.split("\\?", -1);
            this.tail = tail;
        }

        /** Adds a row; true when the batch is full (the caller then flushes, in its order of tables). */
        public boolean add(Object... values) {
            if (values.length != row.length - 1) {
                throw new IllegalArgumentException(values.length + " values for " + (row.length - 1) + " marks");
            }
            params.addAll(java.util.Arrays.asList(values));
            return ++rows >= ROWS;
        }

        /**
         * Sends the waiting rows. The JDBC text is built here directly, with JDBC's own marks: going through
         * {@link #exec}'s translation would parse and cache a text of thousands of marks per batch size.
         */
        public void flush() {
            if (rows == 0) {
                return;
            }
            StringBuilder sql = new StringBuilder(head).append(' ');
            String oneRow = String.join("?", row);
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "" : ",").append(oneRow);
            }
            if (!tail.isEmpty()) {
                sql.append(' ').append(tail);
            }
            Connection c = em.unwrap(Connection.class);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    bind(c, ps, i + 1, params.get(i));
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw failure(e, head);
            }
            params.clear();
            rows = 0;
        }
    }

    public static String list(Collection<String> values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (!s.isEmpty()) {
                s.append(SEPARATOR);
            }
            s.append(v);
        }
        return s.toString();
    }

    public static String text(Object o) {
        return o == null ? null : o.toString();
    }

}
