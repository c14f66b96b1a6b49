package fr.ent.platform.apps.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.wiki.web.Route;
import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app states to the platform, its texts and its paths. */
class WikiAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_and_it_is_in_the_launcher() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(WikiApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(WikiApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(WikiApp.DESCRIPTOR.profiles()).containsExactlyInAnyOrder("Student", "Relative", "Teacher",
                "Personnel");
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
    }

    @Test
    void pages_paths_are_read_strictly() {
        String id = "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa";
        assertThat(Route.of(null)).contains(new Route("root", "", "", ""));
        assertThat(Route.of("/wikis")).contains(new Route("wikis", "", "", ""));
        assertThat(Route.of("/wikis/" + id + "/new")).contains(new Route("wikis", id, "new", ""));
        assertThat(Route.of("/pages/" + id + "/versions/12")).contains(new Route("pages", id, "versions", "12"));
        assertThat(Route.of("/pages/" + id + "/versions/12/restore")).contains(new Route("pages", id, "restore",
                "12"));
        assertThat(Route.of("/pages/" + id + "/move")).contains(new Route("pages", id, "move", ""));
        assertThat(Route.of("/pages/" + id + "/versions")).isEmpty();
        assertThat(Route.of("/pages/" + id + "/edit/3")).isEmpty();
        assertThat(Route.of("/pages/../../etc")).isEmpty();
        assertThat(Route.of("/other")).isEmpty();
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WikiAppTest.class.getResourceAsStream(
                "/fr/ent/platform/apps/wiki/messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
