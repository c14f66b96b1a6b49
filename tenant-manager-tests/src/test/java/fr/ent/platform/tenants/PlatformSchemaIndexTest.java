package fr.ent.platform.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlatformSchemaIndexTest {

    @Test
    void indexListsExactlyTheRegistryMigrationFiles() throws Exception {
        // the files from tenant-manager's sources; the index from the class path (its classes jar in a full build)
        Path dir = Path.of("../tenant-manager/src/main/resources/db/platform");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index("db/platform", getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql"))
                            // by version number: V10 comes after V9, not after V1
                            .sorted(java.util.Comparator.comparingInt(
                                    n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
                            .toList());
        }
    }
}
