package fr.ent.platform.runtime.data;

import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.transfer.TableRows;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.sql.Connection;
import java.util.function.Consumer;

/**
 * One table of an app, out to JSON Lines and back (ADR 0033, docs/reversibility-format.md), over the JDBC connection
 * of a {@code TenantData} unit of work (the collectivity's role, its schema on the search path). Out: a cursor read
 * {@code TableRows.FETCH} rows at a time, one JSON object per row, the table's own column names; numbers and booleans as JSON
 * numbers and booleans, {@code timestamptz} as ISO 8601 in UTC, everything else as PostgreSQL's text form (uuid,
 * date, arrays {@code {a,b}}, jsonb, bytea {@code \x...}); generated columns are left out (they are computed). Back:
 * each value cast from its text to the column's type, in batches; a column the archive lacks takes its default (an
 * archive of an older version), a column the table lacks refuses the archive (a newer version).
 */
public final class TableTransfer {

    private TableTransfer() {
    }

    /** The order rows go out in: parents before children, so that the import's foreign keys hold row by row. */
    public record Order(String sql) {

        /** By these columns (a key: the order is stable). */
        public static Order by(String columns) {
            return new Order(columns);
        }

        /**
         * A table whose rows point at a parent row of the same table ({@code parent} → {@code id}): roots first, then
         * each level of the tree, so that a row's parent is always loaded before it.
         */
        public static Order tree(String id, String parent) {
            return new Order("tree:" + id + "," + parent);
        }
    }

    /** How an import writes a table. */
    public enum Mode {
        /** Emptied first ({@code TRUNCATE ... CASCADE}), then the archive's rows, ids and keys as they were. */
        REPLACE,
        /** Rows already there stay (they were written by the new collectivity's provisioning); others are added. */
        MERGE,
        /**
         * An append-only trail (its triggers refuse removal): the archive's rows are added after what is there, each
         * numbered anew by the table's identity column.
         */
        APPEND
    }

    /** Streams {@code table}'s rows as JSON objects (one line each) to {@code rows}; returns how many. */
    public static long export(EntityManager em, String table, Order order, Consumer<String> rows) {
        TenantData.nativeSqlInSchema(em);
        return TableRows.export(em.unwrap(Connection.class), table, order.sql(), rows);
    }

    /** Loads JSON Lines rows into {@code table}, as {@code mode} says; returns how many rows were read. */
    public static long load(EntityManager em, String table, Mode mode, BufferedReader rows) {
        TenantData.nativeSqlInSchema(em);
        return TableRows.load(em.unwrap(Connection.class), table, TableRows.Mode.valueOf(mode.name()), rows);
    }
}
