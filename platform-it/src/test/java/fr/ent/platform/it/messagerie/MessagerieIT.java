package fr.ent.platform.it.messagerie;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messagerie over its JSON API on the real platform, with real tokens: a teacher writes to the parents of her
 * class (a group), the parent replies with a file, pupils stay within the communication rules, nobody reads what
 * they do not hold, nothing of another collectivity is reachable, and hostile or oversized input is refused
 * without half-storing anything. The server runs with a 1 MiB quota and 600 KiB per file (Platform).
 */
class MessagerieIT {

    private static final String API = "/api/messagerie";
    private static final byte[] PDF = pdf(2_000);
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String sophie;
    private static String nicolas;
    private static String lea;
    private static String hugo;
    private static String leaOfB;

    @BeforeAll
    static void twoCollectivities() {
        platform = Platform.get();
        a = ClassFixture.create("mail-a");
        b = ClassFixture.create("mail-b");
        sophie = token(a, "sophie.martin");
        nicolas = token(a, "nicolas.durand");
        lea = token(a, "lea.durand");
        hugo = token(a, "hugo.moreau");
        leaOfB = token(b, "lea.durand");
    }

    @Test
    void aTeacherWritesToHerPupilsParentsWhoReplyWithAFile() throws Exception {
        String parents = group(sophie, "Parents — CP");
        String key = UUID.randomUUID().toString();
        long unreadBefore = unread(nicolas); // the other tests write to him too
        String message = "{\"to\":[\"group:" + parents + "\"],\"subject\":\"Sortie au musée\","
                + "\"body\":\"<p>Bonjour,</p><p>La <b>sortie</b> a lieu jeudi.</p>\"}";
        HttpResponse<String> sent = call(a, sophie, "POST", API + "/messages", message, key);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = Platform.json(sent).getString("id");
        // a double click: the same key answers the same message, sent once
        HttpResponse<String> again = call(a, sophie, "POST", API + "/messages", message, key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Platform.json(again).getString("id")).isEqualTo(id);

        assertThat(unread(nicolas)).isEqualTo(unreadBefore + 1);
        JsonObject inbox = ok(call(a, nicolas, "GET", API + "/boxes/inbox", null));
        JsonObject line = inbox.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("id").equals(id)).findFirst().orElseThrow();
        assertThat(line.getString("subject")).isEqualTo("Sortie au musée");
        assertThat(line.getString("authorName")).isEqualTo("Sophie Martin");
        assertThat(line.getBoolean("unread")).isTrue();
        JsonObject read = ok(call(a, nicolas, "GET", API + "/messages/" + id, null));
        assertThat(read.getString("body")).contains("<b>sortie</b>");
        assertThat(read.getJsonArray("to").getJsonObject(0).getString("name")).isEqualTo("Parents — CP");
        assertThat(unread(nicolas)).isEqualTo(unreadBefore);
        awaitNotification(nicolas, "/messagerie/messages/" + id, "Sophie Martin vous a écrit : Sortie au musée");

        // the parent replies, with a PDF
        HttpResponse<String> started = call(a, nicolas, "POST", API + "/messages/" + id + "/reply", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonObject draft = Platform.json(started);
        assertThat(draft.getString("subject")).isEqualTo("Re : Sortie au musée");
        assertThat(draft.getJsonArray("to").getJsonObject(0).getString("id")).isEqualTo(a.teacher);
        HttpResponse<String> attached = platform.send(a.domain(), "POST", API + "/drafts/" + draft.getString("id")
                + "/attachments?name=autorisation.pdf", "application/pdf", PDF, "Bearer " + nicolas);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String file = Platform.json(attached).getString("id");
        HttpResponse<String> replied = call(a, nicolas, "POST", API + "/drafts/" + draft.getString("id") + "/send", "");
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);

