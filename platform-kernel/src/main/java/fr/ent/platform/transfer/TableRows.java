package fr.ent.platform.transfer;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One table of a collectivity's schema, out to JSON Lines and back (ADR 0033, docs/reversibility-format.md), over a
 * JDBC connection working as the collectivity (its role, its schema on the search path). Out: a cursor read
 * {@value #FETCH} rows at a time, one JSON object per row, the table's own column names; numbers and booleans as JSON
 * numbers and booleans, {@code timestamptz} as ISO 8601 in UTC, everything else as PostgreSQL's text form (uuid,
 * date, arrays {@code {a,b}}, jsonb, bytea {@code \x...}); generated columns are left out (they are computed). Back:
 * each value cast from its text to the column's type, in batches; a column the archive lacks takes its default (an
 * archive of an older version), a column the table lacks refuses the archive (a newer version).
 */
public final class TableRows {

    static final int FETCH = 500;
    // one provider for every row: Json.createGenerator / createReader look the provider up anew at each call (a
    // ServiceLoader scan of the class loaders), which for a collectivity's hundreds of thousands of rows cost more
    // than writing them
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private TableRows() {
    }

    /** How an import writes a table (see the runtime's {@code TableTransfer.Mode}). */
    public enum Mode {
        REPLACE, MERGE, APPEND
    }

    /** Streams {@code table}'s rows as JSON objects (one line each) to {@code rows}; returns how many. */
    public static long export(Connection c, String table, String order, Consumer<String> rows) {
        requireName(table);
        List<Column> columns = columns(c, table);
        String list = String.join(", ", columns.stream().filter(col -> !col.generated()).map(Column::name).toList());
        String sql;
        if (order.startsWith("tree:")) {
            String[] idParent = order.substring(5).split(",");
            requireName(idParent[0]);
            requireName(idParent[1]);
            sql = "WITH RECURSIVE level (id, depth) AS (SELECT " + idParent[0] + ", 0 FROM " + table + " WHERE "
                    + idParent[1] + " IS NULL UNION ALL SELECT t." + idParent[0] + ", level.depth + 1 FROM " + table
                    + " t JOIN level ON t." + idParent[1] + " = level.id) SELECT " + prefixed("t.", columns) + " FROM "
                    + table + " t JOIN level ON level.id = t." + idParent[0] + " ORDER BY level.depth, t." + idParent[0];
        } else {
            sql = "SELECT " + list + " FROM " + table + " ORDER BY " + order;
        }
        long count = 0;
        try (PreparedStatement select = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            select.setFetchSize(FETCH); // a cursor: the driver holds FETCH rows at a time, never the table
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    rows.accept(row(rs, meta));
                    count++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export of " + table + ": " + e.getMessage(), e);
        }
        return count;
    }

