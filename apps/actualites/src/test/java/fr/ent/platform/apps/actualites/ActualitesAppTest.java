package fr.ent.platform.apps.actualites;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.actualites.web.Texts;
import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app states to the platform and its texts in three languages. */
class ActualitesAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_and_every_profile_sees_it() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(ActualitesApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(ActualitesApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(ActualitesApp.DESCRIPTOR.profiles()).contains("Student", "Relative", "Teacher", "Personnel");
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
        assertThat(new Texts(Locale.FRENCH).get("latest.none")).contains("l'instant").doesNotContain("''");
    }

    private Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/fr/ent/platform/apps/actualites/messages" + suffix
                + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
