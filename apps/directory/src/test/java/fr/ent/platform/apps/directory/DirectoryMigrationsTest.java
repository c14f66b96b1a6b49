package fr.ent.platform.apps.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The directory's migrations: its index lists exactly its files, and its id names their folder. */
class DirectoryMigrationsTest {

    /** Flyway's order: V10 after V9 (a plain sort of the names would put it after V1). */
    private static final java.util.Comparator<String> IN_VERSION_ORDER = java.util.Comparator.comparingInt(
            n -> Integer.parseInt(n.substring(1, n.indexOf("__"))));

    @Test
    void index_lists_exactly_the_migration_files() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(DirectoryApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted(IN_VERSION_ORDER).toList());
        }
        assertThat(AppSchemas.highestVersion(DirectoryApp.ID, getClass().getClassLoader())).contains("10");
    }
}