    /** Loads JSON Lines rows into {@code table}, as {@code mode} says; returns how many rows were read. */
    public static long load(Connection c, String table, Mode mode, BufferedReader rows) {
        requireName(table);
        Map<String, Column> columns = new LinkedHashMap<>();
        columns(c, table).forEach(col -> columns.put(col.name(), col));
        try {
            if (mode == Mode.REPLACE) {
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE TABLE " + table + " CASCADE");
                }
            }
            if (rows == null) {
                return 0;
            }
            long count = 0;
            List<String> names = null;
            PreparedStatement insert = null;
            int batch = 0;
            try {
                for (String line; (line = rows.readLine()) != null;) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonObject row;
                    try (JsonReader r = READERS.createReader(new StringReader(line))) {
                        row = r.readObject();
                    }
                    List<String> these = new ArrayList<>();
                    for (String name : row.keySet()) {
                        Column col = columns.get(name);
                        if (col == null) {
                            throw new IllegalArgumentException(table + " has no column " + name
                                    + " (an archive of a newer version?)");
                        }
                        if (!col.generated() && !(mode == Mode.APPEND && col.identity())) {
                            these.add(name);
                        }
                    }
                    if (!these.equals(names)) {
                        if (insert != null) {
                            insert.executeBatch();
                            insert.close();
                            batch = 0;
                        }
                        names = these;
                        insert = c.prepareStatement(insertSql(table, names, columns, mode));
                    }
                    for (int i = 0; i < names.size(); i++) {
                        String value = text(row.get(names.get(i)));
                        if (value == null) {
                            insert.setNull(i + 1, Types.VARCHAR);
                        } else {
                            insert.setString(i + 1, value);
                        }
                    }
                    insert.addBatch();
                    count++;
                    if (++batch == FETCH) {
                        insert.executeBatch();
                        batch = 0;
                    }
                }
                if (insert != null && batch > 0) {
                    insert.executeBatch();
                }
            } finally {
                if (insert != null) {
                    insert.close();
                }
            }
            if (mode == Mode.REPLACE) {
                for (Column col : columns.values()) {
                    if (col.identity()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + col.name() + "'),"
                                    + " coalesce((SELECT max(" + col.name() + ") FROM " + table + "), 0) + 1, false)");
                        }
                    }
                }
            }
            return count;
        } catch (SQLException e) {
            SQLException next = e.getNextException();
            throw new IllegalStateException("import of " + table + ": " + e.getMessage()
                    + (next == null ? "" : " (" + next.getMessage() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String insertSql(String table, List<String> names, Map<String, Column> columns, Mode mode) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", names)).append(")");
        if (mode != Mode.APPEND && names.stream().anyMatch(n -> columns.get(n).identity())) {
            sql.append(" OVERRIDING SYSTEM VALUE");
        }
        sql.append(" VALUES (");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(columns.get(names.get(i)).type()).append(")");
        }
        sql.append(")");
        if (mode == Mode.MERGE) {
            sql.append(" ON CONFLICT DO NOTHING");
        }
        return sql.toString();
    }

    private static String row(ResultSet rs, ResultSetMetaData meta) throws SQLException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = GENERATORS.createGenerator(out)) {
            json.writeStartObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i);
                switch (meta.getColumnType(i)) {
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                        long v = rs.getLong(i);
                        if (rs.wasNull()) {
                            json.writeNull(name);
                        } else {
                            json.write(name, v);
                        }
                    }
                    case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.FLOAT -> {
                        java.math.BigDecimal v = rs.getBigDecimal(i);
                        if (v == null) {
                            json.writeNull(name);
                        } else {
                            json.write(name, v);
                        }
                    }
                    case Types.BOOLEAN, Types.BIT -> {
                        boolean v = rs.getBoolean(i);
                        if (rs.wasNull()) {
                            json.writeNull(name);
                        } else {
                            json.write(name, v);
                        }
                    }
                    default -> {
                        String v;
                        if ("timestamptz".equals(meta.getColumnTypeName(i))) {
                            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                            v = t == null ? null : t.toInstant().toString();
                        } else {
                            v = rs.getString(i);
                        }
                        if (v == null) {
                            json.writeNull(name);
                        } else {
                            json.write(name, v);
                        }
                    }
                }
            }
            json.writeEnd();
        }
        return out.toString();
    }

    private static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> v.toString();
        };
    }

    /** A column of the table: its name, its full type ({@code format_type}), whether generated or an identity. */
    record Column(String name, String type, boolean generated, boolean identity) {
    }

    static List<Column> columns(Connection c, String table) {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attgenerated <> '', a.attidentity <> '' FROM pg_attribute a WHERE a.attrelid = CAST(? AS regclass)"
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("columns of " + table + ": " + e.getMessage(), e);
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table + " in the collectivity's schema");
        }
        return columns;
    }

    private static String prefixed(String prefix, List<Column> columns) {
        return String.join(", ", columns.stream().filter(col -> !col.generated()).map(col -> prefix + col.name()).toList());
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
    }
}
