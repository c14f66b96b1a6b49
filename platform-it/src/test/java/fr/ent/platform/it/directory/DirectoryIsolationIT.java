package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.ids;
import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static fr.ent.platform.it.directory.DirectoryApi.q;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Isolation, the first security property: collectivity A's domain never reaches collectivity B's directory, by
 * list, by id, by search, by filter, by import or by reference in a body. B's ids on A's domain get exactly the
 * answer of ids that exist nowhere.
 */
class DirectoryIsolationIT {

    private static DirectoryApi a;
    private static DirectoryApi b;
    private static String uai;
    private static String schoolA;
    private static String schoolB;
    private static String classB;
    private static String pupilA;
    private static String pupilB;
    private static String nameB;

    @BeforeAll
    static void twoCollectivitiesWithTheirOwnData() {
        a = DirectoryApi.newCollectivity("dir-iso-a");
        b = DirectoryApi.newCollectivity("dir-iso-b");
        // The same school code in both: each collectivity has its own directory, so neither sees a conflict.
        uai = DirectoryApi.randomUai();
        schoolA = a.createStructure(uai, "École de A", "ECOLE").getString("id");
        schoolB = b.createStructure(uai, "École de B", "ECOLE").getString("id");
        String classA = a.createClass(schoolA, "CP").getString("id");
        classB = b.createClass(schoolB, "CP").getString("id");
        pupilA = a.createUser("Student", "Zanetti" + DirectoryApi.letters(6), "Anaïs", schoolA, List.of(classA),
                List.of()).getString("id");
        nameB = "Brontë" + DirectoryApi.letters(6);
        pupilB = b.createUser("Student", nameB, "Bérénice", schoolB, List.of(classB), List.of()).getString("id");
    }

    @Test
    void listsShowOnlyTheCollectivitysOwnRows() {
        assertThat(ids(a.readArray("/structures"))).contains(schoolA).doesNotContain(schoolB);
        assertThat(ids(b.readArray("/structures"))).contains(schoolB).doesNotContain(schoolA);
        JsonObject everyoneOnA = a.read("/users?limit=500");
        assertThat(ids(everyoneOnA.getJsonArray("items"))).contains(pupilA).doesNotContain(pupilB);
    }

    @Test
    void anotherCollectivitysIdsAnswerLikeIdsOfNothing() {
        String nothing = UUID.randomUUID().toString();
        JsonObject foreignUser = problem(a.get("/users/" + pupilB), 404, "user-not-found");
        JsonObject noUser = problem(a.get("/users/" + nothing), 404, "user-not-found");
        assertThat(foreignUser.getString("title")).isEqualTo(noUser.getString("title"));
        assertThat(foreignUser.getString("detail").replace(pupilB, "ID"))
                .isEqualTo(noUser.getString("detail").replace(nothing, "ID"));

        problem(a.get("/structures/" + schoolB), 404, "structure-not-found");
        problem(a.get("/structures/" + schoolB + "/classes"), 404, "structure-not-found");
        problem(a.get("/classes/" + classB), 404, "class-not-found");
        problem(a.get("/users?classId=" + classB), 404, "class-not-found");
        problem(a.get("/users?structureId=" + schoolB), 404, "structure-not-found");
    }

    @Test
    void searchOnOneCollectivityNeverFindsTheOther() {
        assertThat(b.read("/users?q=" + q(nameB)).getInt("total")).isEqualTo(1);
        JsonObject onA = a.read("/users?q=" + q(nameB));
        assertThat(onA.getInt("total")).isZero();
        assertThat(onA.getJsonArray("items")).isEmpty();
    }

    @Test
    void writesCannotReachTheOtherCollectivity() {
        problem(a.post("/structures/" + schoolB + "/classes", Json.createObjectBuilder().add("name", "CE2")),
                404, "structure-not-found");
        problem(a.post("/users", Json.createObjectBuilder().add("profile", "Student").add("lastName", "Intrus")
                .add("firstName", "Ian").add("structureId", schoolB)), 404, "structure-not-found");
        JsonObject foreignClass = problem(a.post("/users", Json.createObjectBuilder().add("profile", "Student")
                .add("lastName", "Intrus").add("firstName", "Ian").add("structureId", schoolA)
                .add("classIds", Json.createArrayBuilder().add(classB))), 400, "invalid-input");
        assertThat(foreignClass.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("classIds");
        JsonObject foreignChild = problem(a.post("/users", Json.createObjectBuilder().add("profile", "Relative")
                .add("lastName", "Intrus").add("firstName", "Ian").add("structureId", schoolA)
                .add("childIds", Json.createArrayBuilder().add(pupilB))), 400, "invalid-input");
        assertThat(foreignChild.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("childIds");

        HttpResponse<String> importIntoB = a.platform.postMultipart(a.host,
                DirectoryApi.BASE + "/structures/" + schoolB + "/imports/be1d", Be1dSample.allParts());
        problem(importIntoB, 404, "structure-not-found");

        // B is untouched: still one person, one class.
        assertThat(b.read("/users?structureId=" + schoolB).getInt("total")).isEqualTo(1);
        assertThat(b.readArray("/structures/" + schoolB + "/classes")).hasSize(1);
        assertThat(b.read("/classes/" + classB).getJsonArray("members")).hasSize(1);
        assertThat(a.read("/users?q=intrus").getInt("total")).isZero();
    }

    @Test
    void anImportOnOneCollectivityStaysInIt() {
        String schoolA2 = a.createStructure(DirectoryApi.randomUai(), "École Émile Zola (A)", "ECOLE").getString("id");
        HttpResponse<String> imported = a.platform.postMultipart(a.host,
                DirectoryApi.BASE + "/structures/" + schoolA2 + "/imports/be1d",
                Map.of("eleves", Be1dSample.file("eleves")));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Platform.json(imported).getJsonObject("imported").getInt("students")).isEqualTo(247);
        assertThat(a.read("/users?q=" + q("caillet elea")).getInt("total")).isEqualTo(1);
        assertThat(b.read("/users?q=" + q("caillet elea")).getInt("total")).isZero();
        assertThat(b.read("/users?limit=500").getInt("total")).isEqualTo(1);
    }
}
