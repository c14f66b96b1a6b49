package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.array;
import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups of a school and their members; never across schools or collectivities. */
class GroupsIT {

    @Test
    void groupsGatherPeopleOfTheirSchoolOnly() {
        DirectoryApi a = DirectoryApi.newCollectivity("grp-a");
        DirectoryApi b = DirectoryApi.newCollectivity("grp-b");
        String schoolA = a.createStructure(DirectoryApi.randomUai(), "École A", "ECOLE").getString("id");
        String otherSchoolA = a.createStructure(DirectoryApi.randomUai(), "École A2", "ECOLE").getString("id");
        String schoolB = b.createStructure(DirectoryApi.randomUai(), "École B", "ECOLE").getString("id");
        String teacher = a.createUser("Teacher", "Lefèvre", "Anne", schoolA, List.of(), List.of()).getString("id");
        String pupil = a.createUser("Student", "Bernard", "Tom", schoolA, List.of(), List.of()).getString("id");
        String elsewhere = a.createUser("Teacher", "Autre", "Paul", otherSchoolA, List.of(), List.of()).getString("id");
        String foreign = b.createUser("Teacher", "Etranger", "Luc", schoolB, List.of(), List.of()).getString("id");

        var created = a.post("/structures/" + schoolA + "/groups",
                Json.createObjectBuilder().add("name", "Enseignants").add("type", "PROFILE").add("profile", "Teacher"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String group = fr.ent.platform.it.Platform.json(created).getString("id");
        var club = a.post("/structures/" + schoolA + "/groups",
                Json.createObjectBuilder().add("name", "Club échecs").add("type", "MANUAL"));
        assertThat(club.statusCode()).isEqualTo(201);

        JsonObject withMembers = fr.ent.platform.it.Platform.json(a.post("/groups/" + group + "/members",
                Json.createObjectBuilder().add("userIds", array(List.of(teacher, pupil, teacher)))));
        assertThat(DirectoryApi.ids(withMembers.getJsonArray("members"))).containsExactlyInAnyOrder(teacher, pupil);
        // the two made here and the school's four profile groups, which the directory made with the school
        assertThat(DirectoryApi.ids(a.readArray("/structures/" + schoolA + "/groups"))).hasSize(2 + 4)
                .contains(group, fr.ent.platform.it.Platform.json(club).getString("id"));

        // Someone of another school, of another collectivity, or a made-up id: 404, and nothing is added.
        problem(a.post("/groups/" + group + "/members",
                Json.createObjectBuilder().add("userIds", array(List.of(elsewhere)))), 404, "user-not-found");
        problem(a.post("/groups/" + group + "/members",
                Json.createObjectBuilder().add("userIds", array(List.of(pupil, foreign)))), 404, "user-not-found");
        assertThat(DirectoryApi.ids(a.read("/groups/" + group).getJsonArray("members"))).containsExactlyInAnyOrder(teacher, pupil);

        // The group does not exist on B's host, nor do A's schools.
        problem(b.get("/groups/" + group), 404, "group-not-found");
        problem(b.get("/structures/" + schoolA + "/groups"), 404, "structure-not-found");
        problem(a.post("/structures/" + schoolA + "/groups",
                Json.createObjectBuilder().add("name", "X").add("type", "PARTY")), 400, "invalid-input");
    }
}
