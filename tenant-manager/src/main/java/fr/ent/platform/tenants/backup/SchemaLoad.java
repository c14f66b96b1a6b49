package fr.ent.platform.tenants.backup;

import static fr.ent.platform.tenancy.TenantNames.quote;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.transfer.ArchiveReader;
import fr.ent.platform.transfer.Manifest;
import fr.ent.platform.transfer.TableRows;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A backup's tables loaded into a schema other than the collectivity's (ADR 0040): the scratch schema that verifies
 * a backup, or the new schema a restore switches to. The schema is created owned by the collectivity's role and
 * migrated by the same migrations as any collectivity; the archive's tables are loaded in the manifest's order
 * (parents first), as the collectivity's role, with the same code as an import ({@link TableRows}).
 *
 * <p>For a restore, what the backup must not roll back is carried over from the current schema instead: the audit
 * trails (append-only: what operators and administrators did since the backup stays on record, the restore
 * included) and every table the archive does not hold (this platform's job logs, a table added since).
 */
final class SchemaLoad {

    /** The append-only trails: never taken back to an earlier state. */
    static final Set<String> TRAILS = Set.of("console_audit", "moderation_audit");

    private SchemaLoad() {
    }

    /** Creates {@code target} (a schema owned by {@code owner}'s role), empty. */
    static void create(Connection c, TenantNames target) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + quote(target.schema()) + " AUTHORIZATION " + quote(target.role()));
            s.execute("REVOKE ALL ON SCHEMA " + quote(target.schema()) + " FROM PUBLIC");
        }
    }

    static boolean exists(Connection c, String schema) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (java.sql.ResultSet r = ps.executeQuery()) {
                return r.next();
            }
        }
    }

    static void drop(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
        }
    }

    /**
     * Loads every table of the archive into {@code target} (already migrated), in one transaction; with {@code
     * current}, leaves out the trails and then copies them, and every table the archive lacks, from {@code current}.
     * Returns the rows loaded from the archive, checked table by table against the manifest's counts.
     */
    static long load(Connection c, TenantNames target, ArchiveReader archive, TenantNames current, Path work)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            asRole(c, target);
            Set<String> loaded = new LinkedHashSet<>();
            long rows = 0;
            for (Manifest.Entry e : archive.manifest().entries()) {
                if (!e.path().startsWith("apps/") || !e.path().endsWith(".jsonl")) {
                    continue;
                }
                String table = e.path().substring(e.path().lastIndexOf('/') + 1, e.path().length() - ".jsonl".length());
                if (current != null && TRAILS.contains(table)) {
                    continue;
                }
                try (BufferedReader in = archive.rows(e.path())) {
                    long n = TableRows.load(c, table, TRAILS.contains(table) ? TableRows.Mode.MERGE
                            : TableRows.Mode.REPLACE, in);
                    if (e.rows() != null && n != e.rows()) {
                        throw new IllegalStateException(table + ": " + n + " rows loaded, the manifest says " + e.rows());
                    }
                    rows += n;
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                loaded.add(table);
            }
            if (current != null) {
                for (String table : tables(c, target.schema())) {
                    if (!loaded.contains(table)) {
                        carryOver(c, table, current, target, work);
                    }
                }
            }
            c.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Rows per table of {@code schema}, for the report and the tests. */
    static long count(Connection c, TenantNames names, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM "
                + quote(names.schema()) + "." + quote(table))) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The collectivity's tables in {@code schema}, migration histories left out. */
    static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?"
                + " AND tablename NOT LIKE 'flyway%' ORDER BY tablename")) {
            ps.setString(1, schema);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /** One table's rows from the current schema to the new one, through a scratch file (same code as the archive). */
    private static void carryOver(Connection c, String table, TenantNames from, TenantNames to, Path work)
            throws SQLException {
        Path rows = null;
        try {
            rows = Files.createTempFile(work, "carry-" + table + "-", ".jsonl");
            asRole(c, from);
            try (BufferedWriter out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
                TableRows.export(c, table, "1", line -> {
                    try {
                        out.write(line);
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            asRole(c, to);
            try (BufferedReader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                TableRows.load(c, table, TableRows.Mode.MERGE, in);
            }
            resetIdentities(c, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (rows != null) {
                try {
                    Files.deleteIfExists(rows);
                } catch (IOException ignored) {
                    // a scratch file left in the work directory
                }
            }
        }
    }

    /** The rows came with their numbers: the table's identity goes on after the highest. */
    private static void resetIdentities(Connection c, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_attribute a WHERE a.attrelid ="
                + " CAST(? AS regclass) AND a.attidentity <> '' AND NOT a.attisdropped")) {
            ps.setString(1, table);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    identities.add(r.getString(1));
                }
            }
        }
        for (String col : identities) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + col + "'), coalesce((SELECT max("
                        + quote(col) + ") FROM " + quote(table) + "), 0) + 1, false)");
            }
        }
    }

    private static void asRole(Connection c, TenantNames names) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE " + quote(names.role()));
            s.execute("SET LOCAL search_path TO " + quote(names.schema()));
        }
    }
}
