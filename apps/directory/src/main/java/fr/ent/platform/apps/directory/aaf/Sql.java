package fr.ent.platform.apps.directory.aaf;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain SQL on the import's transaction. The import writes with plain statements rather than entities: it touches
 * tables the entities do not map (nomenclatures, functions, staging) and needs set-based statements. Parameters
 * are bound, never spliced; nullable ones are cast in the SQL (a null has no type PostgreSQL could guess).
 *
 * <p>The statements go through JDBC on the unit of work's own connection ({@code em.unwrap(Connection.class)}, as
 * the collectivity export's {@code TableTransfer} does): same transaction, same role and schema, but not through
 * EclipseLink's native queries, whose parameter binding looks each parameter up in a list (quadratic in the
 * parameters: three quarters of the AAF import's JVM time went there with a hundred rows per INSERT, France import
 * bench, 2026-12-05). They are written with JPA's numbered marks ({@code ?1}, a mark may repeat), turned into JDBC's
 * here. Entities persisted in the same transaction and not flushed yet are not seen: flush before.
 */
final class Sql {

    /** Joins a list for {@code string_to_array(?, chr(31))}: U+001F cannot appear in XML 1.0 text. */
    static final char SEPARATOR = '\u001F';

    private static final Pattern MARK = Pattern.compile("\\?(\\d+)");
    /** The JDBC text and parameter order of each statement text (a few dozen distinct texts). */
    private static final Map<String, Jdbc> TRANSLATED = new ConcurrentHashMap<>();

    private Sql() {
    }

    private record Jdbc(String sql, int[] order) {
    }

    static int exec(EntityManager em, String sql, Object... params) {
        try (PreparedStatement ps = prepare(em, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** Rows as arrays, whatever the number of columns. */
    static List<Object[]> rows(EntityManager em, String sql, Object... params) {
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
        PreparedStatement ps = em.unwrap(Connection.class).prepareStatement(jdbc.sql());
        try {
            for (int i = 0; i < jdbc.order().length; i++) {
                int mark = jdbc.order()[i];
                if (mark > params.length) {
                    throw new IllegalArgumentException("?" + mark + " without a value in " + sql);
                }
                ps.setObject(i + 1, params[mark - 1]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
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
        return new PersistenceException("AAF import statement failed: " + e.getMessage(), e);
    }

    /**
     * Rows of one INSERT gathered and sent {@value Inserts#ROWS} at a time as one multi-row statement: a structure's
     * import writes most of its rows this way (one round trip per batch instead of one per row). Nothing is
     * written before {@link #flush}: the caller flushes before it reads, or writes otherwise, what these rows touch.
     */
    static final class Inserts {
        static final int ROWS = 500;
        private final EntityManager em;
        private final String head;
        private final String[] row;
        private final String tail;
        private final List<Object> params = new ArrayList<>();
        private int rows;

        /** {@code head} "INSERT INTO t (a, b) VALUES", {@code row} "(CAST(? AS uuid), ?)", {@code tail} "" or "ON CONFLICT...". */
        Inserts(EntityManager em, String head, String row, String tail) {
            this.em = em;
            this.head = head;
            this.row = row.split("\\?", -1);
            this.tail = tail;
        }

        /** Adds a row; true when the batch is full (the caller then flushes, in its order of tables). */
        boolean add(Object... values) {
            if (values.length != row.length - 1) {
                throw new IllegalArgumentException(values.length + " values for " + (row.length - 1) + " marks");
            }
            params.addAll(java.util.Arrays.asList(values));
            return ++rows >= ROWS;
        }

        void flush() {
            if (rows == 0) {
                return;
            }
            StringBuilder sql = new StringBuilder(head).append(' ');
            int n = 0;
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "" : ",").append(row[0]);
                for (int i = 1; i < row.length; i++) {
                    sql.append('?').append(++n).append(row[i]);
                }
            }
            if (!tail.isEmpty()) {
                sql.append(' ').append(tail);
            }
            exec(em, sql.toString(), params.toArray());
            params.clear();
            rows = 0;
        }
    }

    static String list(Collection<String> values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (!s.isEmpty()) {
                s.append(SEPARATOR);
            }
            s.append(v);
        }
        return s.toString();
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }

}
