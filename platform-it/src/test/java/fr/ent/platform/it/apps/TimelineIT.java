package fr.ent.platform.it.apps;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.testing.mail.TestMailServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The timeline as a platform service on the real platform: a notice to a group reaches exactly its members, in
 * their language, after the post has returned; nobody reads another's notifications or preferences, in the
 * collectivity or across collectivities; quiet hours hold a notification, and when they end (the clock moved
 * through the {@code ent.clock.offset} setting, across a restart) it is shown, counted and e-mailed once.
 */
@Order(Platform.MOVES_THE_CLOCK) // last of the run: its restart leaves the server's clock 8 days ahead
@Isolated
class TimelineIT {

    private static final Platform PLATFORM = Platform.get();
    private static final String PASSWORD = "Timeline-it-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DirectoryApi a;
    private static DirectoryApi b;
    private static String classA;
    private static String pupil;
    private static String parent;
    private static String teacher;
    private static String pupilB;
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    @BeforeAll
    static void aClassWithAPupilItsParentAndTeacher_andAnotherCollectivity() throws Exception {
        a = DirectoryApi.newCollectivity("timeline-a");
        b = DirectoryApi.newCollectivity("timeline-b");
        String school = a.createStructure(DirectoryApi.randomUai(), "École Jean Macé", "ECOLE").getString("id");
        classA = a.createClass(school, "CE1").getString("id");
        pupil = user(a, "Student", school, List.of(classA), List.of(), "eleve@example.org");
        parent = user(a, "Relative", school, List.of(), List.of(pupil), "parent@example.org");
        teacher = user(a, "Teacher", school, List.of(classA), List.of(), "prof@example.org");
        String schoolB = b.createStructure(DirectoryApi.randomUai(), "École B", "ECOLE").getString("id");
        pupilB = user(b, "Student", schoolB, List.of(b.createClass(schoolB, "CE1").getString("id")), List.of(), null);
        account(a, "Student", pupil);
        account(a, "Relative", parent);
        account(a, "Teacher", teacher);
        account(b, "Student", pupilB);
    }

