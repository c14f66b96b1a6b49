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
