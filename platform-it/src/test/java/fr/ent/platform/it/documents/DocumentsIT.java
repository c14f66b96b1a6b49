package fr.ent.platform.it.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.identity.Logins;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The espace documentaire over its JSON API on the real platform (disk store, local clamd with its EICAR
 * signature): a teacher's folders, files and versions, the trash, refused uploads that leave nothing behind (empty,
 * wrong type, path characters, EICAR, over the quota, the same name twice at once), shares that open a folder to a
 * parent and close it again, and nothing of another collectivity or of another person reachable by id.
 */
class DocumentsIT {

    private static final String API = "/api/documents";
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String sophie;
    private static String nicolas;
    private static String lea;
    private static String sophieOfB;

    @BeforeAll
    static void twoCollectivities() {
        platform = Platform.get();
        a = ClassFixture.create("docs-a");
        b = ClassFixture.create("docs-b");
        sophie = token(a, "sophie.martin");
        nicolas = token(a, "nicolas.durand");
        lea = token(a, "lea.durand");
        sophieOfB = token(b, "sophie.martin");
    }

    @Test
    void foldersFilesVersionsAndTheTrash() {
        String folder = created(call(a, sophie, "POST", API + "/folders", "{\"name\":\"Sorties\"}")).getString("id");
        byte[] v1 = pdf(3_000, 'a');
        JsonObject file = created(upload(a, sophie, folder, "programme.pdf", "application/pdf", v1));
        String id = file.getString("id");
        assertThat(file.getInt("version")).isEqualTo(1);
        assertThat(file.getString("contentType")).isEqualTo("application/pdf");
        assertThat(names(ok(call(a, sophie, "GET", API + "/folders/" + folder, null)))).containsExactly(
                "programme.pdf");
        assertThat(names(ok(call(a, sophie, "GET", API, null)))).contains("Sorties");

        HttpResponse<byte[]> download = bytes(a, sophie, API + "/files/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(v1);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("programme.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<byte[]> preview = bytes(a, sophie, API + "/files/" + id + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(preview.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
        assertThat(preview.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");

        // a new version keeps the previous one
        byte[] v2 = pdf(4_000, 'b');
        HttpResponse<String> second = platform.send(a.domain(), "POST", API + "/files/" + id + "/versions",
                "application/pdf", v2, "Bearer " + sophie);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonArray versions = array(call(a, sophie, "GET", API + "/files/" + id + "/versions", null));
        assertThat(versions).hasSize(2);
        assertThat(versions.getJsonObject(0).getInt("number")).isEqualTo(2);
        assertThat(bytes(a, sophie, API + "/files/" + id + "/content").body()).isEqualTo(v2);
        assertThat(bytes(a, sophie, API + "/files/" + id + "/content?version=1").body()).isEqualTo(v1);
        problem(call(a, sophie, "GET", API + "/files/" + id + "/content?version=9", null), 404,
                "document-version-not-found");

        // rename, move to the top, trash, restore, trash again and empty
        assertThat(ok(call(a, sophie, "PUT", API + "/nodes/" + id + "/name", "{\"name\":\"Programme 2027.pdf\"}"))
                .getString("name")).isEqualTo("Programme 2027.pdf");
        JsonObject moved = ok(call(a, sophie, "PUT", API + "/nodes/" + id + "/folder", "{\"folder\":null}"));
        assertThat(!moved.containsKey("parent") || moved.isNull("parent")).as(moved.toString()).isTrue();
        problem(call(a, sophie, "PUT", API + "/nodes/" + folder + "/folder", "{\"folder\":\"" + folder + "\"}"), 400,
                "document-move-refused");
        assertThat(call(a, sophie, "POST", API + "/nodes/" + id + "/trash", "").statusCode()).isEqualTo(204);
        assertThat(names(ok(call(a, sophie, "GET", API, null)))).doesNotContain("Programme 2027.pdf");
        assertThat(array(call(a, sophie, "GET", API + "/trash", null)).getValuesAs(JsonObject.class))
                .extracting(n -> n.getString("name")).contains("Programme 2027.pdf");
        assertThat(ok(call(a, sophie, "POST", API + "/nodes/" + id + "/restore", "")).getString("name"))
                .isEqualTo("Programme 2027.pdf");
        assertThat(names(ok(call(a, sophie, "GET", API, null)))).contains("Programme 2027.pdf");
        long before = usage(sophie);
        assertThat(call(a, sophie, "POST", API + "/nodes/" + id + "/trash", "").statusCode()).isEqualTo(204);
        assertThat(ok(call(a, sophie, "POST", API + "/trash/empty", "")).getInt("deleted")).isPositive();
        problem(call(a, sophie, "GET", API + "/nodes/" + id, null), 404, "document-not-found");
        problem(call(a, sophie, "GET", API + "/files/" + id + "/content", null), 404, "document-not-found");
        assertThat(usage(sophie)).isEqualTo(before - 7_000);
    }

    @Test
    void refusedUploadsLeaveNothingBehind() throws Exception {
        String folder = created(call(a, lea, "POST", API + "/folders", "{\"name\":\"Exposés\"}")).getString("id");
        long used = usage(lea);
        problem(upload(a, lea, folder, "vide.pdf", "application/pdf", new byte[0]), 400, "document-empty");
        problem(upload(a, lea, folder, "../../etc/passwd", "text/plain", "x".getBytes()), 400,
                "document-name-invalid");
        problem(upload(a, lea, folder, "a\\b.txt", "text/plain", "x".getBytes()), 400, "document-name-invalid");
        problem(upload(a, lea, folder, "jeu.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes()), 400,
                "document-type-mismatch");
        JsonObject infected = problem(upload(a, lea, folder, "eicar.txt", "text/plain",
                EICAR.getBytes(StandardCharsets.US_ASCII)), 422, "file-infected");
        assertThat(infected.getString("signature")).containsIgnoringCase("eicar");
        problem(call(a, lea, "POST", API + "/folders", "{\"name\":\"a/b\"}"), 400, "document-name-invalid");
        assertThat(names(ok(call(a, lea, "GET", API + "/folders/" + folder, null)))).isEmpty();
        assertThat(usage(lea)).isEqualTo(used);

        // two uploads of the same name at once: one is kept, the other refused, and only one file counts
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> both = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return upload(a, lea, folder, "volcans.pdf", "application/pdf", pdf(1_000, (char) ('0' + i)));
                })).toList();
        List<Integer> statuses = both.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
        assertThat(names(ok(call(a, lea, "GET", API + "/folders/" + folder, null)))).containsExactly("volcans.pdf");
        assertThat(usage(lea)).isEqualTo(used + 1_000);
        problem(upload(a, lea, folder, "VOLCANS.pdf", "application/pdf", pdf(100, 'x')), 409, "document-name-taken");
    }

    @Test
    void anUploadPastTheQuotaIsRefused() {
        // the collectivity gives parents 5 000 bytes
        HttpResponse<String> set = platform.send(b.domain(), "PUT", API + "/quotas/Relative", "application/json",
                "{\"bytes\":5000}".getBytes(StandardCharsets.UTF_8));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        problem(call(b, sophieOfB, "PUT", API + "/quotas/Relative", "{\"bytes\":1}"), 403, "forbidden");
        String parentOfB = token(b, "nicolas.durand");
        assertThat(created(upload(b, parentOfB, null, "attestation.pdf", "application/pdf", pdf(3_000, 'q')))
                .getString("name")).isEqualTo("attestation.pdf");
        JsonObject refused = problem(upload(b, parentOfB, null, "bulletin.pdf", "application/pdf",
                pdf(3_000, 'r')), 413, "documents-quota-exceeded");
        assertThat(refused.getString("detail")).contains("bulletin.pdf");
        JsonObject usage = ok(call(b, parentOfB, "GET", API + "/usage", null));
        assertThat(usage.getJsonNumber("used").longValue()).isEqualTo(3_000);
        assertThat(usage.getJsonNumber("quota").longValue()).isEqualTo(5_000);
        assertThat(names(ok(call(b, parentOfB, "GET", API, null)))).containsExactly("attestation.pdf");
    }

    @Test
    void aShareOpensAFolderAndItsRemovalClosesIt() {
        String folder = created(call(a, sophie, "POST", API + "/folders", "{\"name\":\"Pour les familles\"}"))
                .getString("id");
        String file = created(upload(a, sophie, folder, "sortie.pdf", "application/pdf", pdf(1_500, 's')))
                .getString("id");
        // without a share, the parent and the pupil cannot read it by id
        problem(call(a, nicolas, "GET", API + "/folders/" + folder, null), 404, "document-not-found");
        problem(call(a, lea, "GET", API + "/files/" + file + "/content", null), 404, "document-not-found");
        problem(call(a, nicolas, "PUT", API + "/nodes/" + file + "/name", "{\"name\":\"x.pdf\"}"), 404,
                "document-not-found");

        assertThat(call(a, sophie, "POST", API + "/nodes/" + folder + "/shareable", "").statusCode()).isEqualTo(200);
        share(folder, "read");
        assertThat(names(ok(call(a, nicolas, "GET", API + "/folders/" + folder, null)))).containsExactly("sortie.pdf");
        assertThat(bytes(a, nicolas, API + "/files/" + file + "/content").statusCode()).isEqualTo(200);
        assertThat(array(call(a, nicolas, "GET", API + "/shared", null)).getValuesAs(JsonObject.class))
                .extracting(n -> n.getString("name")).containsExactly("Pour les familles");
        // read only: no upload, no rename, no trash
        problem(upload(a, nicolas, folder, "réponse.pdf", "application/pdf", pdf(500, 'n')), 403, "forbidden");
        problem(call(a, nicolas, "PUT", API + "/nodes/" + file + "/name", "{\"name\":\"x.pdf\"}"), 403, "forbidden");
        problem(call(a, nicolas, "POST", API + "/nodes/" + file + "/trash", ""), 403, "forbidden");
        // the pupil has no share
        problem(call(a, lea, "GET", API + "/folders/" + folder, null), 404, "document-not-found");

        // contrib: the parent may add a file there
        share(folder, "contrib");
        assertThat(created(upload(a, nicolas, folder, "réponse.pdf", "application/pdf", pdf(500, 'n')))
                .getString("name")).isEqualTo("réponse.pdf");
        assertThat(names(ok(call(a, sophie, "GET", API + "/folders/" + folder, null)))).containsExactly(
                "réponse.pdf", "sortie.pdf");

        // the share removed: gone again
        HttpResponse<String> none = call(a, sophie, "PUT", "/api/sharing/documents/node/" + folder,
                "{\"shares\":[]}");
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        problem(call(a, nicolas, "GET", API + "/folders/" + folder, null), 404, "document-not-found");
        problem(call(a, nicolas, "GET", API + "/files/" + file + "/content", null), 404, "document-not-found");
        assertThat(array(call(a, nicolas, "GET", API + "/shared", null))).isEmpty();
    }

    @Test
    void anotherCollectivityIsNeverReached() {
        String file = created(upload(a, sophie, null, "réunion-" + UUID.randomUUID() + ".pdf", "application/pdf",
                pdf(800, 'm'))).getString("id");
        // another realm's token, both ways
        problem(call(b, sophie, "GET", API + "/nodes/" + file, null), 401, "invalid-token");
        problem(call(a, sophieOfB, "GET", API + "/nodes/" + file, null), 401, "invalid-token");
        // B's people on B's domain: A's ids are not found
        problem(call(b, sophieOfB, "GET", API + "/nodes/" + file, null), 404, "document-not-found");
        problem(call(b, sophieOfB, "GET", API + "/files/" + file + "/content", null), 404, "document-not-found");
        problem(call(b, sophieOfB, "POST", API + "/nodes/" + file + "/shareable", ""), 404, "document-not-found");
        // guessed and malformed ids
        problem(call(a, sophie, "GET", API + "/nodes/" + UUID.randomUUID(), null), 404, "document-not-found");
        problem(call(a, sophie, "GET", API + "/files/not-an-id/content", null), 404, "document-not-found");
        // anonymous, unknown host
        problem(platform.send(a.domain(), "GET", API, null, null, null), 401, "unauthenticated");
        assertThat(platform.send("nobody-docs.localhost", "GET", API, null, null, "Bearer " + sophie).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCollectivityThatDisablesTheAppHasNoDocumentsTheOtherKeepsThem() throws InterruptedException {
        String parentOfB = token(b, "nicolas.durand");
        HttpResponse<String> disabled = platform.admin("PUT", "/collectivities/" + b.slug + "/apps",
                "{\"enabled\":[\"directory\"]}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        try {
            problem(await(b, parentOfB, API, 404), 404, "no-such-resource");
            assertThat(platform.send(b.domain(), "POST", API + "/files?name=x.pdf", "application/pdf",
                    pdf(100, 'x'), "Bearer " + parentOfB).statusCode()).isEqualTo(404);
            assertThat(call(a, sophie, "GET", API, null).statusCode()).isEqualTo(200);
        } finally {
            assertThat(platform.admin("PUT", "/collectivities/" + b.slug + "/apps", "{\"enabled\":null}")
                    .statusCode()).isEqualTo(200);
        }
        assertThat(await(b, parentOfB, API, 200).statusCode()).isEqualTo(200);
    }

    /** The answer to a GET once it has this status (a collectivity's apps are read again within seconds). */
    private static HttpResponse<String> await(ClassFixture c, String token, String path, int status)
            throws InterruptedException {
        HttpResponse<String> last = null;
        for (int i = 0; i < 120; i++) {
            last = call(c, token, "GET", path, null);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    // --- helpers ---

    private static void share(String node, String right) {
        HttpResponse<String> shared = call(a, sophie, "PUT", "/api/sharing/documents/node/" + node,
                "{\"shares\":[{\"kind\":\"user\",\"id\":\"" + a.parent + "\",\"right\":\"" + right + "\"}]}");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    }

    private static long usage(String token) {
        return ok(call(a, token, "GET", API + "/usage", null)).getJsonNumber("used").longValue();
    }

    private static HttpResponse<String> upload(ClassFixture c, String token, String folder, String name, String type,
            byte[] content) {
        String path = API + "/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (folder == null ? "" : "&folder=" + folder);
        return platform.send(c.domain(), "POST", path, type, content, "Bearer " + token);
    }

    private static HttpResponse<byte[]> bytes(ClassFixture c, String token, String path) {
        try {
            return platform.client().runtime(c.domain(), "GET", path, null, null,
                    Map.of("Authorization", "Bearer " + token), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonObject listing) {
        return listing.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("name"))
                .toList();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Platform.json(response);
    }

    private static JsonObject problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Platform.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:ent:problem:" + code);
        return problem;
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String method, String path, String json) {
        return platform.send(c.domain(), method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Bearer " + token);
    }

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }

    /** A file that starts like a PDF, of {@code size} bytes, filled with {@code fill}. */
    private static byte[] pdf(int size, char fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }
}
