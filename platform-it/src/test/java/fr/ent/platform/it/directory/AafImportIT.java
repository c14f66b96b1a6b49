package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static fr.ent.platform.it.directory.DirectoryApi.q;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AAF import's entry point on the running platform (the import itself is tested on the database by the
 * directory's AafImportTest): a collectivity's administrator imports two small files; the other collectivity sees
 * nothing of it, cannot read the import, and cannot be imported into with the first one's token; a broken file is
 * a problem+json that says where it broke.
 */
class AafImportIT {

    private static final String PATH = DirectoryApi.BASE + "/imports/aaf";
    private static DirectoryApi a;
    private static DirectoryApi b;
    private static String uai;
    private static String pupil;

    @BeforeAll
    static void twoCollectivities() {
        a = DirectoryApi.newCollectivity("aaf-a");
        b = DirectoryApi.newCollectivity("aaf-b");
        uai = DirectoryApi.randomUai();
        pupil = "Aafélève" + DirectoryApi.letters(6);
    }

    @Test
    void anImportGoesIntoItsOwnCollectivityOnlyAndOnlyWithItsOwnToken() {
        HttpResponse<String> imported = a.platform.send(a.host, "POST", PATH, "multipart/form-data; boundary=aafit",
                multipart(files(uai, pupil)), a.platform.administrator(slug(a)).authorization());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonObject report = Platform.json(imported);
        assertThat(report.getString("state")).isEqualTo("APPLIED");
        assertThat(report.getJsonObject("counts").getInt("eleve.created")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isZero();
        assertThat(a.read("/users?q=" + q(pupil)).getInt("total")).isEqualTo(1);
        assertThat(b.read("/users?q=" + q(pupil)).getInt("total")).isZero();

        // the import is A's: on B's domain its id is an id of nothing
        String id = report.getString("id");
        assertThat(Platform.json(a.get("/imports/aaf/" + id)).getString("state")).isEqualTo("APPLIED");
        problem(b.get("/imports/aaf/" + id), 404, "import-not-found");

        // A's token on B's domain: refused before anything is read
        HttpResponse<String> crossed = a.platform.send(b.host, "POST", PATH, "multipart/form-data; boundary=aafit",
                multipart(files(DirectoryApi.randomUai(), "Intrus" + DirectoryApi.letters(6))),
                a.platform.administrator(slug(a)).authorization());
        assertThat(crossed.statusCode()).as(crossed.body()).isIn(401, 403);
        assertThat(b.read("/users?limit=500").getInt("total")).isZero();
        assertThat(b.readArray("/structures")).isEmpty();
    }

    @Test
    void aBrokenFileIsAProblemThatSaysWhichFileAndLine() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("ENTIT_Complet_20260901_Eleve_0000.xml", ("<?xml version=\"1.0\"?>\n<ficAlimMENESR>\n"
                + "<addRequest>\n<identifier><id>1</id>\n</addRequest>\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> broken = a.platform.send(a.host, "POST", PATH, "multipart/form-data; boundary=aafit",
                multipart(parts), a.platform.administrator(slug(a)).authorization());
        JsonObject p = problem(broken, 400, "import-unreadable");
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(p.getString("file")).isEqualTo("ENTIT_Complet_20260901_Eleve_0000.xml");
        assertThat(p.getInt("line")).isEqualTo(5);

        HttpResponse<String> misnamed = a.platform.send(a.host, "POST", PATH, "multipart/form-data; boundary=aafit",
                multipart(Map.of("eleves.xml", "<ficAlimMENESR/>".getBytes(StandardCharsets.UTF_8))),
                a.platform.administrator(slug(a)).authorization());
        assertThat(problem(misnamed, 400, "import-unreadable").getString("detail")).contains("nom de fichier");
    }

    private static String slug(DirectoryApi api) {
        return api.host.substring(0, api.host.indexOf('.'));
    }

    /** A structure and one of its pupils, as a complete AAF export gives them. */
    private static Map<String, byte[]> files(String uai, String lastName) {
        String key = "9" + UUID.randomUUID().toString().substring(0, 5);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ENTIT_Complet_20260901_EtabEducNat_0000.xml", aaf("""
                <addRequest><identifier><id>%s</id></identifier><attributes>
                <attr name="ENTStructureUAI"><value>%s</value></attr>
                <attr name="ENTStructureNomCourant"><value>COLLEGE DE TEST</value></attr>
                <attr name="ENTStructureTypeStruct"><value>COLLEGE</value></attr>
                </attributes></addRequest>""".formatted(key, uai)));
        files.put("ENTIT_Complet_20260901_Eleve_0000.xml", aaf("""
                <addRequest><identifier><id>%s</id></identifier><attributes>
                <attr name="sn"><value>%s</value></attr><attr name="givenName"><value>Inès</value></attr>
                <attr name="ENTPersonDateNaissance"><value>01/02/2012</value></attr>
                <attr name="ENTPersonStructRattach"><value>%s</value></attr>
                <attr name="ENTEleveClasses"><value>%s$6A</value></attr>
                </attributes></addRequest>""".formatted(key + "1", lastName, key, key)));
        return files;
    }

    private static byte[] aaf(String requests) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n" + requests + "\n</ficAlimMENESR>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(Map<String, byte[]> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        parts.forEach((name, bytes) -> {
            body.writeBytes(("--aafit\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes("--aafit--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
