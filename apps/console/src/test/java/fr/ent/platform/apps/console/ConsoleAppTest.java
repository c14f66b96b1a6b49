package fr.ent.platform.apps.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's own migrations (its audit trail) and texts: an index equal to the folder, three equal bundles. */
class ConsoleAppTest {

    @Test
    void its_index_lists_exactly_its_migrations() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(ConsoleApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        String sql = Files.readString(dir.resolve("V1__console_audit.sql"));
        assertThat(sql).as("append-only in the database").contains("BEFORE UPDATE OR DELETE ON console_audit",
                "BEFORE TRUNCATE ON console_audit");
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleAppTest.class.getResourceAsStream(
                "/fr/ent/platform/apps/console/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