        assertThat(titles(ok(call(a, sophie, "GET", API + "/boxes/inbox", null)))).contains("Re : Sortie au musée");
        List<JsonObject> thread = ok(call(a, sophie, "GET", API + "/messages/" + draft.getString("id") + "/thread",
                null).body()).getValuesAs(JsonObject.class);
        assertThat(thread).extracting(t -> t.getString("subject")).containsExactly("Sortie au musée",
                "Re : Sortie au musée");
        HttpResponse<byte[]> download = platform.client().runtime(a.domain(), "GET", API + "/attachments/" + file,
                null, null, Map.of("Authorization", "Bearer " + sophie), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // Léa's and Hugo's parents only: the pupils themselves got nothing
        assertThat(titles(ok(call(a, lea, "GET", API + "/boxes/inbox", null)))).doesNotContain("Sortie au musée");
        // whoever does not hold the message cannot read it nor its file, by id
        problem(call(a, lea, "GET", API + "/messages/" + id, null), 404, "message-not-found");
        problem(call(a, hugo, "GET", API + "/attachments/" + file, null), 404, "attachment-not-found");
        problem(call(a, lea, "POST", API + "/messages/" + id + "/reply", ""), 404, "message-not-found");
    }

    @Test
    void filesGoThroughTheAntivirusIntoTheStoreAndLeaveItWithTheirLastMessage() throws Exception {
        String draft = created(call(a, sophie, "POST", API + "/drafts", "{\"to\":[\"user:" + a.parent
                + "\"],\"subject\":\"Documents de rentrée\",\"body\":\"Ci-joint.\"}")).getString("id");
        String attach = API + "/drafts/" + draft + "/attachments?name=";
        Path store = files(a);
        long before = storedFiles(store);
        JsonObject infected = problem(platform.send(a.domain(), "POST", attach + "eicar.txt", "text/plain",
                EICAR.getBytes(StandardCharsets.US_ASCII), "Bearer " + sophie), 422, "file-infected");
        assertThat(infected.getString("signature")).containsIgnoringCase("eicar");
        assertThat(ok(call(a, sophie, "GET", API + "/messages/" + draft, null)).getJsonArray("attachments")).isEmpty();
        assertThat(sql(a, "SELECT count(*) FROM attachment WHERE message_id = '" + draft + "'")).isEqualTo("0");
        assertThat(storedFiles(store)).isEqualTo(before);

        // a clean file: its bytes are in the store, under the collectivity, not in the table
        byte[] pdf = pdf(3_000);
        String file = created(platform.send(a.domain(), "POST", attach + "fournitures.pdf", "application/pdf", pdf,
                "Bearer " + sophie)).getString("id");
        assertThat(sql(a, "SELECT (content IS NULL)::text FROM attachment WHERE id = '" + file + "'"))
                .isEqualTo("true");
        String key = sql(a, "SELECT object_key FROM attachment WHERE id = '" + file + "'");
        assertThat(key).startsWith("messagerie/" + file + "/");
        assertThat(Files.readAllBytes(store.resolve(key))).isEqualTo(pdf);
        created(call(a, sophie, "POST", API + "/drafts/" + draft + "/send", ""));
        assertThat(download(nicolas, file).body()).isEqualTo(pdf);
        // a file kept in the table before the store (V3) is still served from there
        String legacy = UUID.randomUUID().toString();
        sql(a, "INSERT INTO attachment (id, message_id, owner_id, name, content_type, size, content, created_at)"
                + " VALUES ('" + legacy + "', '" + draft + "', '" + a.teacher + "', 'ancienne.txt', 'text/plain', 13,"
                + " convert_to('Liste de 2025', 'UTF8'), now()) RETURNING 'x'");
        assertThat(download(nicolas, legacy).body()).isEqualTo("Liste de 2025".getBytes(StandardCharsets.UTF_8));

        // a forward shares the file; it leaves the store with the last message naming it
        String forward = created(call(a, nicolas, "POST", API + "/messages/" + draft + "/forward", ""))
                .getString("id");
        assertThat(sql(a, "SELECT count(*) FROM attachment WHERE object_key = '" + key + "'")).isEqualTo("2");
        for (String token : List.of(sophie, nicolas)) {
            assertThat(call(a, token, "POST", API + "/messages/" + draft + "/trash", "").statusCode()).isEqualTo(204);
            assertThat(call(a, token, "DELETE", API + "/messages/" + draft, null).statusCode()).isEqualTo(204);
        }
        assertThat(sql(a, "SELECT count(*) FROM message WHERE id = '" + draft + "'")).isEqualTo("0");
        assertThat(store.resolve(key)).exists();
        assertThat(call(a, nicolas, "POST", API + "/messages/" + forward + "/trash", "").statusCode()).isEqualTo(204);
        assertThat(ok(call(a, nicolas, "POST", API + "/trash/empty", "")).getInt("deleted")).isPositive();
        assertThat(store.resolve(key)).doesNotExist();
        assertThat(storedFiles(store)).isEqualTo(before);
    }

