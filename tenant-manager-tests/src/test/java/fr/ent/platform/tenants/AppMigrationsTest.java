package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The apps tenant-manager migrates are exactly the app modules whose migrations the build unpacked into its classes,
 * and each app's index lists exactly its migration files: an app added to one place only fails here, not in a
 * collectivity's schema.
 */
class AppMigrationsTest {

    /** Flyway's order: V10 after V9 (a plain sort of the names would put it after V1). */
    private static final java.util.Comparator<String> IN_VERSION_ORDER = java.util.Comparator.comparingInt(
            n -> Integer.parseInt(n.substring(1, n.indexOf("__"))));

    private static final Path APPS = Path.of("../tenant-manager/target/classes/db/apps");
    private final ClassLoader loader = TenantSchemaMigrator.class.getClassLoader();

    @Test
    void the_apps_index_lists_every_unpacked_app_and_only_them() throws IOException {
        try (Stream<Path> folders = Files.list(APPS)) {
            List<String> unpacked = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .toList();
            assertThat(TenantSchemaMigrator.installedApps(loader)).containsExactlyInAnyOrderElementsOf(unpacked)
                    .startsWith("directory");
        }
    }

    @Test
    void each_app_index_lists_exactly_its_migration_files() throws IOException {
        for (String app : TenantSchemaMigrator.installedApps(loader)) {
            try (Stream<Path> files = Files.list(APPS.resolve(app))) {
                assertThat(IndexedMigrations.index(AppSchemas.folder(app), loader)).as(app)
                        .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith(".sql")).sorted(IN_VERSION_ORDER).toList());
            }
        }
    }

    @Test
    void the_target_names_every_app_with_migrations() {
        assertThat(TenantSchemaMigrator.ofInstalledApps(null, loader).target().versions())
                .containsEntry("directory", "10").containsEntry("notifications", "3").containsEntry("flash", "1")
                .containsEntry("messagerie", "3").containsEntry("moderation", "1")
                .containsEntry("documents", "1").containsEntry("diary", "1").containsEntry("wiki", "1")
                .containsEntry("courses", "1").containsEntry("communities", "1").containsEntry("console", "3")
                .containsEntry("privacy", "3");
    }
}
