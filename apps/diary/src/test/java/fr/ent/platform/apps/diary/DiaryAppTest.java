package fr.ent.platform.apps.diary;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.diary.web.Route;
import fr.ent.platform.apps.diary.web.Texts;
import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app states to the platform, its texts, its notices and its paths. */
class DiaryAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_and_a_guest_has_no_diary() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(DiaryApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(DiaryApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(DiaryApp.DESCRIPTOR.profiles()).containsExactlyInAnyOrder("Student", "Relative", "Teacher",
                "Personnel");
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
        assertThat(new Texts(Locale.FRENCH).get("widget.today")).isEqualTo("Pour aujourd'hui");
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(new Texts(Locale.FRENCH).day(monday)).isEqualTo("lundi 7 décembre");
        assertThat(new Texts(Locale.forLanguageTag("es")).day(monday)).isEqualTo("lunes 7 de diciembre");
    }

    @Test
    void the_homework_notice_names_the_subject_and_the_day_in_each_language() {
        Map<String, String> texts = HomeworkNotices.texts("Mathématiques", LocalDate.of(2026, 12, 8));
        assertThat(texts).containsEntry("fr", "Travail à faire en Mathématiques pour mardi 8 décembre")
                .containsEntry("en", "Homework in Mathématiques for Tuesday 8 December")
                .containsKey("es");
    }

    @Test
    void pages_paths_are_read_strictly() {
        assertThat(Route.of(null)).contains(new Route("root", "", "", ""));
        String id = "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa";
        assertThat(Route.of("/classes/" + id)).contains(new Route("classes", id, "", ""));
        assertThat(Route.of("/classes/" + id + "/new")).contains(new Route("classes", id, "new", ""));
        assertThat(Route.of("/entries/" + id + "/attachments/" + id)).contains(new Route("entries", id,
                "attachments", id));
        assertThat(Route.of("/entries/" + id + "/attachments")).isEmpty();
        assertThat(Route.of("/entries/" + id + "/edit/" + id)).isEmpty();
        assertThat(Route.of("/entries/../../etc")).isEmpty();
        assertThat(Route.of("/other")).isEmpty();
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DiaryAppTest.class.getResourceAsStream(
                "/fr/ent/platform/apps/diary/messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
