package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.ids;
import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static fr.ent.platform.it.directory.DirectoryApi.q;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory API on the real server: schools, classes, people, search, and its error answers. */
class DirectoryIT {

    private static DirectoryApi api;

    @BeforeAll
    static void collectivity() {
        api = DirectoryApi.newCollectivity("dir-a");
    }

    @Test
    void schoolClassAndPeopleAreCreatedAndReadBack() {
        String uai = DirectoryApi.randomUai();
        HttpResponse<String> created = api.post("/structures", Json.createObjectBuilder()
                .add("uai", uai.toLowerCase()).add("name", "École Émile Zola").add("type", "ECOLE"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject school = Platform.json(created);
        String schoolId = school.getString("id");
        assertThat(school.getString("uai")).isEqualTo(uai);
        assertThat(school.getString("name")).isEqualTo("École Émile Zola");
        assertThat(school.getString("educationLevel")).isEqualTo("1D");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/directory/structures/" + schoolId);
        assertThat(api.platform.get(api.host, URI.create(location).getPath()).statusCode()).isEqualTo(200);
        assertThat(api.read("/structures/" + schoolId)).isEqualTo(school);
        assertThat(ids(api.readArray("/structures"))).contains(schoolId);

        JsonObject college = api.createStructure(DirectoryApi.randomUai(), "Collège Jean Moulin", "COLLEGE");
        assertThat(college.getString("educationLevel")).isEqualTo("2D");

        JsonObject cp = api.createClass(schoolId, "CP");
        String cpId = cp.getString("id");
        assertThat(cp.getString("structureId")).isEqualTo(schoolId);
        assertThat(ids(api.readArray("/structures/" + schoolId + "/classes"))).containsExactly(cpId);

        JsonObject pupil = api.createUser("Student", "CHAINTREUIL", "Maëlle", schoolId, List.of(cpId), List.of());
        JsonObject teacher = api.createUser("Teacher", "ONG", "Cindy", schoolId, List.of(cpId), List.of());
        JsonObject parent = api.createUser("Relative", "CHAINTREUIL", "Éric", schoolId, List.of(),
                List.of(pupil.getString("id")));
        assertThat(ids(parent.getJsonArray("children"))).containsExactly(pupil.getString("id"));

        JsonObject pupilCard = api.read("/users/" + pupil.getString("id"));
        assertThat(pupilCard.getString("profile")).isEqualTo("Student");
        assertThat(pupilCard.getString("firstName")).isEqualTo("Maëlle");
        assertThat(ids(pupilCard.getJsonArray("classes"))).containsExactly(cpId);
        assertThat(ids(pupilCard.getJsonArray("relatives"))).containsExactly(parent.getString("id"));
        JsonObject parentCard = api.read("/users/" + parent.getString("id"));
        assertThat(parentCard.getJsonArray("children").getJsonObject(0).getString("lastName")).isEqualTo("CHAINTREUIL");

        JsonObject klass = api.read("/classes/" + cpId);
        assertThat(klass.getString("name")).isEqualTo("CP");
        assertThat(klass.getJsonArray("members").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("id") + " " + m.getString("lastName") + " " + m.getString("firstName"))
                .containsExactlyInAnyOrder(pupil.getString("id") + " CHAINTREUIL Maëlle",
                        teacher.getString("id") + " ONG Cindy");
    }

    @Test
    void searchIgnoresAccentsAndCaseFiltersAndPages() {
        String schoolId = api.createStructure(DirectoryApi.randomUai(), "École des Tilleuls", "ECOLE").getString("id");
        String ce1 = api.createClass(schoolId, "CE1").getString("id");
        String name = "Lhéritier" + DirectoryApi.letters(5);
        JsonObject eloise = api.createUser("Student", name, "Éloïse", schoolId, List.of(ce1), List.of());
        JsonObject noe = api.createUser("Student", name, "Noé", schoolId, List.of(), List.of());
        JsonObject father = api.createUser("Relative", name, "Gérard", schoolId, List.of(),
                List.of(eloise.getString("id")));

        JsonObject byAccentFreeWords = api.read("/users?q=" + q("eloise " + name.toUpperCase().replace("É", "E")));
        assertThat(ids(byAccentFreeWords.getJsonArray("items"))).containsExactly(eloise.getString("id"));
        assertThat(byAccentFreeWords.getInt("total")).isEqualTo(1);

        JsonObject all = api.read("/users?q=" + q(name) + "&structureId=" + schoolId);
        assertThat(all.getInt("total")).isEqualTo(3);
        assertThat(all.getInt("limit")).isEqualTo(50);
        assertThat(all.getInt("offset")).isZero();
        assertThat(ids(api.read("/users?q=" + q(name) + "&profile=Relative").getJsonArray("items")))
                .containsExactly(father.getString("id"));
        assertThat(ids(api.read("/users?classId=" + ce1).getJsonArray("items"))).containsExactly(eloise.getString("id"));

        // Pages follow the search key ("last first"): Éloïse, Gérard, then Noé.
        JsonObject page1 = api.read("/users?q=" + q(name) + "&limit=2&offset=0");
        assertThat(ids(page1.getJsonArray("items"))).containsExactly(eloise.getString("id"), father.getString("id"));
        JsonObject page2 = api.read("/users?q=" + q(name) + "&limit=2&offset=2");
        assertThat(page2.getInt("total")).isEqualTo(3);
        assertThat(page2.getBoolean("totalExact")).as("3 is below the bound of ADR 0059").isTrue();
        assertThat(ids(page2.getJsonArray("items"))).containsExactly(noe.getString("id"));
        assertThat(api.read("/users?q=" + q(name) + "&limit=2&count=exact").getInt("total")).isEqualTo(3);
        JsonObject badCount = problem(api.get("/users?count=approximately"), 400, "invalid-input");
        assertThat(badCount.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("count");

        // A search made of LIKE wildcards finds nobody, instead of everyone.
        for (String pattern : List.of("%", "_", "%%", "\\", "% _")) {
            JsonObject none = api.read("/users?q=" + q(pattern));
            assertThat(none.getInt("total")).as(pattern).isZero();
            assertThat(none.getJsonArray("items")).as(pattern).isEmpty();
        }
        assertThat(api.read("/users").getInt("total")).as("no search at all still lists everyone").isGreaterThanOrEqualTo(3);

        for (String limit : List.of("0", "501", "beaucoup")) {
            JsonObject bad = problem(api.get("/users?limit=" + limit), 400, "invalid-input");
            assertThat(bad.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("limit");
            assertThat(bad.getString("detail")).isEqualTo("Le paramètre limit doit être compris entre 1 et 500.");
        }
        assertThat(api.read("/users?limit=500").getInt("limit")).isEqualTo(500);
    }

    @Test
    void aBadUaiIsRefusedNamingTheField() {
        HttpResponse<String> wrongLetter = api.post("/structures",
                Json.createObjectBuilder().add("uai", "0750654A").add("name", "Lycée").add("type", "LYCEE"));
        JsonObject problem = problem(wrongLetter, 400, "invalid-input");
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("uai");
        assertThat(error.getString("message")).contains("« 0750654A »").contains("attendue : D");

        JsonObject shape = problem(api.post("/structures",
                Json.createObjectBuilder().add("uai", "75-0654").add("name", "Lycée").add("type", "LYCEE")),
                400, "invalid-input");
        assertThat(shape.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("uai");
    }

    @Test
    void duplicatesAreConflicts() {
        String uai = DirectoryApi.randomUai();
        String schoolId = api.createStructure(uai, "École du Port", "ECOLE").getString("id");
        JsonObject taken = problem(api.post("/structures",
                Json.createObjectBuilder().add("uai", uai).add("name", "Autre école").add("type", "ECOLE")),
                409, "uai-taken");
        assertThat(taken.getString("detail")).contains(uai);

        api.createClass(schoolId, "CM2");
        JsonObject classTaken = problem(api.post("/structures/" + schoolId + "/classes",
                Json.createObjectBuilder().add("name", "CM2")), 409, "class-taken");
        assertThat(classTaken.getString("detail")).contains("CM2");
    }

    @Test
    void malformedAndUnknownIdsGetTheSame404() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/users/" + unknown, "/users/pas-un-id", "/users/1-1-1-1-1")) {
            assertThat(problem(api.get(path), 404, "user-not-found").getString("title"))
                    .isEqualTo("Utilisateur introuvable");
        }
        problem(api.get("/structures/" + unknown), 404, "structure-not-found");
        problem(api.get("/structures/%20"), 404, "structure-not-found");
        problem(api.get("/structures/" + unknown + "/classes"), 404, "structure-not-found");
        problem(api.get("/classes/" + unknown), 404, "class-not-found");
        problem(api.get("/classes/CP"), 404, "class-not-found");
        problem(api.post("/structures/" + unknown + "/classes", Json.createObjectBuilder().add("name", "CP")),
                404, "structure-not-found");
    }

    @Test
    void invalidPeopleAreRefusedFieldByField() {
        String schoolId = api.createStructure(DirectoryApi.randomUai(), "École Jaurès", "ECOLE").getString("id");
        JsonObject noName = problem(api.post("/users", Json.createObjectBuilder().add("profile", "Student")
                .add("lastName", " ").add("firstName", "Léa").add("structureId", schoolId)), 400, "invalid-input");
        assertThat(noName.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("lastName");
        JsonObject badProfile = problem(api.post("/users", Json.createObjectBuilder().add("profile", "Eleve")
                .add("lastName", "X").add("firstName", "Léa").add("structureId", schoolId)), 400, "invalid-input");
        assertThat(badProfile.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("profile");
        JsonObject badDate = problem(api.post("/users", Json.createObjectBuilder().add("profile", "Student")
                .add("lastName", "X").add("firstName", "Léa").add("birthDate", "31/02/2015")
                .add("structureId", schoolId)), 400, "invalid-input");
        assertThat(badDate.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("birthDate");
        String teacher = api.createUser("Teacher", "ONG", "Cindy", schoolId, List.of(), List.of()).getString("id");
        JsonObject teacherAsChild = problem(api.post("/users", Json.createObjectBuilder().add("profile", "Relative")
                .add("lastName", "X").add("firstName", "Y").add("structureId", schoolId)
                .add("childIds", Json.createArrayBuilder().add(teacher))), 400, "invalid-input");
        assertThat(teacherAsChild.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("childIds");
        problem(api.platform.postJson(api.host, DirectoryApi.BASE + "/users", "{\"profile\":"), 400,
                "malformed-request");
    }
}
