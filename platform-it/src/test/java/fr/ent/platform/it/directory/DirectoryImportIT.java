package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.ids;
import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static fr.ent.platform.it.directory.DirectoryApi.q;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BE1D import on the real server with the real export of École Émile Zola (ISO-8859-1, CRLF, repeated child
 * columns): 247 pupils, 14 teachers, 469 parent lines for 467 parents, 491 parent-child links, 10 classes.
 */
class DirectoryImportIT {

    private static DirectoryApi api;

    @BeforeAll
    static void collectivity() {
        api = DirectoryApi.newCollectivity("dir-imp");
    }

    private static String newSchool() {
        return api.createStructure(DirectoryApi.randomUai(), "École Émile Zola", "ECOLE").getString("id");
    }

    private static HttpResponse<String> importInto(String schoolId, String query, Map<String, byte[]> parts) {
        return api.platform.postMultipart(api.host,
                DirectoryApi.BASE + "/structures/" + schoolId + "/imports/be1d" + query, parts);
    }

    private static JsonObject counts(int classes, int students, int teachers, int relatives, int links, int memberships) {
        return jakarta.json.Json.createObjectBuilder().add("classes", classes).add("students", students)
                .add("teachers", teachers).add("relatives", relatives).add("links", links)
                .add("memberships", memberships).build();
    }

    private static int total(String query) {
        return api.read("/users?limit=1&" + query).getInt("total");
    }

