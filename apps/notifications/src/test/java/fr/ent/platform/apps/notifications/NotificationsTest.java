package fr.ent.platform.apps.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenancy.AppSchemas;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the notifications app refuses before touching any table, and what it states to the platform. */
class NotificationsTest {

    private final Notifications notifications = new Notifications(); // no data door: refusals come first

    @Test
    void bad_input_is_a_400_naming_the_field() {
        List<UUID> one = List.of(UUID.randomUUID());
        assertThat(status(() -> notifications.post(one, "Bad Type!", "texte", Optional.empty()))).isEqualTo(400);
        assertThat(status(() -> notifications.post(one, "news.published", " ", Optional.empty()))).isEqualTo(400);
        assertThat(status(() -> notifications.post(one, "news.published", "x".repeat(Notifications.MAX_TEXT + 1),
                Optional.empty()))).isEqualTo(400);
        // A link leaves the portal only through a page of ours: no other site, no protocol-relative URL.
        assertThat(status(() -> notifications.post(one, "news.published", "texte",
                Optional.of("https://phishing.example")))).isEqualTo(400);
        assertThat(status(() -> notifications.post(one, "news.published", "texte",
                Optional.of("//phishing.example")))).isEqualTo(400);
    }

    @Test
    void a_link_to_the_portal_home_or_one_of_its_pages_is_accepted() {
        for (String link : List.of("/", "/notifications", "/api/diary/x?y=1")) {
            Notifications.check("news.published", "texte", Optional.of(link));
        }
        Notifications.check("news.published", "texte", Optional.empty());
    }

    @Test
    void a_malformed_id_is_not_found_rather_than_a_server_error() {
        assertThat(status(() -> NotificationsResource.uuid("../../t_other"))).isEqualTo(404);
        assertThat(status(() -> NotificationsResource.uuid(null))).isEqualTo(404);
    }

    @Test
    void its_id_names_its_migrations() {
        assertThat(AppSchemas.highestVersion(NotificationsApp.ID, getClass().getClassLoader())).contains("1");
        assertThat(NotificationsApp.DESCRIPTOR.launcher()).isPresent();
    }

    private static int status(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return ProblemStatuses.status(e);
        }
        throw new AssertionError("no problem was raised");
    }
}
