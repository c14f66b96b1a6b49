package fr.ent.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TenantSchemaMigratorTest {

    @Test
    void currentVersionIsTheHighestMigration() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("db/tenant").toURI());
        Pattern versioned = Pattern.compile("^V(\\d+)__.+\\.sql$");
        int highest;
        try (Stream<Path> files = Files.list(dir)) {
            highest = files.map(p -> versioned.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(TenantSchemaMigrator.CURRENT_VERSION).isEqualTo(String.valueOf(highest));
    }

    @Test
    void indexListsExactlyTheMigrationFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("db/tenant").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index("db/tenant", getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
    }
}