    @Test
    void aDocumentAttachedByReferenceIsReadWhileItsAuthorMayReadIt() {
        byte[] pdf = pdf(4_000);
        String doc = created(platform.send(a.domain(), "POST", "/api/documents/files?name=programme.pdf",
                "application/pdf", pdf, "Bearer " + sophie)).getString("id");
        String nicolasDoc = created(platform.send(a.domain(), "POST", "/api/documents/files?name=mien.pdf",
                "application/pdf", pdf(100), "Bearer " + nicolas)).getString("id");
        String docOfB = created(platform.send(b.domain(), "POST", "/api/documents/files?name=b.pdf",
                "application/pdf", pdf(100), "Bearer " + leaOfB)).getString("id");
        long used = ok(call(a, sophie, "GET", API + "/usage", null)).getJsonNumber("used").longValue();
        String draft = created(call(a, sophie, "POST", API + "/drafts", "{\"to\":[\"user:" + a.parent
                + "\"],\"subject\":\"Programme\",\"body\":\"Le programme de l'année.\"}")).getString("id");
        String documents = API + "/drafts/" + draft + "/documents";
        // what she may not read is not found, whoever owns it, in whatever collectivity; so is a guessed id
        for (String other : List.of(nicolasDoc, docOfB, UUID.randomUUID().toString(), "pas-un-id")) {
            problem(call(a, sophie, "POST", documents, "{\"document\":\"" + other + "\"}"), 404,
                    "attachment-document-not-found");
        }
        // nobody else attaches to her draft: not from A, not from B, not with B's token on A
        problem(call(a, nicolas, "POST", documents, "{\"document\":\"" + nicolasDoc + "\"}"), 404,
                "message-not-found");
        problem(call(b, leaOfB, "POST", documents, "{\"document\":\"" + docOfB + "\"}"), 404, "message-not-found");
        problem(call(a, leaOfB, "POST", documents, "{\"document\":\"" + doc + "\"}"), 401, "invalid-token");

        JsonObject attached = created(call(a, sophie, "POST", documents, "{\"document\":\"" + doc + "\"}"));
        assertThat(attached.getString("name")).isEqualTo("programme.pdf");
        assertThat(attached.getString("document")).isEqualTo(doc);
        assertThat(attached.getJsonNumber("size").longValue()).isEqualTo(4_000);
        String file = attached.getString("id");
        created(call(a, sophie, "POST", API + "/drafts/" + draft + "/send", ""));
        // nothing copied: her quota is as it was, and the parent reads the document itself
        assertThat(ok(call(a, sophie, "GET", API + "/usage", null)).getJsonNumber("used").longValue())
                .isEqualTo(used);
        HttpResponse<byte[]> read = download(nicolas, file);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(pdf);
        problem(call(a, lea, "GET", API + "/attachments/" + file, null), 404, "attachment-not-found");
        problem(call(b, leaOfB, "GET", API + "/attachments/" + file, null), 404, "attachment-not-found");

        // she puts it in her trash: the share no longer stands, and the parent is told so; restored, it is back
        assertThat(call(a, sophie, "POST", "/api/documents/nodes/" + doc + "/trash", "").statusCode())
                .isEqualTo(204);
        JsonObject gone = problem(call(a, nicolas, "GET", API + "/attachments/" + file, null), 404,
                "attachment-document-gone");
        assertThat(gone.getString("detail")).contains("programme.pdf");
        ok(call(a, sophie, "POST", "/api/documents/nodes/" + doc + "/restore", ""));
        assertThat(download(nicolas, file).body()).isEqualTo(pdf);

        // a document someone else shared with her: her pupil reads it through her message while that share stands
        ok(call(a, nicolas, "POST", "/api/documents/nodes/" + nicolasDoc + "/shareable", ""));
        ok(call(a, nicolas, "PUT", "/api/sharing/documents/node/" + nicolasDoc, "{\"shares\":[{\"kind\":\"user\","
                + "\"id\":\"" + a.teacher + "\",\"right\":\"read\"}]}"));
        String toLea = created(call(a, sophie, "POST", API + "/drafts", "{\"to\":[\"user:" + a.lea
                + "\"],\"subject\":\"Le mot\",\"body\":\"Le mot de ton père.\"}")).getString("id");
        String lent = created(call(a, sophie, "POST", API + "/drafts/" + toLea + "/documents", "{\"document\":\""
                + nicolasDoc + "\"}")).getString("id");
        created(call(a, sophie, "POST", API + "/drafts/" + toLea + "/send", ""));
        assertThat(download(lea, lent).body()).isEqualTo(pdf(100));
        // withdrawn: closed for the pupil too, as for the sender
        ok(call(a, nicolas, "PUT", "/api/sharing/documents/node/" + nicolasDoc, "{\"shares\":[]}"));
        problem(call(a, lea, "GET", API + "/attachments/" + lent, null), 404, "attachment-document-gone");
    }

