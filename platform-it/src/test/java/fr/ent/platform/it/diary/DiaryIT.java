package fr.ent.platform.it.diary;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cahier de textes over its JSON API on the real platform. In collectivity A ({@link ClassFixture}: Sophie Martin
 * teaches CP where Léa Durand and Hugo Moreau are pupils, Nicolas Durand is Léa's father; Zoé Roux is in CM2 of the
 * other school, taught here by Marc Petit), Sophie sets homework with a PDF of her documents: the class and Léa's
 * father read it and open the PDF, and are told once; homework she prepares for a later day stays hidden from them
 * and untold until that day, when the job tells them. Nobody else reads or writes: another class's pupil and
 * teacher, a parent or a pupil writing, another collectivity (Host, token, ids), guessed and malformed ids; only a
 * document the teacher could share is attached (not another's, not one shared with her for reading, not another
 * collectivity's), the diary reaching the documents through the runtime's {@code DocumentLibrary} contract.
 */
class DiaryIT {

    private static final String API = "/api/diary";
    private static final byte[] PDF = "%PDF-1.4\n% exercices de lecture\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String sophie;
    private static String nicolas;
    private static String lea;
    private static String hugo;
    private static String zoe;
    private static String marc;
    private static String sophieOfB;
    private static String pdf;
    private static LocalDate today;

    @BeforeAll
    static void aClassWithItsTeacherPupilsAndAParent() {
        platform = Platform.get();
        a = ClassFixture.create("diary-a");
        b = ClassFixture.create("diary-b");
        a.account("Teacher", "Petit", "Marc", a.schoolB, List.of(a.cm2), List.of());
        sophie = token(a, "sophie.martin");
        nicolas = token(a, "nicolas.durand");
        lea = token(a, "lea.durand");
        hugo = token(a, "hugo.moreau");
        zoe = token(a, "zoe.roux");
        marc = token(a, "marc.petit");
        sophieOfB = token(b, "sophie.martin");
        pdf = Platform.json(status(platform.send(a.domain(), "POST", "/api/documents/files?name=lecture.pdf",
                "application/pdf", PDF, "Bearer " + sophie), 201)).getString("id");
        today = LocalDate.parse(ok(call(a, sophie, "GET", API + "/classes/" + a.cp + "/days", null))
                .getString("today"));
    }

    @Test
    void homeworkWithAPdfReachesTheClassAndItsParentsOncePreparedHomeworkWaitsForItsDay() throws Exception {
        JsonArray mine = array(call(a, sophie, "GET", API + "/classes", null));
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getBoolean("writes")).isTrue();
        assertThat(array(call(a, nicolas, "GET", API + "/classes", null)).getJsonObject(0).getString("id"))
                .isEqualTo(a.cp);

        JsonObject homework = created(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("homework", today.plusDays(1), "Lecture", "<p>Lire la page 12 <script>alert(1)</script></p>",
                        null, pdf)));
        String id = homework.getString("id");
        assertThat(homework.getString("content")).contains("Lire la page 12").doesNotContain("script");
        assertThat(homework.getBoolean("editable")).isTrue();
        JsonObject prepared = created(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("homework", today.plusDays(2), "Calcul", "<p>Table de 3</p>", today.plusDays(1), null)));
        String later = prepared.getString("id");
        assertThat(prepared.getBoolean("visible")).isFalse();

        // the class and Léa's father read the homework and open its PDF; the prepared one is not there for them
        for (String reader : List.of(lea, hugo, nicolas)) {
            JsonObject read = ok(call(a, reader, "GET", API + "/entries/" + id, null));
            assertThat(read.getBoolean("editable")).isFalse();
            assertThat(read.getJsonArray("attachments").getJsonObject(0).getString("name")).isEqualTo("lecture.pdf");
            problem(call(a, reader, "GET", API + "/entries/" + later, null), 404, "diary-entry-not-found");
        }
        HttpResponse<byte[]> opened = bytes(a, nicolas, API + "/entries/" + id + "/attachments/" + pdf);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(PDF);
        assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(opened.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // the PDF itself is not shared with him in the documents app: only through the homework
        assertThat(call(a, nicolas, "GET", "/api/documents/files/" + pdf + "/content", null).statusCode())
                .isEqualTo(404);
        assertThat(subjects(array(call(a, nicolas, "GET", API + "/homework", null)))).containsExactly("Lecture");
        JsonObject week = ok(call(a, nicolas, "GET", API + "/classes/" + a.cp + "/days?from=" + today + "&to="
                + today.plusDays(6), null));
        assertThat(week.toString()).contains("Lecture").doesNotContain("Calcul", later);
        assertThat(ok(call(a, sophie, "GET", API + "/classes/" + a.cp + "/days?from=" + today + "&to="
                + today.plusDays(6), null)).toString()).contains("Lecture", "Calcul");
        assertThat(subjects(array(call(a, sophie, "GET", API + "/homework", null)))).containsExactly("Lecture");

        // told once: the pupils and the parent, not the teacher, not the other class, not yet the prepared one
        String link = "/diary/entries/" + id;
        assertThat(awaitNotice(nicolas, link).getString("text")).contains("Lecture");
        awaitNotice(lea, link);
        ok(call(a, sophie, "PUT", API + "/entries/" + id, entry("homework", today.plusDays(1), "Lecture",
                "<p>Lire les pages 12 et 13</p>", null, pdf)));
        Thread.sleep(4_500); // two ticks of the job
        assertThat(notices(a, nicolas, link)).hasSize(1);
        assertThat(notices(a, sophie, link)).isEmpty();
        assertThat(notices(a, zoe, link)).isEmpty();
        assertThat(notices(a, nicolas, "/diary/entries/" + later)).isEmpty();
        assertThat(notices(a, lea, "/diary/entries/" + later)).isEmpty();

        // its day comes (moved to today in the collectivity's tables rather than moving the server's clock): the
        // job tells the families, and they read it
        execute("UPDATE t_" + a.slug.replace('-', '_') + ".diary_entry SET visible_from = visible_from - 1"
                + " WHERE id = '" + later + "'");
        assertThat(awaitNotice(lea, "/diary/entries/" + later).getString("text")).contains("Calcul");
        awaitNotice(nicolas, "/diary/entries/" + later);
        assertThat(ok(call(a, nicolas, "GET", API + "/entries/" + later, null)).getBoolean("visible")).isTrue();
        assertThat(notices(a, sophie, "/diary/entries/" + later)).isEmpty();

        // while the entry stands; deleted, neither it nor its document is reachable through it
        assertThat(call(a, sophie, "DELETE", API + "/entries/" + id, null).statusCode()).isEqualTo(204);
        problem(call(a, nicolas, "GET", API + "/entries/" + id, null), 404, "diary-entry-not-found");
        assertThat(bytes(a, nicolas, API + "/entries/" + id + "/attachments/" + pdf).statusCode()).isEqualTo(404);
        assertThat(bytes(a, sophie, "/api/documents/files/" + pdf + "/content").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyElseReadsOrWritesTheClassDiary() {
        String id = created(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("session", today, "Sciences", "<p>Les saisons</p>", null, null))).getString("id");
        String body = entry("session", today, "Sciences", "<p>Autre chose</p>", null, null);

        // another class's pupil and teacher: not found, whatever they try
        problem(call(a, zoe, "GET", API + "/entries/" + id, null), 404, "diary-entry-not-found");
        problem(call(a, zoe, "GET", API + "/classes/" + a.cp + "/days", null), 404, "diary-class-not-found");
        assertThat(array(call(a, zoe, "GET", API + "/classes", null)).toString()).doesNotContain(a.cp);
        problem(call(a, marc, "PUT", API + "/entries/" + id, body), 404, "diary-entry-not-found");
        problem(call(a, marc, "POST", API + "/classes/" + a.cp + "/entries", body), 404, "diary-class-not-found");
        assertThat(array(call(a, marc, "GET", API + "/classes", null)).getJsonObject(0).getString("id"))
                .isEqualTo(a.cm2);
        // the class's parent and pupils read, and may not write
        problem(call(a, nicolas, "PUT", API + "/entries/" + id, body), 403, "forbidden");
        problem(call(a, nicolas, "POST", API + "/classes/" + a.cp + "/entries", body), 403, "forbidden");
        problem(call(a, lea, "DELETE", API + "/entries/" + id, null), 403, "forbidden");
        assertThat(ok(call(a, lea, "GET", API + "/entries/" + id, null)).getString("subject")).isEqualTo("Sciences");

        // a document is attached only by who could share it
        String hisFile = Platform.json(status(platform.send(a.domain(), "POST", "/api/documents/files?name=mot.pdf",
                "application/pdf", PDF, "Bearer " + nicolas), 201)).getString("id");
        problem(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("homework", today, "Lecture", "<p>x</p>", null, hisFile)), 404, "document-not-found");
        // one he shares with her for reading only: she may read it, not share it on to the class (403)
        ok(call(a, nicolas, "POST", "/api/documents/nodes/" + hisFile + "/shareable", ""));
        ok(call(a, nicolas, "PUT", "/api/sharing/documents/node/" + hisFile, "{\"shares\":[{\"kind\":\"user\","
                + "\"id\":\"" + a.teacher + "\",\"right\":\"read\"}]}"));
        problem(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("homework", today, "Lecture", "<p>x</p>", null, hisFile)), 403, "forbidden");
        // another collectivity's document, by its id: not found
        String fileOfB = Platform.json(status(platform.send(b.domain(), "POST", "/api/documents/files?name=b.pdf",
                "application/pdf", PDF, "Bearer " + sophieOfB), 201)).getString("id");
        problem(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("homework", today, "Lecture", "<p>x</p>", null, fileOfB)), 404, "document-not-found");
        problem(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries",
                entry("exam", today, "Lecture", "<p>x</p>", null, null)), 400, "invalid-input");
        problem(call(a, sophie, "POST", API + "/classes/" + a.cp + "/entries", "{not json"), 400,
                "malformed-request");
        problem(call(a, sophie, "GET", API + "/entries/" + id + "/attachments/" + pdf, null), 404,
                "document-not-found");

        // another collectivity: its Host, its tokens, its ids
        problem(call(b, sophie, "GET", API + "/entries/" + id, null), 401, "invalid-token");
        problem(call(a, sophieOfB, "GET", API + "/entries/" + id, null), 401, "invalid-token");
        problem(call(b, sophieOfB, "GET", API + "/entries/" + id, null), 404, "diary-entry-not-found");
        problem(call(b, sophieOfB, "GET", API + "/classes/" + a.cp + "/days", null), 404, "diary-class-not-found");
        problem(call(b, sophieOfB, "PUT", API + "/entries/" + id, body), 404, "diary-entry-not-found");
        // guessed and malformed ids, anonymous, unknown host
        problem(call(a, sophie, "GET", API + "/entries/" + UUID.randomUUID(), null), 404, "diary-entry-not-found");
        problem(call(a, sophie, "GET", API + "/entries/not-an-id", null), 404, "diary-entry-not-found");
        problem(platform.send(a.domain(), "GET", API + "/classes", null, null, null), 401, "unauthenticated");
        assertThat(platform.send("nobody-diary.localhost", "GET", API + "/classes", null, null, "Bearer " + sophie)
                .statusCode()).isEqualTo(404);
    }

    // --- helpers ---

    private static void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = platform.database().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String entry(String kind, LocalDate day, String subject, String content, LocalDate visibleFrom,
            String attachment) {
        return Json.createObjectBuilder().add("kind", kind).add("day", day.toString()).add("subject", subject)
                .add("content", content).add("visibleFrom", visibleFrom == null ? "" : visibleFrom.toString())
                .add("attachments", attachment == null ? Json.createArrayBuilder()
                        : Json.createArrayBuilder().add(attachment)).build().toString();
    }

    private static List<String> subjects(JsonArray entries) {
        return entries.getValuesAs(JsonObject.class).stream().map(e -> e.getString("subject")).toList();
    }

    /** This person's notifications opening {@code link}. */
    private static List<JsonObject> notices(ClassFixture c, String token, String link) {
        HttpResponse<String> mine = status(call(c, token, "GET", "/api/notifications", null), 200);
        return Json.createReader(new StringReader(mine.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(n -> n.containsKey("link") && !n.isNull("link") && n.getString("link").equals(link)).toList();
    }

    /** The notification opening {@code link}, once it reached this person (the fan-out is background work). */
    private static JsonObject awaitNotice(String token, String link) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<JsonObject> found = notices(a, token, link);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no notification opening " + link + " within 60 s");
    }

    private static HttpResponse<byte[]> bytes(ClassFixture c, String token, String path) {
        try {
            return platform.client().runtime(c.domain(), "GET", path, null, null,
                    Map.of("Authorization", "Bearer " + token), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject ok(HttpResponse<String> response) {
        return Platform.json(status(response, 200));
    }

    private static JsonObject created(HttpResponse<String> response) {
        return Platform.json(status(response, 201));
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(status(response, 200).body())).readArray();
    }

    private static JsonObject problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:" + code);
        return problem;
    }

    private static HttpResponse<String> status(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json) {
        return platform.send(c.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }
}
