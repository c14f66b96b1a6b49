package fr.ent.platform.it.flash;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flash messages on the real platform (PostgreSQL, Keycloak, Liberty): two collectivities, two schools in the first,
 * real accounts with tokens from their own realm. A message never leaves its collectivity, its schools or its
 * profiles; a local administrator writes for its own school only; a pupil writes nothing; dismissals are each
 * reader's own; the dates decide when it shows. The admin pages and the dismiss button are plain forms with the
 * session's anti-forgery token.
 */
class FlashIT {

    static final String PASSWORD = "mot-de-passe-flash-" + ThreadLocalRandom.current().nextInt(1_000_000);
    static final Platform PLATFORM = Platform.get();
    static DirectoryApi a;
    static DirectoryApi b;
    static String slugA;
    static String slugB;
    static String uai1;
    static String uai2;
    static String uaiB;
    static String pupil1;
    static String pupil2;
    static String teacher1;
    static String pupilB;
    static String adml1;

    @BeforeAll
    static void twoCollectivitiesWithSchoolsAndAccounts() throws Exception {
        a = DirectoryApi.newCollectivity("flash-a");
        b = DirectoryApi.newCollectivity("flash-b");
        slugA = a.host.substring(0, a.host.indexOf('.'));
        slugB = b.host.substring(0, b.host.indexOf('.'));
        uai1 = DirectoryApi.randomUai();
        uai2 = DirectoryApi.randomUai();
        uaiB = DirectoryApi.randomUai();
        String school1 = a.createStructure(uai1, "École Jean Macé", "ECOLE").getString("id");
        String school2 = a.createStructure(uai2, "École Paul Bert", "ECOLE").getString("id");
        String schoolB = b.createStructure(uaiB, "École de B", "ECOLE").getString("id");
        pupil1 = account(a, slugA, "Student", school1, "eleve1", Map.of());
        pupil2 = account(a, slugA, "Student", school2, "eleve2", Map.of());
        teacher1 = account(a, slugA, "Teacher", school1, "prof1", Map.of());
        pupilB = account(b, slugB, "Student", schoolB, "eleveb", Map.of());
        // a local administrator of the first school (ADMIN_LOCAL with admin_structures), and a teacher there
        adml1 = "adml1";
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugA), adml1, "Adèle", "Locale", PASSWORD,
                List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL), Map.of("admin_structures", uai1));
        for (String slug : List.of(slugA, slugB)) {
            PLATFORM.keycloak().allowPasswordGrant(Realms.ofCollectivity(slug), Realms.PORTAL_CLIENT);
        }
    }

    /** A person of the directory and their Keycloak account (profile role, directory id); returns the username. */
    static String account(DirectoryApi d, String slug, String profile, String school, String username,
            Map<String, String> more) throws Exception {
        String classId = profile.equals("Student") ? d.createClass(school, "CM1").getString("id") : null;
        String id = d.createUser(profile, "Nom" + DirectoryApi.letters(4), "Prénom", school,
                classId == null ? List.of() : List.of(classId), List.of()).getString("id");
        Map<String, String> attributes = new java.util.HashMap<>(more);
        attributes.put("ent_user_id", id);
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slug), username, "Prénom", username, PASSWORD,
                List.of(profile), attributes);
        return username;
    }

    @Test
    void a_message_reaches_its_profiles_and_schools_in_its_collectivity_only() {
        String wide = created(a.host, null, message("Pour tous les élèves", List.of("Student"), List.of(), -1, 2));
        String school1 = created(a.host, null, message("Élèves de Jean Macé", List.of("Student"), List.of(uai1), -1, 2));
        String teachers = created(a.host, null, message("Enseignants", List.of("Teacher"), List.of(), -1, 2));

        assertThat(mine(a.host, slugA, pupil1)).contains(wide, school1).doesNotContain(teachers);
        assertThat(mine(a.host, slugA, pupil2)).contains(wide).doesNotContain(school1, teachers);
        assertThat(mine(a.host, slugA, teacher1)).contains(teachers).doesNotContain(wide, school1);
        // another collectivity's pupil sees none of them, and cannot reach them by id
        assertThat(mine(b.host, slugB, pupilB)).doesNotContain(wide, school1, teachers);
        assertThat(as(b.host, slugB, pupilB, "POST", "/api/flash/" + wide + "/dismiss", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void another_collectivity_answers_as_if_the_message_did_not_exist() {
        String id = created(a.host, null, message("Fermeture exceptionnelle", List.of("Teacher"), List.of(), -1, 2));
        // B's administrator, on B's domain: not found, not deleted
        assertThat(PLATFORM.get(b.host, "/api/flash/" + id).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.send(b.host, "DELETE", "/api/flash/" + id, null, null).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.send(b.host, "PUT", "/api/flash/" + id, "application/json",
                message("Piraté", List.of("Teacher"), List.of(), -1, 2).getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(404);
        // A's administrator's token on B's domain: another realm's token is refused
        assertThat(PLATFORM.send(b.host, "GET", "/api/flash/" + id, null, null,
                PLATFORM.administrator(slugA).authorization()).statusCode()).isEqualTo(401);
        // guessed and malformed ids
        assertThat(PLATFORM.get(a.host, "/api/flash/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(a.host, "/api/flash/not-an-id").statusCode()).isEqualTo(404);
        // an unknown Host is nobody's
        assertThat(PLATFORM.get("nobody-flash.localhost", "/api/flash/" + id).statusCode()).isEqualTo(404);
        // still there for A
        assertThat(Platform.json(PLATFORM.get(a.host, "/api/flash/" + id)).getString("title"))
                .isEqualTo("Fermeture exceptionnelle");
    }

    @Test
    void a_local_administrator_writes_for_its_own_school_only() {
        String own = created(a.host, adml1, message("Sortie scolaire", List.of("Relative", "Student"), List.of(uai1), -1, 2));
        assertThat(as(a.host, slugA, adml1, "POST", "/api/flash", message("Ailleurs", List.of("Student"),
                List.of(uai2), -1, 2)).statusCode()).as("another school").isEqualTo(403);
        assertThat(as(a.host, slugA, adml1, "POST", "/api/flash", message("Partout", List.of("Student"),
                List.of(uai1, uai2), -1, 2)).statusCode()).as("its school and another").isEqualTo(403);
        assertThat(as(a.host, slugA, adml1, "POST", "/api/flash", message("Tous", List.of("Student"),
                List.of(), -1, 2)).statusCode()).as("the whole collectivity").isEqualTo(403);
        // B's school is no school of A's, for anyone
        assertThat(PLATFORM.postJson(a.host, "/api/flash", message("B", List.of("Student"), List.of(uaiB), -1, 2))
                .statusCode()).isEqualTo(400);

        String wide = created(a.host, null, message("Collectivité", List.of("Student"), List.of(), -1, 2));
        String otherSchool = created(a.host, null, message("École Paul Bert", List.of("Student"), List.of(uai2), -1, 2));
        List<String> listed = ids(as(a.host, slugA, adml1, "GET", "/api/flash", null));
        assertThat(listed).contains(own).doesNotContain(wide, otherSchool);
        for (String notHis : List.of(wide, otherSchool)) {
            assertThat(as(a.host, slugA, adml1, "GET", "/api/flash/" + notHis, null).statusCode()).isEqualTo(404);
            assertThat(as(a.host, slugA, adml1, "DELETE", "/api/flash/" + notHis, null).statusCode()).isEqualTo(404);
        }
        // moving its own message to another school is refused too
        assertThat(as(a.host, slugA, adml1, "PUT", "/api/flash/" + own, message("Déplacé", List.of("Student"),
                List.of(uai2), -1, 2)).statusCode()).isEqualTo(403);
        assertThat(as(a.host, slugA, adml1, "DELETE", "/api/flash/" + own, null).statusCode()).isEqualTo(204);
        assertThat(PLATFORM.get(a.host, "/api/flash/" + own).statusCode()).isEqualTo(404);
    }

    @Test
    void a_pupil_writes_nothing_and_bad_messages_are_refused() {
        HttpResponse<String> pupil = as(a.host, slugA, pupil1, "POST", "/api/flash",
                message("Pas de cours", List.of("Student"), List.of(), -1, 2));
        assertThat(pupil.statusCode()).isEqualTo(403);
        assertThat(as(a.host, slugA, pupil1, "GET", "/api/flash", null).statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = PLATFORM.postJson(a.host, "/api/flash", Json.createObjectBuilder(
                Json.createReader(new StringReader(message("Long", List.of("Student"), List.of(), -1, 2))).readObject())
                .add("text", "x".repeat(2001)).build().toString());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Platform.json(tooLong).getString("type")).isEqualTo("urn:ent:problem:invalid-input");
        assertThat(Platform.json(tooLong).getString("detail")).startsWith("text");
        HttpResponse<String> backwards = PLATFORM.postJson(a.host, "/api/flash",
                message("À l'envers", List.of("Student"), List.of(), 2, -1));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(Platform.json(backwards).getString("detail")).startsWith("endsAt");
    }

    @Test
    void the_dates_decide_when_a_message_shows() {
        String now = created(a.host, null, message("Maintenant", List.of("Student"), List.of(uai1), -1, 1));
        String later = created(a.host, null, message("Demain", List.of("Student"), List.of(uai1), 24, 48));
        String past = created(a.host, null, message("Hier", List.of("Student"), List.of(uai1), -48, -24));
        assertThat(mine(a.host, slugA, pupil1)).contains(now).doesNotContain(later, past);
        assertThat(as(a.host, slugA, pupil1, "POST", "/api/flash/" + later + "/dismiss", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_dismissal_hides_the_message_for_that_reader_only() {
        String id = created(a.host, null, message("Photo de classe", List.of("Student"), List.of(uai1, uai2), -1, 2));
        assertThat(mine(a.host, slugA, pupil1)).contains(id);
        assertThat(as(a.host, slugA, pupil1, "POST", "/api/flash/" + id + "/dismiss", null).statusCode())
                .isEqualTo(204);
        assertThat(as(a.host, slugA, pupil1, "POST", "/api/flash/" + id + "/dismiss", null).statusCode())
                .as("twice changes nothing").isEqualTo(204);
        assertThat(mine(a.host, slugA, pupil1)).doesNotContain(id);
        assertThat(mine(a.host, slugA, pupil2)).contains(id);
        // a teacher is not targeted: nothing to dismiss
        assertThat(as(a.host, slugA, teacher1, "POST", "/api/flash/" + id + "/dismiss", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_pages_are_forms_with_the_anti_forgery_token_and_the_home_page_shows_and_dismisses() {
        // the administrator writes through the form (no script): POST, then redirect to the list
        platformAdmin();
        LoginAgent admin = Logins.portal(PLATFORM, a.host, "admc", PASSWORD);
        HttpResponse<String> form = admin.get(portal(a.host) + "/flash/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form class=\"flash-form\"", uai1, uai2);
        String csrf = LoginAgent.inputValue(form, "csrf").orElseThrow();
        String title = "Journée pédagogique " + DirectoryApi.letters(5);
        String start = local(-1);
        String end = local(24);
        String fields = "title=" + LoginAgent.encode(title) + "&text=" + LoginAgent.encode("Pas de classe vendredi.")
                + "&level=alert&profiles=Student&structures=" + uai1 + "&startsAt=" + start;
        HttpResponse<String> forged = admin.send("POST", URI.create(portal(a.host) + "/flash"),
                fields + "&endsAt=" + end);
        assertThat(forged.statusCode()).as("no anti-forgery token").isEqualTo(403);
        HttpResponse<String> saved = admin.send("POST", URI.create(portal(a.host) + "/flash"),
                fields + "&endsAt=" + end + "&csrf=" + LoginAgent.encode(csrf));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(LoginAgent.location(saved).orElseThrow()).endsWith("/flash?done=saved");
        assertThat(admin.follow(saved, null).body()).contains(title, "Message enregistré.");
        HttpResponse<String> refused = admin.send("POST", URI.create(portal(a.host) + "/flash"),
                fields + "&endsAt=" + local(-2) + "&csrf=" + LoginAgent.encode(csrf));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("la fin doit venir après le début", title);

        // the pupil sees it first on the home page and hides it with the button
        LoginAgent pupil = Logins.portal(PLATFORM, a.host, pupil1, PASSWORD);
        HttpResponse<String> home = pupil.get(portal(a.host) + "/");
        assertThat(home.body()).contains(title, "Alerte :");
        java.util.regex.Matcher firstWidget = java.util.regex.Pattern.compile("id=\"widget-([a-z]+)\"")
                .matcher(home.body());
        assertThat(firstWidget.find() ? firstWidget.group(1) : "none").as("the first widget of the home page")
                .isEqualTo("flash");
        String id = mine(a.host, slugA, pupil1).stream().filter(m -> titleOf(m).equals(title)).findFirst()
                .orElseThrow();
        String pupilCsrf = LoginAgent.inputValue(home, "csrf").orElseThrow();
        assertThat(pupil.send("POST", URI.create(portal(a.host) + "/flash/" + id + "/dismiss"), "csrf=wrong")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> dismissed = pupil.send("POST", URI.create(portal(a.host) + "/flash/" + id + "/dismiss"),
                "csrf=" + LoginAgent.encode(pupilCsrf));
        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(pupil.follow(dismissed, null).body()).doesNotContain(title);
        // the pupil has no admin page: a readable French page says so, not the container's "Error 403: SRVE…"
        HttpResponse<String> noAdmin = pupil.get(portal(a.host) + "/flash");
        assertThat(noAdmin.statusCode()).isEqualTo(403);
        assertThat(noAdmin.body()).contains("<html lang=\"fr\">").doesNotContain("SRVE", "Error 403");
    }

    // --- helpers ---

    private static void platformAdmin() {
        try {
            PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugA), "admc", "Alain", "Central", PASSWORD,
                    List.of(RealmRoles.SUPER_ADMIN), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String titleOf(String id) {
        return Platform.json(PLATFORM.get(a.host, "/api/flash/" + id)).getString("title");
    }

    static String portal(String host) {
        return "http://" + host + ":" + PLATFORM.server().runtimeBase().getPort();
    }

    /** A datetime-local value, hours from now, at Paris time (as a browser's form field sends it). */
    static String local(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(hours).atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static String message(String title, List<String> profiles, List<String> structures, int startHours, int endHours) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Json.createObjectBuilder().add("title", title).add("text", "Texte de « " + title + " »")
                .add("level", "info").add("profiles", Json.createArrayBuilder(profiles))
                .add("structures", Json.createArrayBuilder(structures))
                .add("startsAt", now.plusHours(startHours).toString()).add("endsAt", now.plusHours(endHours).toString())
                .build().toString();
    }

    /** Creates a message as the collectivity's administrator (username null) or as this account; returns its id. */
    static String created(String host, String username, String json) {
        HttpResponse<String> created = username == null ? PLATFORM.postJson(host, "/api/flash", json)
                : as(host, slugA, username, "POST", "/api/flash", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created).getString("id");
    }

    static List<String> mine(String host, String slug, String username) {
        HttpResponse<String> mine = as(host, slug, username, "GET", "/api/flash/mine", null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        return ids(mine);
    }

    static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonArray items = Json.createReader(new StringReader(response.body())).readArray();
        return items.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    /** A call with the user's own token from their collectivity's realm (password grant on the portal client). */
    static HttpResponse<String> as(String host, String slug, String username, String method, String path,
            String json) {
        return PLATFORM.send(host, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token(slug, username));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String token(String slug, String username) {
        String realm = Realms.ofCollectivity(slug);
        URI endpoint = RealmEndpoints.of(PLATFORM.identity().baseUrl().toString(),
                PLATFORM.identity().baseUrl().toString()).token(realm);
        String form = "grant_type=password&scope=openid&client_id=" + Realms.PORTAL_CLIENT + "&username="
                + LoginAgent.encode(username) + "&password=" + LoginAgent.encode(PASSWORD);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(username + ": " + answer.body()).isEqualTo(200);
            return Json.createReader(new StringReader(answer.body())).readObject().getString("access_token");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
