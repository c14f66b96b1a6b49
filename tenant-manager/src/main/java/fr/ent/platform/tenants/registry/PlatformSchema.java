package fr.ent.platform.tenants.registry;

import javax.sql.DataSource;
import fr.ent.platform.migration.IndexedMigrations;

/** The registry's own schema ({@code platform}), migrated by Flyway when tenant-manager starts. */
public final class PlatformSchema {

    private PlatformSchema() {
    }

    public static String migrate(DataSource dataSource) {
        return IndexedMigrations.configure("db/platform", PlatformSchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas("platform")
                .createSchemas(true)
                .load()
                .migrate()
                .targetSchemaVersion;
    }
}
