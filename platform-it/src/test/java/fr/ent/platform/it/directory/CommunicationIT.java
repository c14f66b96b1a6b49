package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.Logins;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Communication rules on the real platform, with real tokens: the defaults every school gets from the directory
 * (a pupil writes to their teacher, a teacher to their pupils' parents), the local administrator's switch and links
 * for their school only, and nothing of another collectivity reachable or accepted (Host, token, guessed ids).
 * Collectivity A is {@link ClassFixture}'s, plus class CE1 of the first school with pupil Chloé Petit.
 */
class CommunicationIT {

    private static final String API = "/api/directory/communication";

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;
    private static String chloe;
    private static String lea;
    private static String sophie;
    private static String admlA;
    private static String admlOtherSchool;

    @BeforeAll
    static void twoCollectivities() throws Exception {
        platform = Platform.get();
        a = ClassFixture.create("comm-a");
        b = ClassFixture.create("comm-b");
        String ce1 = a.api.createClass(a.schoolA, "CE1").getString("id");
        chloe = a.api.createUser("Student", "Petit", "Chloé", a.schoolA, List.of(ce1), List.of()).getString("id");
        String realm = Realms.ofCollectivity(a.slug);
        platform.keycloak().ensureUser(realm, "adml.mace", "Adèle", "Locale", ClassFixture.PASSWORD,
                List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL), Map.of("admin_structures", uai(a.schoolA)));
        platform.keycloak().ensureUser(realm, "adml.ferry", "Jules", "Local", ClassFixture.PASSWORD,
                List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL), Map.of("admin_structures", uai(a.schoolB)));
        lea = token(a, "lea.durand");
        sophie = token(a, "sophie.martin");
        admlA = token(a, "adml.mace");
        admlOtherSchool = token(a, "adml.ferry");
    }

    @Test
    void aPupilWritesToTheirTeacherButNotToOtherPupilsAndASendOutsideTheRulesIsRefused() {
        JsonObject mine = visible(a, lea, "");
        assertThat(names(mine, "USER")).contains("Martin Sophie", "Durand Nicolas")
                .doesNotContain("Moreau Hugo", "Petit Chloé", "Roux Zoé");
        assertThat(names(mine, "GROUP")).contains("Enseignants — CP").doesNotContain("Élèves — CP");
        assertThat(names(visible(a, lea, "dur"), "USER")).containsExactly("Durand Nicolas");

        assertThat(verify(a, lea, List.of(a.teacher), List.of()).statusCode()).isEqualTo(204);
        JsonObject refused = problem(verify(a, lea, List.of(a.teacher, a.hugo), List.of()), 403,
                "communication-refused");
        assertThat(refused.getString("title")).isEqualTo("Destinataire non autorisé");
        assertThat(refused.toString()).doesNotContain(a.hugo, "Hugo");
    }

    @Test
    void aTeacherWritesToThePupilsOfTheirClassAndTheirParents() {
        JsonObject mine = visible(a, sophie, "");
        assertThat(names(mine, "USER")).contains("Durand Léa", "Moreau Hugo", "Durand Nicolas")
                .doesNotContain("Petit Chloé", "Roux Zoé");
        assertThat(names(mine, "GROUP")).contains("Parents — CP", "Élèves — CP");
        assertThat(verify(a, sophie, List.of(a.parent), List.of(group("Parents — CP"))).statusCode())
                .isEqualTo(204);
    }

    @Test
    void theLocalAdministratorChangesTheRulesOfTheirSchoolOnly() {
        String rules = "/api/directory/structures/" + a.schoolA + "/communication";
        problem(call(a, admlOtherSchool, "PUT", rules, "{\"pupilsTalk\":true}"), 403, "forbidden");
        problem(call(a, admlA, "GET", "/api/directory/structures/" + a.schoolB + "/communication", null), 403,
                "forbidden");
        problem(call(a, lea, "GET", rules, null), 403, "forbidden");
        try {
            JsonObject on = Platform.json(ok(call(a, admlA, "PUT", rules, "{\"pupilsTalk\":true}")));
            assertThat(on.getBoolean("pupilsTalk")).isTrue();
            assertThat(names(visible(a, lea, ""), "USER")).contains("Moreau Hugo").doesNotContain("Petit Chloé");

            String cp = group("Élèves — CP");
            String ce1 = group("Élèves — CE1");
            String link = "{\"from\":\"" + cp + "\",\"to\":\"" + ce1 + "\"}";
            ok(call(a, admlA, "POST", rules + "/links", link));
            assertThat(names(visible(a, lea, "chlo"), "USER")).containsExactly("Petit Chloé");
            assertThat(call(a, admlA, "DELETE", rules + "/links/" + cp + "/" + ce1, null).statusCode())
                    .isEqualTo(204);
            assertThat(names(visible(a, lea, "chlo"), "USER")).isEmpty();
            // a group of another school, or of another collectivity, is not one of this school's
            problem(call(a, admlA, "POST", rules + "/links", "{\"from\":\"" + cp + "\",\"to\":\""
                    + groupOf(a, a.schoolB, "Élèves — CM2") + "\"}"), 404, "group-not-found");
            problem(call(a, admlA, "POST", rules + "/links", "{\"from\":\"" + cp + "\",\"to\":\""
                    + groupOf(b, b.schoolA, "Élèves — CP") + "\"}"), 404, "group-not-found");
        } finally {
            ok(call(a, admlA, "PUT", rules, "{\"pupilsTalk\":false}"));
        }
        assertThat(names(visible(a, lea, ""), "USER")).doesNotContain("Moreau Hugo");

        // a default rule removed stays removed, until the defaults are applied again (as the demo seed does)
        String pupils = group("Élèves — CP");
        String teachers = group("Enseignants — CP");
        assertThat(call(a, admlA, "DELETE", rules + "/links/" + pupils + "/" + teachers, null).statusCode())
                .isEqualTo(204);
        assertThat(names(visible(a, lea, ""), "USER")).doesNotContain("Martin Sophie");
        problem(verify(a, lea, List.of(a.teacher), List.of()), 403, "communication-refused");
        ok(platform.postJson(a.domain(), rules + "/defaults", "{}"));
        assertThat(names(visible(a, lea, ""), "USER")).contains("Martin Sophie");
    }

    @Test
    void anotherCollectivitysPeopleAreNeverVisibleNorAccepted() {
        String leaOfB = token(b, "lea.durand");
        JsonObject seenInB = visible(b, leaOfB, "");
        assertThat(seenInB.toString()).doesNotContain(a.teacher, a.parent, a.hugo, a.lea);
        assertThat(names(seenInB, "USER")).contains("Martin Sophie");
        // B's ids sent to A: refused like anyone outside the rules, naming nobody
        problem(verify(a, lea, List.of(b.teacher), List.of()), 403, "communication-refused");
        problem(verify(a, lea, List.of(), List.of(groupOf(b, b.schoolA, "Enseignants — CP"))), 403,
                "communication-refused");
        problem(verify(a, lea, List.of(UUID.randomUUID().toString()), List.of()), 403, "communication-refused");
        // A's token on B's domain and B's on A's: another realm's token
        problem(call(b, lea, "GET", API + "/visible", null), 401, "invalid-token");
        problem(call(a, leaOfB, "GET", API + "/visible", null), 401, "invalid-token");
        // B's administrator cannot read A's school's rules through B's domain
        problem(platform.get(b.domain(), "/api/directory/structures/" + a.schoolA + "/communication"), 404,
                "structure-not-found");
        // anonymous, unknown host
        problem(platform.send(a.domain(), "GET", API + "/visible", null, null, null), 401, "unauthenticated");
        assertThat(platform.send("nobody-comm.localhost", "GET", API + "/visible", null, null, "Bearer " + lea)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void badInputGetsAProblem() {
        problem(call(a, lea, "GET", API + "/visible?limit=0", null), 400, "invalid-input");
        problem(call(a, lea, "GET", API + "/visible?limit=abc", null), 400, "invalid-input");
        problem(call(a, lea, "GET", API + "/visible?offset=-1", null), 400, "invalid-input");
        problem(call(a, lea, "POST", API + "/verify", "not json"), 400, "malformed-request");
        problem(call(a, lea, "POST", API + "/verify", "{\"users\":[\"not-an-id\"]}"), 403, "communication-refused");
        String rules = "/api/directory/structures/" + a.schoolA + "/communication";
        problem(call(a, admlA, "PUT", rules, "{}"), 400, "invalid-input");
        problem(call(a, admlA, "PUT", rules, "{\"pupilsTalk\":"), 400, "malformed-request");
        problem(call(a, admlA, "POST", rules + "/links", "{\"from\":\"x\"}"), 404, "group-not-found");
        problem(call(a, admlA, "GET", "/api/directory/structures/" + UUID.randomUUID() + "/communication", null),
                404, "structure-not-found");
    }

    // --- helpers ---

    private static JsonObject visible(ClassFixture c, String token, String q) {
        return Platform.json(ok(call(c, token, "GET", API + "/visible?limit=100&q=" + DirectoryApi.q(q), null)));
    }

    private static HttpResponse<String> verify(ClassFixture c, String token, List<String> users, List<String> groups) {
        String body = "{\"users\":" + array(users) + ",\"groups\":" + array(groups) + "}";
        return call(c, token, "POST", API + "/verify", body);
    }

    private static String array(List<String> ids) {
        return DirectoryApi.array(ids).build().toString();
    }

    private static List<String> names(JsonObject page, String kind) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("kind").equals(kind)).map(i -> i.getString("name")).toList();
    }

    /** The id of a group of collectivity A's first school, as its SUPER_ADMIN reads the rules. */
    private static String group(String name) {
        return groupOf(a, a.schoolA, name);
    }

    private static String groupOf(ClassFixture c, String school, String name) {
        JsonObject rules = Platform.json(ok(platform.get(c.domain(),
                "/api/directory/structures/" + school + "/communication")));
        return rules.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
    }

    private static String uai(String school) {
        return Platform.json(ok(a.api.get("/structures/" + school))).getString("uai");
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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
