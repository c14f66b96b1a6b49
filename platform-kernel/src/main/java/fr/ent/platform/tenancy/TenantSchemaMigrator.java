package fr.ent.platform.tenancy;

import fr.ent.platform.migration.IndexedMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the apps' migrations ({@code db/apps/<app>/}, see {@link AppSchemas}) to one collectivity's schema with
 * Flyway, app after app in the order given, each with its own history table ({@code flyway_history_<app>}), as the
 * collectivity's own role so that every object belongs to it. Idempotent: re-running on an up-to-date schema does
 * nothing. Which apps a build holds is read from {@code db/apps/index} by {@link #installedApps(ClassLoader)}.
 * Each app's Flyway is built once and reused for the next schemas ({@link AppFlyway}): a collectivity's migrations
 * were 1.9 CPU-s, mostly Flyway's set-up and parsing repeated per app and schema (issue 19, docs/benchmarks.md).
 */
public final class TenantSchemaMigrator {

    /** One app id per line, in migration order (an app's tables may be read by the apps after it through its API). */
    public static final String APPS_INDEX = "db/apps/index";
    /**
     * Before apps had their own histories, the directory's migrations (then the only ones) were recorded in
     * Flyway's default table: it becomes the directory's history, unchanged (same scripts, same checksums).
     */
    static final String LEGACY_HISTORY = "flyway_schema_history";
    static final String LEGACY_HISTORY_APP = "directory";

    private final DataSource dataSource;
    private final List<String> apps;
    private final ClassLoader loader;
    /** Each app's Flyways not migrating a schema at the moment (as many as schemas were ever migrated at once). */
    private final Map<String, Queue<AppFlyway>> idle = new ConcurrentHashMap<>();

    public TenantSchemaMigrator(DataSource dataSource, List<String> apps, ClassLoader loader) {
        this.dataSource = dataSource;
        this.apps = List.copyOf(apps);
        this.loader = loader;
    }

    /** The migrator of the apps this class loader holds ({@link #APPS_INDEX}). */
    public static TenantSchemaMigrator ofInstalledApps(DataSource dataSource, ClassLoader loader) {
        return new TenantSchemaMigrator(dataSource, installedApps(loader), loader);
    }

    public static List<String> installedApps(ClassLoader loader) {
        return IndexedMigrations.index("db/apps", loader);
    }

    /** The versions this migrator brings a schema to: what the registry must record for the runtime to serve it. */
    public AppSchemas target() {
        return AppSchemas.expected(apps, loader);
    }

    /** Migrates every app's tables and returns the versions the schema is at afterwards. */
    public AppSchemas migrate(TenantNames names) {
        Map<String, String> versions = new LinkedHashMap<>();
        Set<String> histories = histories(names);
        for (String app : apps) {
            if (AppSchemas.highestVersion(app, loader).isEmpty()) {
                continue;
            }
            adoptLegacyHistory(names, app);
            boolean hasHistory = histories.contains(historyTable(app))
                    || app.equals(LEGACY_HISTORY_APP) && histories.contains(LEGACY_HISTORY);
            MigrateResult result = migrate(app, names, hasHistory);
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion;
            if (version == null) {
                throw new IllegalStateException("no migration of app " + app + " was applied to " + names.schema());
            }
            versions.put(app, version);
        }
        return new AppSchemas(versions);
    }

    /**
     * The app's migrations on one schema, by one of the app's Flyways built before (a free one: each migrates one
     * schema at a time) or a new one when all are busy; it is kept for the next schema.
     */
    private MigrateResult migrate(String app, TenantNames names, boolean hasHistory) {
        Queue<AppFlyway> free = idle.computeIfAbsent(app, a -> new ConcurrentLinkedQueue<>());
        AppFlyway flyway = free.poll();
        if (flyway == null) {
            flyway = new AppFlyway(app, dataSource, loader);
        }
        try {
            return flyway.migrate(names, hasHistory);
        } finally {
            free.add(flyway);
        }
    }

    static String historyTable(String app) {
        return "flyway_history_" + app;
    }

    /** The Flyway history tables in the schema before it is migrated. */
    private Set<String> histories(TenantNames names) {
        Set<String> tables = new HashSet<>();
        try (Connection c = new RoleDataSource(dataSource, names.role()).getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename LIKE 'flyway\\_%'")) {
            ps.setString(1, names.schema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the migration histories of " + names.schema(), e);
        }
        return tables;
    }

    private void adoptLegacyHistory(TenantNames names, String app) {
        if (!app.equals(LEGACY_HISTORY_APP)) {
            return;
        }
        try (Connection c = new RoleDataSource(dataSource, names.role()).getConnection()) {
            if (exists(c, names.schema(), LEGACY_HISTORY) && !exists(c, names.schema(), historyTable(app))) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + TenantNames.quote(names.schema()) + "." + LEGACY_HISTORY
                            + " RENAME TO " + historyTable(app));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot adopt the directory's migration history in " + names.schema(), e);
        }
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