    @Test
    void pupilsWriteWithinTheRulesAndARefusedSendStoresNothing() {
        String toZoe = "{\"to\":[\"user:" + a.zoe + "\"],\"subject\":\"Salut\",\"body\":\"coucou\"}";
        problem(call(a, lea, "POST", API + "/messages", toZoe), 403, "communication-refused");
        String toHugo = "{\"to\":[\"user:" + a.hugo + "\"],\"subject\":\"Salut\",\"body\":\"coucou\"}";
        problem(call(a, lea, "POST", API + "/messages", toHugo), 403, "communication-refused");
        problem(call(a, lea, "POST", API + "/drafts", toHugo), 403, "communication-refused");
        // a Bcc is addressed too
        problem(call(a, lea, "POST", API + "/messages", "{\"to\":[\"user:" + a.teacher + "\"],\"bcc\":[\"user:"
                + a.hugo + "\"],\"subject\":\"x\",\"body\":\"x\"}"), 403, "communication-refused");
        assertThat(ok(call(a, hugo, "GET", API + "/boxes/inbox", null)).getJsonArray("items")).isEmpty();
        assertThat(ok(call(a, lea, "GET", API + "/boxes/sent", null)).getJsonArray("items")).isEmpty();
        assertThat(ok(call(a, lea, "GET", API + "/boxes/drafts", null)).getJsonArray("items")).isEmpty();
        // to her teacher: allowed
        HttpResponse<String> toTeacher = call(a, lea, "POST", API + "/messages", "{\"to\":[\"user:" + a.teacher
                + "\"],\"subject\":\"Mon exposé\",\"body\":\"Voici mon exposé sur les volcans.\"}");
        assertThat(toTeacher.statusCode()).as(toTeacher.body()).isEqualTo(201);
    }

