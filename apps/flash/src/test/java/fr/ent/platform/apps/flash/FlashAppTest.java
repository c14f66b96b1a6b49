package fr.ent.platform.apps.flash;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenancy.AppSchemas;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app states to the platform, its texts in three languages, its pages' paths and templates. */
class FlashAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_in_the_folder_its_id_names() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(FlashApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(AppSchemas.highestVersion(FlashApp.ID, getClass().getClassLoader())).contains("1");
        assertThat(FlashApp.DESCRIPTOR.launcher()).isPresent();
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
        // every text goes through MessageFormat: a lone apostrophe would vanish
        assertThat(new Texts(Locale.FRENCH).get("admin.intro")).contains("s'affichent").doesNotContain("''");
    }

    @Test
    void paths_under_flash_name_the_list_a_form_a_message_or_an_action() {
        assertThat(FlashPages.Route.of(null)).contains(new FlashPages.Route(null, ""));
        assertThat(FlashPages.Route.of("/new")).contains(new FlashPages.Route(null, "new"));
        assertThat(FlashPages.Route.of("/abc")).contains(new FlashPages.Route("abc", ""));
        assertThat(FlashPages.Route.of("/abc/dismiss")).contains(new FlashPages.Route("abc", "dismiss"));
        assertThat(FlashPages.Route.of("/abc/delete")).contains(new FlashPages.Route("abc", "delete"));
        assertThat(FlashPages.Route.of("/abc/other")).isEmpty();
        assertThat(FlashPages.Route.of("/a/b/c")).isEmpty();
    }

    @Test
    void a_malformed_id_is_not_found() {
        try {
            FlashMessages.idOrNotFound("../../t_other");
            throw new AssertionError("accepted");
        } catch (DomainException e) {
            assertThat(ProblemStatuses.status(e)).isEqualTo(404);
        }
    }

    @Test
    void the_widget_escapes_what_administrators_wrote_and_its_buttons_carry_the_anti_forgery_token() {
        StringOutput out = new StringOutput();
        FlashPages.TEMPLATES.render("widget.jte", Map.of("t", new Texts(Locale.FRENCH),
                "items", List.of(new ShownFlash("id-1", "<script>alert(1)</script>", "a & b", "alert")),
                "csrf", "secret-token"), out);
        assertThat(out.toString()).doesNotContain("<script>").contains("&lt;script&gt;", "a &amp; b")
                .contains("name=\"csrf\" value=\"secret-token\"", "action=\"/flash/id-1/dismiss\"", "Alerte :",
                        "flash-alert");
    }

    @Test
    void the_form_posts_with_the_token_keeps_what_was_typed_and_escapes_its_errors() {
        FormState typed = FormState.of("m-1", new FlashInput("Sortie \"piscine\"", "<b>texte</b>", "alert",
                List.of("Teacher"), List.of("0693331W"), "2026-12-07T08:00", "2026-12-06T08:00"),
                List.of("Fin : <la fin doit venir après le début>"));
        StringOutput out = new StringOutput();
        FlashPages.TEMPLATES.render("form.jte", Map.of("t", new Texts(Locale.FRENCH), "title", "Modifier",
                "form", typed, "schools", Map.of("0693331W", "École Jean Macé", "0310036W", "École Fermat"),
                "profiles", Map.of("Teacher", "Enseignants", "Student", "Élèves"),
                "levels", Map.of("info", "Information", "alert", "Alerte"), "whole", false, "csrf", "tok"), out);
        String html = out.toString();
        assertThat(html).contains("action=\"/flash/m-1\"", "name=\"csrf\" value=\"tok\"",
                "value=\"Sortie &#34;piscine&#34;\"", "&lt;b&gt;texte&lt;/b&gt;", "&lt;la fin doit venir",
                "value=\"2026-12-07T08:00\"", "Au moins une des écoles que vous administrez.");
        assertThat(html).containsPattern("value=\"Teacher\" checked").doesNotContainPattern("value=\"Student\" checked")
                .containsPattern("value=\"0693331W\" checked").doesNotContainPattern("value=\"0310036W\" checked")
                .containsPattern("value=\"alert\" checked").doesNotContainPattern("value=\"info\" checked");
        assertThat(FormState.of(null, new FlashInput(null, null, null, List.of(), List.of(), null, null), List.of())
                .action()).isEqualTo("/flash");
    }

    private Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/fr/ent/platform/apps/flash/messages" + suffix
                + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
