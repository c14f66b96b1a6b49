package fr.ent.platform.apps.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.documents.web.Route;
import fr.ent.platform.apps.documents.web.Sizes;
import fr.ent.platform.apps.documents.web.Texts;
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

/** What the app states to the platform, its texts and its paths. */
class DocumentsAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_and_every_profile_sees_it() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(DocumentsApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(DocumentsApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(DocumentsApp.DESCRIPTOR.profiles()).hasSize(5);
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
        assertThat(new Texts(Locale.FRENCH).get("done.trashed")).contains("L'élément").doesNotContain("''");
        assertThat(new Texts(Locale.FRENCH).get("usage", "1 kio", "5 Mio")).isEqualTo(
                "Espace utilisé : 1 kio sur 5 Mio");
    }

    @Test
    void pages_paths_are_read_strictly() {
        assertThat(Route.of(null)).contains(new Route("root", "", ""));
        assertThat(Route.of("/shared")).contains(new Route("shared", "", ""));
        String id = "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa";
        assertThat(Route.of("/files/" + id + "/download")).contains(new Route("files", id, "download"));
        assertThat(Route.of("/folders/" + id)).contains(new Route("folders", id, ""));
        assertThat(Route.of("/files/../../etc")).isEmpty();
        assertThat(Route.of("/nodes/" + id + "/Trash")).isEmpty();
        assertThat(Route.of("/other")).isEmpty();
    }

    @Test
    void sizes_read_as_people_read_them() {
        assertThat(Sizes.readable(512, Locale.FRENCH)).isEqualTo("512\u00a0o");
        assertThat(Sizes.readable(1536, Locale.ENGLISH)).isEqualTo("1.5\u00a0kio");
        assertThat(Sizes.readable(500L * 1024 * 1024, Locale.FRENCH)).isEqualTo("500\u00a0Mio");
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DocumentsAppTest.class.getResourceAsStream(
                "/fr/ent/platform/apps/documents/messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
