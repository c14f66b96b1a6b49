package fr.ent.platform.runtime.data;

import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of an app's own tables as an export writes them: a native SELECT of named columns, each row a map from the
 * column's name to a JSON-ready value (ids and dates as their ISO text). For the apps' {@link DataContract}s, inside
 * a unit of work of {@code TenantData} (the collectivity's schema on the search path).
 */
public final class Rows {

    private Rows() {
    }

    /**
     * {@code SELECT <columns> FROM <from>} with positional parameters {@code ?1, ?2...}. The names are the columns'
     * as written, or their alias ({@code m.subject AS subject}: {@code subject}); written by the app, never input.
     */
    public static List<Map<String, Object>> select(EntityManager em, String columns, String from, Object... params) {
        TenantData.nativeSqlInSchema(em);
        List<String> names = names(columns);
        List<Object> bound = new ArrayList<>();
        String sql = numbered("SELECT " + columns + " FROM " + from, params, bound);
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < bound.size(); i++) {
            q.setParameter(i + 1, bound.get(i));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object result : q.getResultList()) {
            Object[] cells = names.size() == 1 ? new Object[] {result} : (Object[]) result;
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), value(cells[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Runs one {@code UPDATE}/{@code DELETE} of an app's own rows with positional parameters (numbered as in
     * {@link #select}), for an erasure: the count of rows it changed.
     */
    public static int update(EntityManager em, String sql, Object... params) {
        TenantData.nativeSqlInSchema(em);
        List<Object> bound = new ArrayList<>();
        Query q = em.createNativeQuery(numbered(sql, params, bound));
        for (int i = 0; i < bound.size(); i++) {
            q.setParameter(i + 1, bound.get(i));
        }
        return q.executeUpdate();
    }

    /** The values of one column of the rows a {@code DELETE … RETURNING} or a select gives, as text. */
    public static List<String> texts(EntityManager em, String sql, Object... params) {
        TenantData.nativeSqlInSchema(em);
        List<Object> bound = new ArrayList<>();
        Query q = em.createNativeQuery(numbered(sql, params, bound));
        for (int i = 0; i < bound.size(); i++) {
            q.setParameter(i + 1, bound.get(i));
        }
        List<String> out = new ArrayList<>();
        for (Object o : q.getResultList()) {
            if (o != null) {
                out.add(o.toString());
            }
        }
        return out;
    }

    /**
     * The statement with its {@code ?N} renumbered in the order they appear, one value each: a parameter used twice,
     * or one the statement does not use (a contract passes the same values to all its sections), binds as JDBC
     * expects, whatever the driver's or the persistence provider's reading of numbered parameters.
     */
    static String numbered(String sql, Object[] params, List<Object> bound) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > params.length) {
                throw new IllegalArgumentException("?" + n + " without a value in: " + sql);
            }
            bound.add(params[n - 1]);
            m.appendReplacement(out, "?" + bound.size());
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> names(String columns) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : (columns + ",").toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String column = current.toString().strip();
                String[] words = column.split("\\s+");
                String last = words[words.length - 1];
                names.add(last.contains(".") ? last.substring(last.lastIndexOf('.') + 1) : last);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return names;
    }

    /** A cell as JSON carries it: text, number, boolean or null. */
    static Object value(Object cell) {
        if (cell == null || cell instanceof String || cell instanceof Number || cell instanceof Boolean) {
            return cell;
        }
        if (cell instanceof UUID || cell instanceof Character) {
            return cell.toString();
        }
        if (cell instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (cell instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (cell instanceof TemporalAccessor || cell instanceof java.util.Date) {
            return cell.toString();
        }
        if (cell instanceof byte[] bytes) {
            return bytes.length + " octets";
        }
        return cell.toString();
    }
}
