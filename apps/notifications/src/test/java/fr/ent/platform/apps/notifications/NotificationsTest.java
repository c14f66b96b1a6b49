package fr.ent.platform.apps.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.notifications.timeline.NoticeBoard;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.notify.Audience;
import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.tenancy.AppSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the timeline refuses before touching any table, and what the app states to the platform. */
class NotificationsTest {

    private static final Set<UUID> ONE = Set.of(UUID.randomUUID());

    @Test
    void bad_input_is_a_400_naming_the_field() {
        assertThat(status(notice(Map.of("fr", " "), Optional.empty(), ONE, Set.of()))).isEqualTo(400);
        assertThat(status(notice(Map.of("fr", "x".repeat(NoticeBoard.MAX_TEXT + 1)), Optional.empty(), ONE, Set.of())))
                .isEqualTo(400);
        assertThat(status(notice(Map.of("en", "only English"), Optional.empty(), ONE, Set.of())))
                .as("French is required").isEqualTo(400);
        assertThat(status(notice(Map.of("fr", "texte", "de", "Text"), Optional.empty(), ONE, Set.of())))
                .as("a language the portal does not speak").isEqualTo(400);
        assertThat(status(notice(Map.of("fr", "texte"), Optional.empty(), Set.of(), Set.of())))
                .as("nobody to tell").isEqualTo(400);
        // A link leaves the portal only through a page of ours: no other site, no protocol-relative URL.
        assertThat(status(notice(Map.of("fr", "texte"), Optional.of("https://phishing.example"), ONE, Set.of())))
                .isEqualTo(400);
        assertThat(status(notice(Map.of("fr", "texte"), Optional.of("//phishing.example"), ONE, Set.of())))
                .isEqualTo(400);
    }

    @Test
    void a_link_to_the_portal_home_or_one_of_its_pages_and_groups_are_accepted() {
        for (String link : List.of("/", "/notifications", "/api/diary/x?y=1")) {
            NoticeBoard.check(notice(Map.of("fr", "texte", "es", "texto"), Optional.of(link), ONE, Set.of()));
        }
        NoticeBoard.check(notice(Map.of("fr", "texte"), Optional.empty(), Set.of(),
                Set.of(new Audience(Audience.Kind.CLASS, UUID.randomUUID(), Optional.of("Relative")))));
    }

    @Test
    void its_id_names_its_migrations_and_its_types_start_with_it() {
        assertThat(AppSchemas.highestVersion(NotificationsApp.ID, getClass().getClassLoader())).contains("3");
        assertThat(NotificationsApp.DESCRIPTOR.launcher()).isPresent();
        assertThat(NotificationsApp.MESSAGE.id()).startsWith(NotificationsApp.ID + ".");
    }

    private static Notice notice(Map<String, String> texts, Optional<String> link, Set<UUID> users, Set<Audience> groups) {
        return new Notice("notifications.message", texts, link, users, groups, Optional.empty());
    }

    private static int status(Notice notice) {
        try {
            NoticeBoard.check(notice);
        } catch (DomainException e) {
            return ProblemStatuses.status(e);
        }
        throw new AssertionError("no problem was raised");
    }
}