    @Test
    void a_notice_to_a_class_parents_reaches_them_in_their_language_and_nobody_else() {
        HttpResponse<String> posted = PLATFORM.postJson(a.host, "/api/notifications", "{\"audiences\":[{\"kind\":"
                + "\"CLASS\",\"id\":\"" + classA + "\",\"profile\":\"Relative\"}],\"texts\":{\"fr\":\"Sortie au musée"
                + " jeudi\",\"es\":\"Salida al museo el jueves\"},\"link\":\"/\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = Platform.json(posted).getString("id");
        assertThat(await(() -> unread(a, parent), n -> n == 1)).isEqualTo(1);
        HttpResponse<String> mine = call(a, parent, "GET", "/api/notifications", null, "es");
        assertThat(mine.body()).contains("Salida al museo el jueves").doesNotContain("Sortie");
        // Others of the class are not its parents (other tests may have notified them of other things).
        for (String other : List.of(pupil, teacher)) {
            assertThat(call(a, other, "GET", "/api/notifications", null, "fr").body()).doesNotContain("Sortie au musée");
        }
        // Guessed ids: someone else's notification is not found, marking it read changes nothing.
        assertThat(call(a, pupil, "POST", "/api/notifications/" + id + "/read", "", "fr").statusCode()).isEqualTo(404);
        assertThat(call(a, parent, "POST", "/api/notifications/" + id + "/read", "", "fr").statusCode()).isEqualTo(200);
        assertThat(unread(a, parent)).isZero();
    }

    @Test
    void another_collectivity_is_reached_neither_by_host_nor_by_token_nor_by_ids() {
        // A's administrator names B's pupil: nobody here.
        assertThat(PLATFORM.postJson(a.host, "/api/notifications", "{\"recipients\":[\"" + pupilB
                + "\"],\"text\":\"Bonjour\"}").statusCode()).isEqualTo(404);
        // A's parent's token on B's domain is refused; B's pupil reads only B's timeline.
        assertThat(call(b, parent, "GET", "/api/notifications/unread-count", null, "fr", tokenOf(a, parent))
                .statusCode()).isEqualTo(401);
        assertThat(call(b, pupilB, "GET", "/api/notifications/preferences", null, "fr").statusCode()).isEqualTo(200);
        assertThat(call(a, pupilB, "GET", "/api/notifications/preferences", null, "fr", tokenOf(b, pupilB))
                .statusCode()).isEqualTo(401);
        // A notice of A to a class of B (guessed id): expanded in A's directory, it reaches nobody.
        String toB = Platform.json(PLATFORM.postJson(a.host, "/api/notifications", "{\"audiences\":[{\"kind\":\"STRUCTURE\","
                + "\"id\":\"" + pupilB + "\"}],\"text\":\"Pour B ?\"}")).getString("id");
        await(() -> Integer.parseInt(scalar(a, "SELECT count(*) FROM %s.fan_out WHERE notice_id = '" + toB + "'")),
                n -> n == 0);
        assertThat(scalar(a, "SELECT count(*) FROM %s.delivery WHERE notice_id = '" + toB + "'")).isEqualTo("0");
        assertThat(unread(b, pupilB)).isZero();
    }

    @Test
    void bad_quiet_hours_and_preferences_are_refused_with_a_clear_problem() {
        HttpResponse<String> inverted = call(a, teacher, "PUT", "/api/notifications/quiet-hours",
                "[{\"days\":[\"MONDAY\"],\"from\":\"20:00\",\"to\":\"07:00\"}]", "fr");
        assertThat(inverted.statusCode()).isEqualTo(400);
        assertThat(Platform.json(inverted).getString("type")).isEqualTo("urn:ent:problem:quiet-hours-inverted");
        assertThat(Platform.json(inverted).getString("detail")).contains("20:00–24:00");
        HttpResponse<String> overlapping = call(a, teacher, "PUT", "/api/notifications/quiet-hours",
                "[{\"days\":[\"MONDAY\",\"TUESDAY\"],\"from\":\"18:00\",\"to\":\"21:00\"},"
                        + "{\"days\":[\"TUESDAY\"],\"from\":\"20:00\",\"to\":\"24:00\"}]", "en");
        assertThat(Platform.json(overlapping).getString("type")).isEqualTo("urn:ent:problem:quiet-hours-overlapping");
        assertThat(call(a, teacher, "PUT", "/api/notifications/quiet-hours",
                "[{\"days\":[\"MONDAY\"],\"from\":\"25:00\",\"to\":\"26:00\"}]", "fr").statusCode()).isEqualTo(400);
        assertThat(call(a, teacher, "PUT", "/api/notifications/preferences",
                "[{\"type\":\"astrology.daily\",\"shown\":true,\"emailed\":true}]", "fr").statusCode()).isEqualTo(400);
        assertThat(PLATFORM.postJson(a.host, "/api/notifications", "{\"recipients\":[\"" + teacher
                + "\"],\"text\":\"" + "x".repeat(2001) + "\"}").statusCode()).isEqualTo(400);
        // A pupil is not an administrator: no school quiet hours, no posting.
        assertThat(call(a, pupil, "GET", "/api/notifications/structures/" + classA + "/quiet-hours", null, "fr")
                .statusCode()).isEqualTo(403);
        assertThat(call(a, pupil, "POST", "/api/notifications", "{\"recipients\":[\"" + teacher
                + "\"],\"text\":\"Coucou\"}", "fr").statusCode()).isEqualTo(403);
    }

    @Test
    void quiet_hours_hold_a_notification_until_they_end_then_it_is_shown_counted_and_emailed_once() {
        // The teacher is quiet all week (an extreme setting: the notification waits a week at most) and wants
        // messages e-mailed.
        assertThat(call(a, teacher, "PUT", "/api/notifications/quiet-hours", "[{\"days\":[\"MONDAY\",\"TUESDAY\","
                + "\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"from\":\"00:00\",\"to\":\"24:00\"}]",
                "fr").statusCode()).isEqualTo(200);
        assertThat(call(a, teacher, "PUT", "/api/notifications/preferences",
                "[{\"type\":\"notifications.message\",\"shown\":true,\"emailed\":true}]", "fr").statusCode())
                .isEqualTo(200);
        String id = Platform.json(PLATFORM.postJson(a.host, "/api/notifications", "{\"recipients\":[\"" + teacher
                + "\"],\"text\":\"Conseil de classe lundi\"}")).getString("id");
        await(() -> Integer.parseInt(scalar(a, "SELECT count(*) FROM %s.delivery WHERE notice_id = '" + id + "'")),
                n -> n == 1);
        assertThat(unread(a, teacher)).as("held by quiet hours: not counted yet").isZero();
        assertThat(call(a, teacher, "GET", "/api/notifications", null, "fr").body()).doesNotContain("Conseil");

        try (TestMailServer mail = TestMailServer.start()) {
            // Eight days later, across a restart, with a mail server.
            PLATFORM.restartWith(Map.of("ENT_CLOCK_OFFSET", "P8D", "ENT_MAIL_HOST", mail.host(),
                    "ENT_MAIL_PORT", String.valueOf(mail.smtpPort()), "ENT_MAIL_STARTTLS", "false",
                    "ENT_NOTIFICATIONS_TICK_SECONDS", "1"));
            assertThat(await(() -> unread(a, teacher), n -> n == 1)).isEqualTo(1);
            assertThat(call(a, teacher, "GET", "/api/notifications", null, "fr").body()).contains("Conseil de classe");
            List<MimeMessage> received = mail.awaitMessages(1, Duration.ofSeconds(60));
            assertThat(received).hasSize(1);
            assertThat(recipient(received.get(0))).isEqualTo("prof@example.org");
            // the mail server has the message before the job records it (send, then commit): wait for the record
            assertThat(await(() -> scalar(a, "SELECT email FROM %s.delivery WHERE notice_id = '" + id + "'"),
                    "SENT"::equals)).isEqualTo("SENT");
            sleep(3000); // several ticks: nothing is sent twice
            assertThat(mail.received()).hasSize(1);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String user(DirectoryApi d, String profile, String school, List<String> classes,
            List<String> children, String email) {
        var body = Json.createObjectBuilder().add("profile", profile).add("lastName", profile + DirectoryApi.letters(4))
                .add("firstName", "Camille").add("structureId", school)
                .add("classIds", Json.createArrayBuilder(classes)).add("childIds", Json.createArrayBuilder(children));
        if (email != null) {
            body.add("email", email);
        }
        HttpResponse<String> created = PLATFORM.postJson(d.host, "/api/directory/users", body.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created).getString("id");
    }

    private static void account(DirectoryApi d, String profile, String id) throws Exception {
        String realm = Realms.ofCollectivity(slug(d));
        PLATFORM.keycloak().allowPasswordGrant(realm, Realms.PORTAL_CLIENT);
        PLATFORM.keycloak().ensureUser(realm, "u-" + id.substring(0, 8), "Camille", profile, PASSWORD,
                List.of(profile), Map.of("ent_user_id", id));
    }

    private static String tokenOf(DirectoryApi d, String id) {
        return TOKENS.computeIfAbsent(id, k -> {
            String base = PLATFORM.identity().baseUrl().toString();
            URI endpoint = RealmEndpoints.of(base, base).token(Realms.ofCollectivity(slug(d)));
            String form = "grant_type=password&scope=openid&client_id=" + Realms.PORTAL_CLIENT + "&username=u-"
                    + id.substring(0, 8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonObject json = Json.createReader(new StringReader(r.body())).readObject();
                return "Bearer " + json.getString("access_token");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HttpResponse<String> call(DirectoryApi d, String user, String method, String path, String json,
            String language) {
        return call(d, user, method, path, json, language, tokenOf(d, user));
    }

    private static HttpResponse<String> call(DirectoryApi d, String user, String method, String path, String json,
            String language, String authorization) {
        return PLATFORM.send(d.host, method, path + (path.contains("?") ? "&" : "?") + "lang=" + language,
                json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), authorization);
    }

    private static int unread(DirectoryApi d, String user) {
        HttpResponse<String> r = call(d, user, "GET", "/api/notifications/unread-count", null, "fr");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Platform.json(r).getJsonNumber("unread").intValue();
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            sleep(250);
            last = read.get();
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String slug(DirectoryApi d) {
        return d.host.substring(0, d.host.indexOf('.'));
    }

    private static String scalar(DirectoryApi d, String sqlWithSchema) {
        String sql = String.format(sqlWithSchema, "t_" + slug(d).replace('-', '_'));
        try (Connection c = PLATFORM.database().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
