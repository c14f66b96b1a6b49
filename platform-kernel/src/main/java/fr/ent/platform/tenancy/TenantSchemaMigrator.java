package fr.ent.platform.tenancy;

import fr.ent.platform.migration.IndexedMigrations;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the collectivity schema migrations ({@code db/tenant}) to one collectivity's schema with Flyway,
 * as the collectivity's own role so that every object belongs to it. Idempotent: re-running on an up-to-date
 * schema does nothing.
 */
public final class TenantSchemaMigrator {

    /**
     * The schema version this build of the platform serves. Must equal the highest {@code V<n>__} file under
     * {@code db/tenant} (a unit test checks it): the runtime refuses to serve a tenant whose recorded version
     * differs, so that a failed migration is reported rather than silently served.
     */
    public static final String CURRENT_VERSION = "2";

    static final String FOLDER = "db/tenant";

    private final DataSource dataSource;

    public TenantSchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates the schema and returns the version it is at afterwards. */
    public String migrate(TenantNames names) {
        Flyway flyway = IndexedMigrations.configure(FOLDER, TenantSchemaMigrator.class.getClassLoader())
                .dataSource(new RoleDataSource(dataSource, names.role()))
                .schemas(names.schema())
                .defaultSchema(names.schema())
                .createSchemas(false)
                .load();
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        if (version == null) {
            throw new IllegalStateException("no migration was applied to schema " + names.schema());
        }
        return version;
    }
}
