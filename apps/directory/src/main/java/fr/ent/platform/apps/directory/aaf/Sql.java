package fr.ent.platform.apps.directory.aaf;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Native SQL on the import's transaction. The import writes with plain statements rather than entities: it touches
 * tables the entities do not map (nomenclatures, functions, staging) and needs set-based statements. Parameters
 * are bound, never spliced; nullable ones are cast in the SQL (a null has no type PostgreSQL could guess).
 */
final class Sql {

    /** Joins a list for {@code string_to_array(?, chr(31))}: U+001F cannot appear in XML 1.0 text. */
    static final char SEPARATOR = '\u001F';

    private Sql() {
    }

    static int exec(EntityManager em, String sql, Object... params) {
        return bind(em.createNativeQuery(sql), params).executeUpdate();
    }

    /** Rows as arrays, whatever the number of columns. */
    static List<Object[]> rows(EntityManager em, String sql, Object... params) {
        List<?> raw = bind(em.createNativeQuery(sql), params).getResultList();
        List<Object[]> rows = new ArrayList<>(raw.size());
        for (Object r : raw) {
            rows.add(r instanceof Object[] a ? a : new Object[] {r});
        }
        return rows;
    }

    /**
     * Rows of one INSERT gathered and sent {@value Inserts#ROWS} at a time as one multi-row statement: a structure's
     * import writes most of its rows this way (one round trip per hundred rows instead of one per row). Nothing is
     * written before {@link #flush}: the caller flushes before it reads, or writes otherwise, what these rows touch.
     */
    static final class Inserts {
        static final int ROWS = 100;
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

    private static Query bind(Query q, Object... params) {
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }
}
