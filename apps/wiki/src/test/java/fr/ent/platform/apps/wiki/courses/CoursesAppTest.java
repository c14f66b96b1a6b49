package fr.ent.platform.apps.wiki.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.wiki.courses.web.CourseRoute;
import fr.ent.platform.problem.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What courses state to the platform, their texts, their paths, and the checking of a chapter. */
class CoursesAppTest {

    static final String ID = "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa";

    @Test
    void it_is_in_the_launcher_for_the_wiki_s_profiles() {
        assertThat(CoursesApp.DESCRIPTOR.id()).isEqualTo("courses");
        assertThat(CoursesApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(CoursesApp.DESCRIPTOR.profiles()).containsExactlyInAnyOrder("Student", "Relative", "Teacher",
                "Personnel");
        assertThat(CoursesApp.resource(java.util.UUID.fromString(ID)).toString()).contains("courses", "course", ID);
    }

    @Test
    void its_own_index_lists_exactly_its_migrations() throws Exception {
        String folder = fr.ent.platform.tenancy.AppSchemas.folder(CoursesApp.ID);
        java.nio.file.Path dir = java.nio.file.Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(fr.ent.platform.migration.IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList()).containsExactly("V1__courses.sql");
        }
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        assertThat(fr.getProperty("chapter.ai")).isEqualTo("Rédigé par l''IA, non relu");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
    }

    @Test
    void pages_paths_are_read_strictly() {
        assertThat(CourseRoute.of(null)).contains(new CourseRoute("root", "", "", ""));
        assertThat(CourseRoute.of("/generate")).contains(new CourseRoute("root", "", "generate", ""));
        assertThat(CourseRoute.of("/new")).contains(new CourseRoute("root", "", "new", ""));
        assertThat(CourseRoute.of("/" + ID)).contains(new CourseRoute("courses", ID, "", ""));
        assertThat(CourseRoute.of("/" + ID + "/publish")).contains(new CourseRoute("courses", ID, "publish", ""));
        assertThat(CourseRoute.of("/chapters/" + ID + "/edit")).contains(new CourseRoute("chapters", ID, "edit", ""));
        assertThat(CourseRoute.of("/chapters/" + ID + "/attachments/" + ID))
                .contains(new CourseRoute("chapters", ID, "attachments", ID));
        assertThat(CourseRoute.of("/chapters/" + ID + "/attachments")).isEmpty();
        assertThat(CourseRoute.of("/" + ID + "/../../etc")).isEmpty();
        assertThat(CourseRoute.of("/other/x")).isEmpty();
    }

    @Test
    void a_chapter_is_sanitized_and_checked() {
        CourseInputs.CheckedChapter c = CourseInputs.chapter(new CourseInputs.ChapterInput(" Les volcans ",
                "- Nommer les parties\n\n• Expliquer <b>une</b> éruption\n",
                "<p onclick=\"x()\">Le magma<script>alert(1)</script></p>", "Question 1\nQuestion 2",
                List.of(ID, ID), 2));
        assertThat(c.title()).isEqualTo("Les volcans");
        assertThat(c.objectives()).containsExactly("Nommer les parties", "Expliquer une éruption");
        assertThat(c.content()).isEqualTo("<p>Le magma</p>");
        assertThat(c.exercises()).isEqualTo("<p>Question 1</p><p>Question 2</p>");
        assertThat(c.attachments()).hasSize(1);
        for (CourseInputs.ChapterInput bad : List.of(
                new CourseInputs.ChapterInput("", "", "", "", List.of(), 1),
                new CourseInputs.ChapterInput("t", "x\n".repeat(11), "", "", List.of(), 1),
                new CourseInputs.ChapterInput("t", "", "", "", List.of("not-an-id"), 1),
                new CourseInputs.ChapterInput("t", "", "x".repeat(100_001), "", List.of(), 1))) {
            assertThatThrownBy(() -> CourseInputs.chapter(bad)).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> CourseInputs.baseVersion(null)).isInstanceOf(InvalidInput.class);
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CoursesAppTest.class.getResourceAsStream(
                "/fr/ent/platform/apps/wiki/courses/messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