    @Test
    void foldersTrashAndSearchAreEachPersonsOwn() {
        String id = Platform.json(call(a, sophie, "POST", API + "/messages", "{\"to\":[\"user:" + a.parent
                + "\"],\"cc\":[\"user:" + a.lea + "\"],\"subject\":\"Les sorties scolaires\","
                + "\"body\":\"Les inscriptions aux sorties ferment vendredi.\"}")).getString("id");
        // French stemming: "sortie" finds "sorties"; Léa's search does not find the teacher's other messages
        assertThat(titles(ok(call(a, nicolas, "GET", API + "/search?q=sortie", null))))
                .contains("Les sorties scolaires");
        assertThat(titles(ok(call(a, lea, "GET", API + "/search?q=inscription", null))))
                .containsExactly("Les sorties scolaires");
        assertThat(titles(ok(call(a, hugo, "GET", API + "/search?q=inscription", null)))).isEmpty();

        JsonObject school = created(call(a, nicolas, "POST", API + "/folders", "{\"name\":\"École\"}"));
        JsonObject trips = created(call(a, nicolas, "POST", API + "/folders",
                "{\"name\":\"Sorties\",\"parent\":\"" + school.getString("id") + "\"}"));
        problem(call(a, nicolas, "POST", API + "/folders", "{\"name\":\"école\"}"), 409, "folder-name-taken");
        assertThat(call(a, nicolas, "PUT", API + "/messages/" + id + "/folder",
                "{\"folder\":\"" + trips.getString("id") + "\"}").statusCode()).isEqualTo(204);
        assertThat(titles(ok(call(a, nicolas, "GET", API + "/folders/" + trips.getString("id") + "/messages", null))))
                .containsExactly("Les sorties scolaires");
        assertThat(titles(ok(call(a, nicolas, "GET", API + "/boxes/inbox", null)))).doesNotContain(
                "Les sorties scolaires");
        // someone else's folder is not found, neither to read nor to file into
        problem(call(a, lea, "GET", API + "/folders/" + trips.getString("id") + "/messages", null), 404,
                "folder-not-found");
        problem(call(a, lea, "PUT", API + "/messages/" + id + "/folder", "{\"folder\":\"" + trips.getString("id")
                + "\"}"), 404, "folder-not-found");
        // deleting the parent folder gives the message back to the inbox
        assertThat(call(a, nicolas, "DELETE", API + "/folders/" + school.getString("id"), null).statusCode())
                .isEqualTo(204);
        assertThat(titles(ok(call(a, nicolas, "GET", API + "/boxes/inbox", null)))).contains("Les sorties scolaires");

        // trash, restore, trash again and empty: gone for Nicolas, still there for Léa and the author
        assertThat(call(a, nicolas, "POST", API + "/messages/" + id + "/trash", "").statusCode()).isEqualTo(204);
        assertThat(titles(ok(call(a, nicolas, "GET", API + "/boxes/trash", null)))).contains("Les sorties scolaires");
        assertThat(titles(ok(call(a, nicolas, "GET", API + "/search?q=sortie", null))))
                .doesNotContain("Les sorties scolaires");
        assertThat(call(a, nicolas, "POST", API + "/messages/" + id + "/restore", "").statusCode()).isEqualTo(204);
        assertThat(call(a, nicolas, "POST", API + "/messages/" + id + "/trash", "").statusCode()).isEqualTo(204);
        assertThat(ok(call(a, nicolas, "POST", API + "/trash/empty", "")).getInt("deleted")).isPositive();
        problem(call(a, nicolas, "GET", API + "/messages/" + id, null), 404, "message-not-found");
        assertThat(ok(call(a, lea, "GET", API + "/messages/" + id, null)).getString("subject"))
                .isEqualTo("Les sorties scolaires");
        assertThat(ok(call(a, sophie, "GET", API + "/messages/" + id, null)).getJsonArray("cc")).hasSize(1);
    }