    @Test
    void theRealExportIsImportedAndImportingItAgainDuplicatesNobody() {
        String school = newSchool();
        HttpResponse<String> first = importInto(school, "", Be1dSample.allParts());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonObject report = Platform.json(first);
        assertThat(report.getBoolean("dryRun")).isFalse();
        assertThat(report.getJsonObject("imported")).isEqualTo(counts(10, 247, 14, 467, 491, 261));
        assertThat(report.getJsonArray("rejected")).isEmpty();

        assertThat(total("structureId=" + school)).isEqualTo(247 + 14 + 467);
        assertThat(total("structureId=" + school + "&profile=Student")).isEqualTo(247);
        assertThat(total("structureId=" + school + "&profile=Teacher")).isEqualTo(14);
        assertThat(total("structureId=" + school + "&profile=Relative")).isEqualTo(467);
        List<JsonObject> classes = api.readArray("/structures/" + school + "/classes").getValuesAs(JsonObject.class);
        assertThat(classes).extracting(c -> c.getString("name"))
                .containsExactlyInAnyOrder("TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CLIS", "CM1", "CM2");
        String ce1 = classes.stream().filter(c -> c.getString("name").equals("CE1")).findFirst().orElseThrow()
                .getString("id");
        // CE1: 28 pupils and their teacher, M. LEFEBVRE Ulrique
        JsonObject ce1Detail = api.read("/classes/" + ce1);
        assertThat(ce1Detail.getJsonArray("members")).hasSize(29);
        assertThat(ce1Detail.getJsonArray("members").getValuesAs(JsonObject.class))
                .filteredOn(m -> m.getString("profile").equals("Teacher"))
                .extracting(m -> m.getString("lastName") + " " + m.getString("firstName"))
                .containsExactly("LEFEBVRE Ulrique");

        // Accents of the ISO-8859-1 file survive the whole way, and the parents are linked.
        JsonObject elea = api.read("/users?q=" + q("caillet elea") + "&structureId=" + school);
        assertThat(elea.getJsonArray("items")).hasSize(1);
        JsonObject eleaCard = api.read("/users/" + elea.getJsonArray("items").getJsonObject(0).getString("id"));
        assertThat(eleaCard.getString("firstName")).isEqualTo("Eléa");
        assertThat(eleaCard.getString("birthDate")).isEqualTo("2006-09-27");
        assertThat(ids(eleaCard.getJsonArray("classes"))).containsExactly(ce1);
        assertThat(eleaCard.getJsonArray("relatives").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("firstName")).containsExactlyInAnyOrder("Zara", "Jérémy");
        // PICOT Thierry is listed once per child at the same address: one parent with two children.
        JsonObject picot = api.read("/users?q=" + q("picot thierry") + "&structureId=" + school);
        assertThat(picot.getInt("total")).isEqualTo(1);
        assertThat(api.read("/users/" + picot.getJsonArray("items").getJsonObject(0).getString("id"))
                .getJsonArray("children").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("firstName")).containsExactlyInAnyOrder("Hugo", "Rémy");

        HttpResponse<String> second = importInto(school, "?dryRun=false", Be1dSample.allParts());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonObject again = Platform.json(second);
        assertThat(again.getJsonObject("imported")).isEqualTo(counts(0, 0, 0, 0, 0, 0));
        assertThat(again.getJsonObject("updated")).isEqualTo(counts(0, 0, 0, 0, 0, 0));
        assertThat(again.getJsonObject("unchanged")).isEqualTo(counts(10, 247, 14, 467, 491, 261));
        assertThat(total("structureId=" + school)).isEqualTo(247 + 14 + 467);
        assertThat(api.readArray("/structures/" + school + "/classes")).hasSize(10);
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        String school = newSchool();
        HttpResponse<String> dry = importInto(school, "?dryRun=true", Be1dSample.allParts());
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(Platform.json(dry).getBoolean("dryRun")).isTrue();
        assertThat(Platform.json(dry).getJsonObject("imported")).isEqualTo(counts(10, 247, 14, 467, 491, 261));
        assertThat(total("structureId=" + school)).isZero();
        assertThat(api.readArray("/structures/" + school + "/classes")).isEmpty();
        JsonObject bad = problem(importInto(school, "?dryRun=ture", Be1dSample.allParts()), 400, "invalid-input");
        assertThat(bad.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("dryRun");
        assertThat(total("structureId=" + school)).isZero();
    }

    @Test
    void badLinesAreRejectedWithTheirLineNumberAndTheOthersImported() {
        String school = newSchool();
        // Header and the first three pupils of the real file, then two broken lines (lines 5 and 6).
        String[] real = new String(Be1dSample.file("eleves"), StandardCharsets.ISO_8859_1).split("\r\n");
        String eleves = String.join("\r\n", real[0], real[1], real[2], real[3])
                + "\r\n\"NOUVEAU\";;\"Zoé\";\"2006-02-30\";\"F\";;;;;;;;;\"CYCLE II\";\"CE1\";\"CE1\";\"Non\";\"Non\";\"Non\";"
                + "\r\n\"OUBLI\";;;\"2006-03-01\";\"F\";;;;;;;;;\"CYCLE II\";\"CE1\";\"CE1\";\"Non\";\"Non\";\"Non\";\r\n";
        String responsables = "Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;"
                + "Adresse responsable;CP responsable;Nom d'usage enfant;Nom de famille enfant;Prénom enfant;"
                + "Classes enfants\n"
                + "Mme;;CAILLET;Zara;58 Rue Duguay-Trouin;61000;;CAILLET;Eléa;CE1\n"
                + "M.;;NOUVEAU;Paul;1 rue Neuve;61000;;NOUVEAU;Zoé;CE1\n";
        HttpResponse<String> response = importInto(school, "", Map.of(
                "eleves", eleves.getBytes(StandardCharsets.ISO_8859_1),
                "responsables", responsables.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject report = Platform.json(response);
        assertThat(report.getJsonObject("imported")).isEqualTo(counts(1, 3, 0, 1, 1, 3));
        List<JsonObject> rejected = report.getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertThat(rejected).extracting(r -> r.getString("file") + ":" + r.getInt("line") + " " + r.getString("reason"))
                .containsExactly(
                        "eleves:5 date de naissance invalide « 2006-02-30 » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
                        "eleves:6 nom ou prénom de l'élève manquant",
                        "responsables:3 enfant introuvable parmi les élèves de l'établissement : NOUVEAU Zoé (CE1)");
        assertThat(total("structureId=" + school + "&profile=Student")).isEqualTo(3);
        assertThat(total("structureId=" + school + "&q=nouveau")).isZero();
    }

    @Test
    void aUtf8FileWithBomIsReadToo() throws Exception {
        String school = newSchool();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write("Classe;Nom Elève;Prénom Elève;Date naissance\nCM1;GUTMANN;Maëlle;03/02/2010\n"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = importInto(school, "", Map.of("eleves", file.toByteArray()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Platform.json(response).getJsonObject("imported").getInt("students")).isEqualTo(1);
        JsonObject found = api.read("/users?q=" + q("gutmann") + "&structureId=" + school);
        JsonObject card = api.read("/users/" + found.getJsonArray("items").getJsonObject(0).getString("id"));
        assertThat(card.getString("firstName")).isEqualTo("Maëlle");
        assertThat(card.getString("birthDate")).isEqualTo("2010-02-03");
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedAndNothingIsImported() {
        String school = newSchool();
        byte[] noBirthDate = "\"Nom Elève\";\"Prénom Elève\";\"Classe\"\r\n\"PETIT\";\"Noé\";\"CP\"\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonObject unreadable = problem(importInto(school, "", Map.of("enseignants", Be1dSample.file("enseignants"),
                "eleves", noBirthDate)), 400, "import-unreadable");
        assertThat(unreadable.getString("file")).isEqualTo("eleves");
        assertThat(unreadable.getString("missingColumn")).isEqualTo("Date naissance");
        assertThat(unreadable.getString("detail")).contains("« eleves »").contains("Date naissance");
        assertThat(total("structureId=" + school)).isZero();
        assertThat(api.readArray("/structures/" + school + "/classes")).isEmpty();
    }

    @Test
    void anImportWithoutKnownPartsIsRefused() {
        String school = newSchool();
        problem(importInto(school, "", Map.of()), 400, "import-empty");
        JsonObject unknown = problem(importInto(school, "", Map.of("eleve", Be1dSample.file("eleves"))), 400,
                "import-unknown-part");
        assertThat(unknown.getString("detail")).contains("« eleve »");
        assertThat(total("structureId=" + school)).isZero();
    }
}
