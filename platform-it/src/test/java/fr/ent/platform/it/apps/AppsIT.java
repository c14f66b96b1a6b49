package fr.ent.platform.it.apps;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apps are modules of one runtime, switched per collectivity: each app's tables are migrated in every collectivity
 * schema with its own history; an app a collectivity disables answers 404 there (as if it did not exist) while
 * another collectivity keeps it; enabling it again brings it back with its data.
 */
class AppsIT {

    private static final Platform PLATFORM = Platform.get();
    private static DirectoryApi a;
    private static DirectoryApi b;
    private static String pupilA;
    private static String pupilB;

    @BeforeAll
    static void twoCollectivitiesWithAPupilEach() {
        a = DirectoryApi.newCollectivity("apps-a");
        b = DirectoryApi.newCollectivity("apps-b");
        pupilA = pupil(a);
        pupilB = pupil(b);
    }

    private static String pupil(DirectoryApi d) {
        String school = d.createStructure(DirectoryApi.randomUai(), "École", "ECOLE").getString("id");
        String classId = d.createClass(school, "CP").getString("id");
        return d.createUser("Student", "Élève" + DirectoryApi.letters(5), "Léa", school, List.of(classId), List.of())
                .getString("id");
    }

    @Test
    void every_app_has_its_tables_and_its_own_history_in_every_new_schema() throws SQLException {
        for (DirectoryApi d : List.of(a, b)) {
            String schema = "t_" + slug(d).replace('-', '_');
            assertThat(scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name IN ('delivery', 'ent_user', 'flyway_history_directory',"
                    + " 'flyway_history_notifications')")).isEqualTo("4");
            assertThat(scalar("SELECT max(version) FROM " + schema + ".flyway_history_notifications")).isEqualTo("3");
            String version = Platform.json(PLATFORM.admin("GET", "/collectivities/" + slug(d), null))
                    .getString("schemaVersion");
            assertThat(version).contains("directory=10").contains("notifications=3").contains("console=3");
        }
    }

    @Test
    void a_disabled_app_answers_404_in_its_collectivity_only_and_comes_back_with_its_data() {
        assertThat(post(b, pupilB).statusCode()).isEqualTo(202);
        assertThat(post(a, pupilA).statusCode()).isEqualTo(202);
        // A recipient of another collectivity is nobody here.
        assertThat(post(a, pupilB).statusCode()).isEqualTo(404);

        HttpResponse<String> disabled = PLATFORM.admin("PUT", "/collectivities/" + slug(a) + "/apps",
                "{\"enabled\":[\"directory\"]}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(Platform.json(disabled).getJsonArray("enabled").getString(0)).isEqualTo("directory");
        try {
            HttpResponse<String> gone = await(a, "/api/notifications/unread-count", s -> s == 404);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(Platform.json(gone).getString("type")).isEqualTo("urn:ent:problem:no-such-resource");
            assertThat(post(a, pupilA).statusCode()).isEqualTo(404);
            // The page too, and the directory stays.
            assertThat(PLATFORM.get(a.host, "/notifications").statusCode()).isEqualTo(404);
            assertThat(PLATFORM.get(a.host, "/api/directory/structures").statusCode()).isEqualTo(200);
            // The other collectivity keeps it.
            assertThat(post(b, pupilB).statusCode()).isEqualTo(202);
        } finally {
            assertThat(PLATFORM.admin("PUT", "/collectivities/" + slug(a) + "/apps", "{\"enabled\":null}").statusCode())
                    .isEqualTo(200);
        }
        assertThat(await(a, "/api/notifications/unread-count", s -> s != 404).statusCode())
                .as("the administrator's account has no directory entry, so no timeline of its own").isEqualTo(403);
        assertThat(scalar("SELECT count(*) FROM t_" + slug(a).replace('-', '_') + ".notice")).isEqualTo("1");
    }

    @Test
    void an_unknown_app_is_refused_with_the_list_of_apps() {
        HttpResponse<String> refused = PLATFORM.admin("PUT", "/collectivities/" + slug(b) + "/apps",
                "{\"enabled\":[\"directory\",\"astrology\"]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Platform.json(refused).getString("type")).isEqualTo("urn:ent:problem:unknown-apps");
        assertThat(refused.body()).contains("astrology", "notifications");
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slug(b) + "/apps", null))
                .isNull("enabled")).isTrue();
    }

    private static HttpResponse<String> post(DirectoryApi d, String recipient) {
        return PLATFORM.postJson(d.host, "/api/notifications", "{\"recipients\":[\"" + recipient
                + "\"],\"text\":\"Bonjour\",\"link\":\"/\"}");
    }

    /** The registry change reaches the runtime within about a second (registry revision). */
    private static HttpResponse<String> await(DirectoryApi d, String path, IntPredicate status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> last;
        do {
            last = PLATFORM.get(d.host, path);
            if (status.test(last.statusCode())) {
                return last;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String slug(DirectoryApi d) {
        return d.host.substring(0, d.host.indexOf('.'));
    }

    private static String scalar(String sql) {
        try (Connection c = PLATFORM.database().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
