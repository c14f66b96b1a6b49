package fr.ent.platform.tenancy;

import fr.ent.platform.migration.IndexedMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One app's Flyway, built once and reused for every collectivity schema it migrates, one schema at a time
 * ({@link TenantSchemaMigrator} lends it). Building a Flyway (its configuration copied, its plugins and environment
 * resolved) was a third of a schema's migration CPU, paid once per app and collectivity (issue 19: 14 apps, 1,000
 * collectivities for France). Its configuration therefore names no schema: each connection it opens acts as the
 * collectivity's role with the collectivity's schema as its {@code search_path}, and Flyway takes a connection's
 * current schema as the schema it migrates and keeps the history in — what {@code schemas(s).defaultSchema(s)} said
 * when each schema had its own Flyway. Same scripts, same history table, same rows. The scripts themselves are read
 * once and sent whole ({@link IndexedMigrations#configureAsScripts}).
 */
final class AppFlyway {

    private final Target target;
    private final Flyway flyway;
    /**
     * The same without validation, for a schema where the app has no history yet: validating compares the
     * migrations applied (none there) with the build's, so it cannot find anything, and it cost 8 % of a new
     * schema's migration CPU (it resolves and reads the history once more).
     */
    private final Flyway firstRun;

    AppFlyway(String app, DataSource pool, ClassLoader loader) {
        this.target = new Target(pool);
        this.flyway = configure(app, loader, target).load();
        // createSchemas(true) only so that its baseline() does not warn at every new schema that createSchemas is
        // false: the schema always exists by then (Flyway then only checks pg_namespace), and were it missing, the
        // connection's current schema would be null and Flyway would refuse rather than create it.
        this.firstRun = configure(app, loader, target).validateOnMigrate(false).createSchemas(true).load();
    }

    private static FluentConfiguration configure(String app, ClassLoader loader, DataSource target) {
        FluentConfiguration configuration = IndexedMigrations.configureAsScripts(AppSchemas.folder(app), loader);
        // A session-level advisory lock, hence one connection for everything: each migration and its history row
        // then commit in one transaction. With the default transactional lock Flyway uses two connections, and a
        // process killed between their commits left a table without its history row: the retried MIGRATIONS step
        // then failed on "relation already exists" (CrashRecoveryIT, seen once in CI).
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration
                .dataSource(target)
                .table(TenantSchemaMigrator.historyTable(app))
                // The schema already holds the apps migrated before this one: the app's own history starts at 0
                // there, so all its migrations apply.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .createSchemas(false);
    }

    /**
     * Brings the collectivity's schema to this app's last migration (not thread-safe: one schema at a time);
     * {@code hasHistory}: whether the app's history table was in the schema before.
     */
    MigrateResult migrate(TenantNames names, boolean hasHistory) {
        target.names = RoleDataSource.inSchema(target.pool(), names);
        try {
            if (!hasHistory) {
                // Without its history table, Flyway's migrate() first asks whether the schema is empty: on
                // PostgreSQL one statement joining the whole catalog with pg_depend, which no index serves (750 ms at
                // 400 collectivity schemas, growing with each one: docs/benchmarks.md, "Full France"). baseline()
                // makes the history table with its baseline row (version 0, below every migration) without asking;
                // migrate() then finds the table and applies everything above the baseline.
                firstRun.baseline();
            }
            return (hasHistory ? flyway : firstRun).migrate();
        } finally {
            target.names = null;
        }
    }

    /** The connections of the schema being migrated. */
    private static final class Target extends DataSourceOverPool {

        private volatile RoleDataSource names;

        Target(DataSource pool) {
            super(pool);
        }

        DataSource pool() {
            return pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            RoleDataSource current = names;
            if (current == null) {
                throw new IllegalStateException("an app's Flyway opened a connection outside a migration");
            }
            return current.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("a collectivity's migration uses the pool's credentials");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