    @Test
    void anotherCollectivityIsNeverReached() {
        String id = Platform.json(call(a, sophie, "POST", API + "/messages", "{\"to\":[\"user:" + a.parent
                + "\"],\"subject\":\"Réunion\",\"body\":\"Mardi 18h\"}")).getString("id");
        // A's token on B's domain, and B's on A's: another realm's token
        problem(call(b, sophie, "GET", API + "/boxes/inbox", null), 401, "invalid-token");
        problem(call(a, leaOfB, "GET", API + "/messages/" + id, null), 401, "invalid-token");
        // B's people on B's domain: A's ids are not found, not addressable
        problem(call(b, leaOfB, "GET", API + "/messages/" + id, null), 404, "message-not-found");
        problem(call(a, sophie, "POST", API + "/messages", "{\"to\":[\"user:" + b.parent
                + "\"],\"subject\":\"x\",\"body\":\"x\"}"), 403, "communication-refused");
        problem(call(a, sophie, "POST", API + "/messages", "{\"to\":[\"user:" + UUID.randomUUID()
                + "\"],\"subject\":\"x\",\"body\":\"x\"}"), 403, "communication-refused");
        assertThat(titles(ok(call(b, leaOfB, "GET", API + "/search?q=réunion", null)))).isEmpty();
        // anonymous, unknown host
        problem(platform.send(a.domain(), "GET", API + "/boxes/inbox", null, null, null), 401, "unauthenticated");
        assertThat(platform.send("nobody-mail.localhost", "GET", API + "/boxes/inbox", null, null, "Bearer " + sophie)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void hostileAndOversizedInputIsRefusedOrDefused() {
        HttpResponse<String> hostile = call(a, sophie, "POST", API + "/messages", "{\"to\":[\"user:" + a.parent
                + "\"],\"subject\":\"<img src=x onerror=alert(1)>\",\"body\":\"<p onclick=\\\"steal()\\\">Bonjour"
                + "<script>alert(2)</script><a href=\\\"javascript:alert(3)\\\">x</a>"
                + "<a href=\\\"https://eduscol.education.fr\\\">Éduscol</a></p>\"}");
        assertThat(hostile.statusCode()).as(hostile.body()).isEqualTo(201);
        String body = Platform.json(hostile).getString("body");
        assertThat(body).doesNotContain("script", "onclick", "javascript:").contains("noopener").contains("Éduscol");

        problem(call(a, sophie, "POST", API + "/messages", "{\"to\":[\"user:" + a.parent + "\"],\"subject\":\"x\","
                + "\"body\":\"" + "a".repeat(250_000) + "\"}"), 400, "invalid-input");
        problem(call(a, sophie, "POST", API + "/messages", "{\"to\":[\"bob@example.org\"],\"subject\":\"x\"}"), 400,
                "invalid-input");
        problem(call(a, sophie, "POST", API + "/messages", "{\"subject\":\"x\",\"body\":\"x\"}"), 400,
                "message-no-recipient");
        problem(call(a, sophie, "POST", API + "/messages", "{\"to\":"), 400, "malformed-request");
        problem(call(a, sophie, "GET", API + "/boxes/inbox?limit=1000", null), 400, "invalid-input");
        problem(call(a, sophie, "GET", API + "/messages/not-an-id", null), 404, "message-not-found");

        // files: a wrong type, a file lying about its type, one too large, and the quota (1 MiB)
        String draft = created(call(a, sophie, "POST", API + "/drafts", "{\"to\":[\"user:" + a.parent
                + "\"],\"subject\":\"Pièces\",\"body\":\"\"}")).getString("id");
        String attach = API + "/drafts/" + draft + "/attachments?name=";
        problem(platform.send(a.domain(), "POST", attach + "page.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "Bearer " + sophie), 400,
                "attachment-type-refused");
        problem(platform.send(a.domain(), "POST", attach + "devoir.pdf", "application/pdf",
                new byte[] {'M', 'Z', 0, 0}, "Bearer " + sophie), 400, "attachment-type-refused");
        problem(platform.send(a.domain(), "POST", attach + "gros.pdf", "application/pdf", pdf(700 * 1024),
                "Bearer " + sophie), 413, "attachment-too-large");
        JsonObject usage = ok(call(a, sophie, "GET", API + "/usage", null));
        long free = usage.getJsonNumber("quota").longValue() - usage.getJsonNumber("used").longValue();
        int piece = 500 * 1024;
        int fits = (int) (free / piece);
        for (int i = 0; i < fits; i++) {
            assertThat(platform.send(a.domain(), "POST", attach + "piece" + i + ".pdf", "application/pdf",
                    pdf(piece), "Bearer " + sophie).statusCode()).isEqualTo(201);
        }
        JsonObject full = problem(platform.send(a.domain(), "POST", attach + "de-trop.pdf", "application/pdf",
                pdf(piece), "Bearer " + sophie), 413, "quota-exceeded");
        assertThat(full.getString("detail")).contains("de-trop.pdf");
        assertThat(ok(call(a, sophie, "GET", API + "/messages/" + draft, null)).getJsonArray("attachments"))
                .hasSize(fits);
        // a sent message does not change, and its draft id is no longer a draft
        created(call(a, sophie, "POST", API + "/drafts/" + draft + "/send", ""));
        problem(call(a, sophie, "PUT", API + "/drafts/" + draft, "{\"subject\":\"y\"}"), 409, "message-already-sent");
        problem(call(a, nicolas, "PUT", API + "/drafts/" + draft, "{\"subject\":\"y\"}"), 404, "message-not-found");
    }

    // --- helpers ---

    /** The disk store's directory of a collectivity (LocalPlatform: {@code <work>/files/<collectivity id>}). */
    private static Path files(ClassFixture c) {
        String id = sql(null, "SELECT id FROM platform.collectivity WHERE slug = '" + c.slug + "'");
        return Path.of(System.getProperty("ent.it.work", "target/it-work"), "files", id);
    }

    private static long storedFiles(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    /** The first value of a query in the collectivity's schema (or the platform's, {@code c} null). */
    private static String sql(ClassFixture c, String query) {
        try (Connection connection = platform.database().getConnection();
                Statement s = connection.createStatement()) {
            if (c != null) {
                s.execute("SET search_path TO t_" + c.slug.replace('-', '_'));
            }
            try (ResultSet rows = s.executeQuery(query)) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static HttpResponse<byte[]> download(String token, String attachment) {
        try {
            return platform.client().runtime(a.domain(), "GET", API + "/attachments/" + attachment, null, null,
                    Map.of("Authorization", "Bearer " + token), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }


    private static String group(String token, String name) {
        JsonObject visible = ok(call(a, token, "GET", "/api/directory/communication/visible?limit=100", null));
        return visible.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("kind").equals("GROUP") && i.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not visible in " + visible)).getString("id");
    }

    private static long unread(String token) {
        return ok(call(a, token, "GET", API + "/unread", null)).getJsonNumber("count").longValue();
    }

    private static void awaitNotification(String token, String link, String text) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String last = "";
        while (Instant.now().isBefore(until)) {
            last = call(a, token, "GET", "/api/notifications", null).body();
            if (last.contains(link) && last.contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no notification " + link + " in " + last);
    }

    private static List<String> titles(JsonObject listing) {
        return listing.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("subject")).toList();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Platform.json(response);
    }

    private static jakarta.json.JsonArray ok(String body) {
        return Json.createReader(new java.io.StringReader(body)).readArray();
    }

    private static JsonObject problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:" + code);
        return problem;
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json) {
        return call(c, token, method, path, json, null);
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json,
            String idempotencyKey) {
        if (idempotencyKey != null) {
            try {
                return platform.client().runtime(c.domain(), method, path, "application/json",
                        json.getBytes(StandardCharsets.UTF_8),
                        Map.of("Authorization", "Bearer " + token, "Idempotency-Key", idempotencyKey),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return platform.send(c.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }

    /** A file that starts like a PDF, of {@code size} bytes. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }
}
