package fr.ent.platform.apps.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.sharing.web.DialogRoute;
import fr.ent.platform.apps.sharing.web.SharingPage;
import fr.ent.platform.apps.sharing.web.Texts;
import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app states to the platform, its texts, its paths and what it reads from requests. */
class SharingAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_and_it_has_no_launcher_entry() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(SharingApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(SharingApp.DESCRIPTOR.launcher()).isEmpty();
    }

    @Test
    void english_and_spanish_say_everything_french_says() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
        assertThat(new Texts(Locale.FRENCH).get("current.none")).contains("n'est").doesNotContain("''");
    }

    @Test
    void a_malformed_resource_reference_is_not_found_like_an_unknown_one() {
        for (String[] ref : List.of(new String[] {"actualites", "thread", "../t_other"},
                new String[] {"Actualites", "thread", "abc"}, new String[] {"actualites", "thread", ""})) {
            assertThatThrownBy(() -> SharingInput.ref(ref[0], ref[1], ref[2]))
                    .isInstanceOfSatisfying(DomainException.class, e ->
                            assertThat(ProblemStatuses.status(e)).isEqualTo(404));
        }
        assertThat(SharingInput.ref("actualites", "thread", UUID.randomUUID().toString()).app())
                .isEqualTo("actualites");
    }

    @Test
    void a_share_needs_a_kind_an_id_and_a_right() {
        UUID id = UUID.randomUUID();
        assertThat(SharingInput.share("group", id.toString(), "contrib"))
                .isEqualTo(new Share(Grantee.group(id), Right.CONTRIB));
        for (String[] bad : List.of(new String[] {"robot", id.toString(), "read"},
                new String[] {"user", "not-an-id", "read"}, new String[] {"user", id.toString(), "owner"},
                new String[] {null, null, null})) {
            assertThatThrownBy(() -> SharingInput.share(bad[0], bad[1], bad[2]))
                    .isInstanceOfSatisfying(DomainException.class, e ->
                            assertThat(ProblemStatuses.status(e)).isEqualTo(400));
        }
    }

    @Test
    void the_dialog_returns_only_to_a_page_of_this_site() {
        assertThat(DialogRoute.of("/actualites/thread/abc")).contains(new DialogRoute("actualites", "thread", "abc"));
        assertThat(DialogRoute.of("/actualites/thread")).isEmpty();
        assertThat(DialogRoute.of("/a/b/c/d")).isEmpty();
        assertThat(DialogRoute.returnTo("/actualites/threads/1")).isEqualTo("/actualites/threads/1");
        for (String away : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x",
                null, "/a b"}) {
            assertThat(DialogRoute.returnTo(away)).as(String.valueOf(away)).isEqualTo("/");
        }
    }

    @Test
    void the_dialog_escapes_names_and_its_forms_carry_the_anti_forgery_token() {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("t", new Texts(Locale.FRENCH));
        params.put("title", "Partager « <b>x</b> »");
        params.put("action", "/sharing/actualites/thread/1?return=%2F");
        params.put("searchAction", "/sharing/actualites/thread/1");
        params.put("back", "/actualites");
        params.put("lines", List.of(new SharingPage.Line("group", "g1", "<script>alert(1)</script>", "read")));
        params.put("candidates", List.of(new SharingPage.Candidate("user", "u1", "Durand Léa")));
        params.put("query", "dur");
        params.put("searched", true);
        params.put("rights", java.util.Map.of("read", "Lecture"));
        params.put("csrf", "secret-token");
        params.put("notice", null);
        params.put("error", null);
        SharingPage.render(params, out);
        assertThat(out.toString()).doesNotContain("<script>", "<b>x</b>").contains("&lt;script&gt;")
                .contains("name=\"csrf\" value=\"secret-token\"", "value=\"remove\"", "value=\"add\"",
                        "Durand Léa", "href=\"/actualites\"");
    }

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SharingAppTest.class.getResourceAsStream(
                "/fr/ent/platform/apps/sharing/messages" + language + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
