package fr.ent.platform.it.apps;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The school quiet-hours page on the real platform, over plain HTTP as a browser without script sends it: a local
 * administrator sets their school's ranges with the form (anti-forgery token, POST then redirect) and the API
 * reports them; a bad range comes back with its reason next to the field and what was typed; another school of the
 * collectivity is refused, an unknown one is not found; a teacher has no such page; another collectivity's
 * administrator, on their own domain, does not find the school by its id.
 */
class SchoolQuietHoursIT {

    private static final Platform PLATFORM = Platform.get();
    private static final String PASSWORD = "Quiet-school-" + ThreadLocalRandom.current().nextInt(1_000_000);
    private static DirectoryApi a;
    private static DirectoryApi b;
    private static String school1;
    private static String school2;
    private static LoginAgent local;

    @BeforeAll
    static void twoSchoolsALocalAdministratorATeacher_andAnotherCollectivityWithItsAdministrator() throws Exception {
        a = DirectoryApi.newCollectivity("quiet-a");
        b = DirectoryApi.newCollectivity("quiet-b");
        String uai1 = DirectoryApi.randomUai();
        school1 = a.createStructure(uai1, "École Jules Ferry", "ECOLE").getString("id");
        school2 = a.createStructure(DirectoryApi.randomUai(), "École Paul Bert", "ECOLE").getString("id");
        b.createStructure(DirectoryApi.randomUai(), "Collège de B", "COLLEGE");
        String teacher = a.createUser("Teacher", "Martin", "Lou", school1, List.of(), List.of()).getString("id");
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slug(a)), "adml-quiet", "Adèle", "Locale", PASSWORD,
                List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL), Map.of("admin_structures", uai1));
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slug(a)), "prof-quiet", "Lou", "Martin", PASSWORD,
                List.of(RealmRoles.TEACHER), Map.of("ent_user_id", teacher));
        // B's administrator may set every school of B, and claims A's school's UAI for good measure
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slug(b)), "admin-quiet-b", "Bruno", "Central", PASSWORD,
                List.of(RealmRoles.SUPER_ADMIN), Map.of("admin_structures", uai1));
        local = Logins.portal(PLATFORM, a.host, "adml-quiet", PASSWORD);
    }

    @Test
    void a_local_administrator_sets_their_schools_quiet_hours_with_the_form_and_the_api_reports_them() {
        HttpResponse<String> list = local.get(portal(a) + "/notifications/schools");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("École Jules Ferry", "/notifications/schools/" + school1)
                .doesNotContain("École Paul Bert").contains("Europe/Paris");
        assertThat(local.get(portal(a) + "/account").body()).as("Mon compte leads there")
                .contains("href=\"/notifications/schools\"");

        HttpResponse<String> page = local.get(portal(a) + "/notifications/schools/" + school1);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Heures de tranquillité : École Jules Ferry", "<legend>Jours</legend>");
        String csrf = LoginAgent.inputValue(page, "csrf").orElseThrow();
        String night = "day.0=MONDAY&day.0=TUESDAY&from.0=20:00&to.0=24:00&day.1=TUESDAY&from.1=00:00&to.1=07:00";
        assertThat(post(local, a, school1, night).statusCode()).as("no anti-forgery token").isEqualTo(403);
        HttpResponse<String> saved = post(local, a, school1, night + "&csrf=" + LoginAgent.encode(csrf));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(LoginAgent.location(saved).orElseThrow()).endsWith("/notifications/schools/" + school1 + "?saved");
        HttpResponse<String> back = local.follow(saved, null);
        assertThat(back.body()).contains("Les heures de tranquillité de l’école sont enregistrées.");
        assertThat(LoginAgent.inputValue(back, "from-0")).contains("00:00"); // ranges come back in start order
        assertThat(LoginAgent.inputValue(back, "to-1")).contains("24:00");

        HttpResponse<String> api = PLATFORM.get(a.host, "/api/notifications/structures/" + school1 + "/quiet-hours");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonArray ranges = Json.createReader(new StringReader(api.body())).readArray();
        assertThat(ranges).hasSize(2);
        assertThat(ranges.getJsonObject(0).toString()).isEqualTo(
                "{\"days\":[\"TUESDAY\"],\"from\":\"00:00\",\"to\":\"07:00\"}");
        assertThat(ranges.getJsonObject(1).toString()).isEqualTo(
                "{\"days\":[\"MONDAY\",\"TUESDAY\"],\"from\":\"20:00\",\"to\":\"24:00\"}");
    }

    @Test
    void bad_input_comes_back_with_the_reason_next_to_the_field_and_nothing_is_saved() {
        HttpResponse<String> page = local.get(portal(a) + "/notifications/schools/" + school1);
        String csrf = "&csrf=" + LoginAgent.encode(LoginAgent.inputValue(page, "csrf").orElseThrow());
        String before = PLATFORM.get(a.host, "/api/notifications/structures/" + school1 + "/quiet-hours").body();

        HttpResponse<String> inverted = post(local, a, school1, "day.0=FRIDAY&from.0=22:00&to.0=06:00" + csrf);
        assertThat(inverted.statusCode()).isEqualTo(400);
        assertThat(inverted.body()).contains("Ces réglages n’ont pas été enregistrés", "href=\"#to-0\"",
                "id=\"error-0\"", "La plage n° 1 finit avant de commencer");
        assertThat(inverted.body()).containsPattern("id=\"to-0\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby="
                + "\"error-0 time-help\"");
        assertThat(LoginAgent.inputValue(inverted, "from-0")).contains("22:00");

        HttpResponse<String> noTime = post(local, a, school1, "day.0=MONDAY&from.0=08:00&to.0=09:00"
                + "&day.1=MONDAY&from.1=8h&to.1=10:00" + csrf);
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(noTime.body()).contains("href=\"#from-1\"", "une heure HH:MM entre 00:00 et 24:00");
        assertThat(LoginAgent.inputValue(noTime, "from-1")).contains("8h");

        HttpResponse<String> noDay = post(local, a, school1, "from.0=08:00&to.0=09:00" + csrf);
        assertThat(noDay.body()).contains("href=\"#days-0\"", "cochez au moins un jour");

        assertThat(PLATFORM.get(a.host, "/api/notifications/structures/" + school1 + "/quiet-hours").body())
                .isEqualTo(before);
    }

    @Test
    void another_school_is_refused_and_an_unknown_one_is_not_found() {
        HttpResponse<String> page = local.get(portal(a) + "/notifications/schools/" + school1);
        String csrf = "&csrf=" + LoginAgent.encode(LoginAgent.inputValue(page, "csrf").orElseThrow());
        HttpResponse<String> other = local.get(portal(a) + "/notifications/schools/" + school2);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).as("a readable page").contains("<html", "Accès refusé")
                .doesNotContain("École Paul Bert", "SRVE");
        assertThat(post(local, a, school2, "day.0=MONDAY&from.0=08:00&to.0=09:00" + csrf).statusCode())
                .isEqualTo(403);
        assertThat(PLATFORM.get(a.host, "/api/notifications/structures/" + school2 + "/quiet-hours").body())
                .isEqualTo("[]");
        HttpResponse<String> unknown = local.get(portal(a) + "/notifications/schools/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html", "Établissement introuvable");
        assertThat(local.get(portal(a) + "/notifications/schools/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void a_teacher_has_no_such_page_nor_link() {
        LoginAgent teacher = Logins.portal(PLATFORM, a.host, "prof-quiet", PASSWORD);
        HttpResponse<String> list = teacher.get(portal(a) + "/notifications/schools");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains("<html", "Accès refusé").doesNotContain("SRVE");
        assertThat(teacher.get(portal(a) + "/notifications/schools/" + school1).statusCode()).isEqualTo(403);
        HttpResponse<String> settings = teacher.get(portal(a) + "/notifications/settings");
        String csrf = LoginAgent.inputValue(settings, "csrf").orElseThrow();
        assertThat(post(teacher, a, school1, "day.0=MONDAY&from.0=08:00&to.0=09:00&csrf=" + LoginAgent.encode(csrf))
                .statusCode()).isEqualTo(403);
        assertThat(teacher.get(portal(a) + "/account").body()).doesNotContain("/notifications/schools");
    }

    @Test
    void another_collectivitys_administrator_does_not_find_the_school_on_their_domain() {
        LoginAgent other = Logins.portal(PLATFORM, b.host, "admin-quiet-b", PASSWORD);
        HttpResponse<String> list = other.get(portal(b) + "/notifications/schools");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Collège de B").doesNotContain("École Jules Ferry", school1);
        HttpResponse<String> page = other.get(portal(b) + "/notifications/schools/" + school1);
        assertThat(page.statusCode()).isEqualTo(404);
        String csrf = LoginAgent.inputValue(list, "csrf").orElseThrow();
        assertThat(post(other, b, school1, "day.0=MONDAY&from.0=08:00&to.0=09:00&csrf=" + LoginAgent.encode(csrf))
                .statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> post(LoginAgent agent, DirectoryApi d, String school, String form) {
        return agent.send("POST", URI.create(portal(d) + "/notifications/schools/" + school), form);
    }

    private static String portal(DirectoryApi d) {
        return "http://" + d.host + ":" + PLATFORM.server().runtimeBase().getPort();
    }

    private static String slug(DirectoryApi d) {
        return d.host.substring(0, d.host.indexOf('.'));
    }
}
