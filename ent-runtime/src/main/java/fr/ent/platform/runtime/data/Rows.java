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
        Query q = em.createNativeQuery("SELECT " + columns + " FROM " + from);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
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
