package fr.ent.platform.apps.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.moderation.web.ModerationPages;
import fr.ent.platform.apps.moderation.web.Texts;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.migration.IndexedMigrations;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.moderation.ContentState;
import fr.ent.platform.runtime.moderation.ReportReason;
import fr.ent.platform.tenancy.AppSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app states to the platform, its texts in three languages, who moderates what, which action applies. */
class ModerationAppTest {

    @Test
    void its_index_lists_exactly_its_migrations_in_the_folder_its_id_names() throws IOException, URISyntaxException {
        String folder = AppSchemas.folder(ModerationApp.ID);
        Path dir = Path.of(getClass().getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(IndexedMigrations.index(folder, getClass().getClassLoader()))
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".sql")).sorted().toList());
        }
        assertThat(ModerationApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(ModerationApp.DESCRIPTOR.profiles()).containsExactlyInAnyOrder("SUPER_ADMIN", "ADMIN_LOCAL");
    }

    @Test
    void english_and_spanish_say_everything_french_says_and_every_reason_and_action_has_a_text() throws IOException {
        Properties fr = bundle("");
        for (String language : List.of("_en", "_es")) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        }
        for (ReportReason r : ReportReason.values()) {
            assertThat(fr.stringPropertyNames()).contains("reason." + r.code());
        }
        for (Action a : Action.values()) {
            assertThat(fr.stringPropertyNames()).contains("action." + a.code(), "done." + a.name(), "audit." + a.name());
        }
        for (ContentState s : ContentState.values()) {
            assertThat(fr.stringPropertyNames()).contains("state." + s.name());
        }
        assertThat(new Texts(Locale.FRENCH).get("queue.intro")).contains("l'original").doesNotContain("''");
    }

    @Test
    void an_action_applies_to_the_states_it_leads_from() {
        assertThat(Action.NEUTRALIZE.appliesTo(ContentState.VISIBLE)).isTrue();
        assertThat(Action.NEUTRALIZE.appliesTo(ContentState.NEUTRALIZED)).isFalse();
        assertThat(Action.RESTORE.appliesTo(ContentState.NEUTRALIZED)).isTrue();
        assertThat(Action.RESTORE.appliesTo(ContentState.VISIBLE)).isFalse();
        assertThat(Action.DELETE.appliesTo(ContentState.NEUTRALIZED)).isTrue();
        assertThat(Action.DELETE.appliesTo(ContentState.DELETED)).isFalse();
        assertThat(Action.DISMISS.appliesTo(ContentState.NEUTRALIZED)).isFalse();
        assertThat(Action.parse("neutralize")).contains(Action.NEUTRALIZE);
        assertThat(Action.parse("NEUTRALIZE")).isEmpty();
    }

    @Test
    void a_local_administrator_moderates_its_schools_contents_only_and_a_super_admin_all() {
        Moderator local = Moderator.of(token(Set.of("ADMIN_LOCAL"), Set.of("0693331W"))).orElseThrow();
        assertThat(local.moderates(List.of("0693331W"))).isTrue();
        assertThat(local.moderates(List.of("0310036W"))).isFalse();
        assertThat(local.moderates(List.of())).isFalse();
        assertThat(Moderator.of(token(Set.of("ADMIN_LOCAL"), Set.of()))).isEmpty();
        assertThat(Moderator.of(token(Set.of("Student"), Set.of("0693331W")))).isEmpty();
        Moderator whole = Moderator.of(token(Set.of("SUPER_ADMIN"), Set.of())).orElseThrow();
        assertThat(whole.moderates(List.of())).isTrue();
        assertThat(whole.moderates(List.of("0310036W"))).isTrue();
    }

    @Test
    void malformed_ids_and_references_are_not_found_and_back_links_stay_on_the_portal() {
        try {
            Cases.idOrNotFound("../../t_other");
            throw new AssertionError("accepted");
        } catch (DomainException e) {
            assertThat(ProblemStatuses.status(e)).isEqualTo(404);
        }
        assertThat(ContentRef.valid("messagerie", "message", "6f1c-ab")).isTrue();
        assertThat(ContentRef.valid("messagerie", "message", "../x")).isFalse();
        assertThat(ContentRef.valid("Messagerie", "message", "x")).isFalse();
        assertThat(ReportReason.parse("personal-data")).contains(ReportReason.PERSONAL_DATA);
        assertThat(ReportReason.parse("")).isEmpty();
        assertThat(ModerationPages.safeBack("/messagerie/messages/1")).isEqualTo("/messagerie/messages/1");
        assertThat(ModerationPages.safeBack("//evil.example/")).isEqualTo("/");
        assertThat(ModerationPages.safeBack("https://evil.example/")).isEqualTo("/");
        assertThat(ModerationPages.shortTitle("  ")).isEqualTo("—");
    }

    private static VerifiedToken token(Set<String> roles, Set<String> structures) {
        return new VerifiedToken("realm", "sub", "user", "Nom", roles, java.util.Optional.empty(), structures,
                java.util.Optional.empty(), java.time.Instant.now().plusSeconds(60));
    }

    private Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/fr/ent/platform/apps/moderation/messages" + suffix
                + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
