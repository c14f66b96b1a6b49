package fr.ent.platform.it.directory;

import static fr.ent.platform.it.directory.DirectoryApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Ma classe" on the real platform, with real tokens of real accounts: what each profile sees, and every way to
 * reach what one may not see (another school's class, someone else's child, another collectivity by Host or by
 * token, guessed ids) answers a problem document, 404 exactly as for an id of nothing.
 */
class MyClassIT {

    private static final String API = "/api/directory/my-class";

    private static Platform platform;
    private static ClassFixture a;
    private static ClassFixture b;

    @BeforeAll
    static void twoCollectivities() {
        platform = Platform.get();
        a = ClassFixture.create("myclass-a");
        b = ClassFixture.create("myclass-b");
    }

    @Test
    void aTeacherSeesTheirClassWithPupilsAndParents() {
        JsonObject mine = read(a, "sophie.martin", API);
        assertThat(mine.getString("profile")).isEqualTo("Teacher");
        JsonObject cp = mine.getJsonArray("classes").getJsonObject(0);
        assertThat(mine.getJsonArray("classes")).hasSize(1);
        assertThat(cp.getString("name")).isEqualTo("CP");
        assertThat(cp.getJsonObject("school").getString("name")).isEqualTo("École Jean Macé");
        assertThat(firstNames(cp.getJsonArray("pupils"))).containsExactly("Léa", "Hugo");
        assertThat(firstNames(cp.getJsonArray("pupils").getJsonObject(0).getJsonArray("relatives")))
                .containsExactly("Nicolas");
    }

    @Test
    void aPupilSeesClassmatesAndTeacherButCannotOpenAnotherSchoolsClass() {
        String lea = token(a, "lea.durand");
        JsonObject cp = Platform.json(call(a, lea, API + "/classes/" + a.cp));
        assertThat(firstNames(cp.getJsonArray("pupils"))).containsExactly("Léa", "Hugo");
        assertThat(firstNames(cp.getJsonArray("teachers"))).containsExactly("Sophie");
        assertThat(cp.getJsonArray("pupils").getJsonObject(0).getJsonArray("relatives")).isEmpty();

        JsonObject otherSchool = problem(call(a, lea, API + "/classes/" + a.cm2), 404, "class-not-found");
        JsonObject nothing = problem(call(a, lea, API + "/classes/" + UUID.randomUUID()), 404, "class-not-found");
        assertThat(otherSchool.getString("title")).isEqualTo(nothing.getString("title"));
        problem(call(a, lea, API + "/classes/" + b.cp), 404, "class-not-found");
        problem(call(a, lea, API + "/classes/not-an-id"), 404, "class-not-found");
        problem(call(a, lea, API + "/children/" + a.lea), 404, "user-not-found");
    }

    @Test
    void aParentSeesTheirChildsClassAndTeacherButNoOtherChild() {
        String parent = token(a, "nicolas.durand");
        JsonObject mine = Platform.json(call(a, parent, API));
        assertThat(mine.getJsonArray("classes")).isEmpty();
        JsonObject child = mine.getJsonArray("children").getJsonObject(0);
        assertThat(child.getJsonObject("child").getString("firstName")).isEqualTo("Léa");
        JsonObject cp = child.getJsonArray("classes").getJsonObject(0);
        assertThat(firstNames(cp.getJsonArray("teachers"))).containsExactly("Sophie");
        assertThat(cp.getJsonArray("pupils")).isEmpty();

        assertThat(call(a, parent, API + "/children/" + a.lea).statusCode()).isEqualTo(200);
        problem(call(a, parent, API + "/children/" + a.hugo), 404, "user-not-found");
        problem(call(a, parent, API + "/children/" + a.zoe), 404, "user-not-found");
        problem(call(a, parent, API + "/children/" + b.lea), 404, "user-not-found");
        problem(call(a, parent, API + "/classes/" + a.cm2), 404, "class-not-found");
    }

    @Test
    void anotherCollectivityIsOutOfReachByHostAndByToken() {
        String teacherOfA = token(a, "sophie.martin");
        // A's token on B's domain: B's realm did not issue it.
        problem(call(b, teacherOfA, API), 401, "invalid-token");
        // B's token on A's domain: the same.
        problem(call(a, token(b, "sophie.martin"), API), 401, "invalid-token");
        // Anonymous.
        problem(platform.send(a.domain(), "GET", API, null, null, null), 401, "unauthenticated");
        // The collectivity's administrator service account has no profile: not a reader of "Ma classe".
        problem(platform.get(a.domain(), API), 403, "forbidden");
    }

    @Test
    void thePagesShowTheSameToASignedInBrowser() {
        LoginAgent browser = Logins.portal(platform, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        String portal = "http://" + a.domain() + ":" + platform.server().runtimeBase().getPort();

        HttpResponse<String> page = browser.get(portal + "/directory/my-class");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Ma classe</h1>", "Léa Durand", "Hugo Moreau", "Nicolas Durand")
                .doesNotContain("Zoé");

        HttpResponse<String> account = browser.get(portal + "/account");
        assertThat(account.statusCode()).isEqualTo(200);
        String console = platform.identity().baseUrl() + "/realms/"
                + fr.ent.platform.identity.Realms.ofCollectivity(a.slug) + "/account/account-security/signing-in";
        assertThat(account.body()).contains("<h1>Mon compte</h1>", "sophie.martin", "Enseignant·e",
                "École Jean Macé", "CP (École Jean Macé)", console);
        // The realm has Keycloak's account console: the link leads somewhere.
        assertThat(browser.get(console).statusCode()).isEqualTo(200);

        // The launcher entry's icon comes from the directory's own jar (META-INF/resources).
        assertThat(platform.get(a.domain(), "/static/icons/my-class.svg").statusCode()).isEqualTo(200);

        // Without a session, both pages send the reader to sign in and back.
        LoginAgent anonymous = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> redirected = anonymous.get(portal + "/account");
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(LoginAgent.location(redirected)).hasValueSatisfying(
                location -> assertThat(location).endsWith("/auth/login?return=/account"));
    }

    private static List<String> firstNames(jakarta.json.JsonArray people) {
        return people.getValuesAs(JsonObject.class).stream().map(p -> p.getString("firstName")).toList();
    }

    private static JsonObject read(ClassFixture c, String username, String path) {
        HttpResponse<String> response = call(c, token(c, username), path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    private static HttpResponse<String> call(ClassFixture c, String token, String path) {
        return platform.send(c.domain(), "GET", path, null, null, "Bearer " + token);
    }

    private static String token(ClassFixture c, String username) {
        return Logins.accessToken(platform, c.slug, c.domain(), username, ClassFixture.PASSWORD);
    }
}
