package fr.ent.platform.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.console.web.ConsoleRoute;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant console over HTTP on the real platform (docs/console.md): two collectivities, two schools in the
 * first. Every route of the console's own table ({@link ConsoleRoute}) is refused to a teacher, a pupil and a
 * parent; another collectivity's administrator gets nothing (their session or token on this domain, or their own
 * realm's token sent to tenant-manager for this collectivity); a local administrator of one school reaches nothing
 * of the other school by guessed ids; a change without the session's anti-forgery token is refused; a bad UAI gets
 * its reason; the collectivity's administrator gives and removes functions and blocks an account, in Keycloak.
 */
class ConsoleIT {

    static final Platform PLATFORM = Platform.get();
    static ClassFixture a;
    static DirectoryApi b;
    static String slugB;
    static String schoolOfB;
    static LoginAgent superA;
    static LoginAgent localA;
    static LoginAgent superB;
    static String lucie;

    @BeforeAll
    static void twoCollectivitiesTheirAdministratorsAndALocalOne() throws Exception {
        a = ClassFixture.create("console-a");
        b = DirectoryApi.newCollectivity("console-b");
        slugB = b.host.substring(0, b.host.indexOf('.'));
        schoolOfB = b.createStructure(DirectoryApi.randomUai(), "École de B", "ECOLE").getString("id");
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "admin.console", "Alain", "Central",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "adml.console", "Adèle", "Locale",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", a.uaiA));
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugB), "admin.console.b", "Bruno", "Central",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        // a second teacher, whom the tests make an administrator (the fixture's teacher stays a plain teacher)
        lucie = a.api.createUser("Teacher", "Bernard", "Lucie", a.schoolA, List.of(a.cp), List.of()).getString("id");
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "lucie.bernard", "Lucie", "Bernard",
                ClassFixture.PASSWORD, List.of(RealmRoles.TEACHER), Map.of("ent_user_id", lucie));
        superA = Logins.portal(PLATFORM, a.domain(), "admin.console", ClassFixture.PASSWORD);
        localA = Logins.portal(PLATFORM, a.domain(), "adml.console", ClassFixture.PASSWORD);
        superB = Logins.portal(PLATFORM, b.host, "admin.console.b", ClassFixture.PASSWORD);
    }

    @Test
    void teachers_pupils_and_parents_get_403_on_every_console_route() {
        for (String login : List.of("sophie.martin", "lea.durand", "nicolas.durand")) {
            LoginAgent person = Logins.portal(PLATFORM, a.domain(), login, ClassFixture.PASSWORD);
            String csrf = csrf(person, a.domain());
            for (ConsoleRoute route : ConsoleRoute.values()) {
                String id = route.pattern().startsWith("/console/users") ? a.lea
                        : route.pattern().startsWith("/console/classes") ? a.cp : a.schoolA;
                HttpResponse<String> answer = person.send(route.method(), url(a.domain(), route.path(id)),
                        route.changes() ? "csrf=" + LoginAgent.encode(csrf) + "&name=X&uai=0693331W&type=ECOLE"
                                + "&function=ADMIN_LOCAL&school=" + a.uaiA + "&enabled=false" : null);
                assertThat(answer.statusCode()).as(login + " " + route.method() + " " + route.pattern())
                        .isEqualTo(403);
            }
        }
        // the launcher offers them no console
        HttpResponse<String> home = Logins.portal(PLATFORM, a.domain(), "sophie.martin", ClassFixture.PASSWORD)
                .get(url(a.domain(), "/").toString());
        assertThat(home.body()).doesNotContain("href=\"/console\"");
        assertThat(superA.get(url(a.domain(), "/").toString()).body()).contains("href=\"/console\"");
    }

    @Test
    void another_collectivitys_administrator_can_do_nothing_here() throws Exception {
        // B's session cookie presented on A's domain: no session here, every console URL sends to the sign-in
        LoginAgent stolen = new LoginAgent(PLATFORM.server().runtimeBase());
        stolen.setCookie(a.domain(), "JSESSIONID", superB.cookie(b.host, "JSESSIONID"));
        String csrfB = csrf(superB, b.host);
        for (ConsoleRoute route : ConsoleRoute.values()) {
            HttpResponse<String> answer = stolen.send(route.method(), url(a.domain(), route.path(a.schoolA)),
                    route.changes() ? "csrf=" + LoginAgent.encode(csrfB) + "&name=Pirate&uai=" + a.uaiA
                            + "&type=ECOLE" : null);
            assertThat(answer.statusCode()).as(route.pattern()).isIn(302, 303);
            assertThat(LoginAgent.location(answer).orElseThrow()).as(route.pattern()).contains("/auth/login");
        }
        // B's administrator token (a bearer of B's realm) on A's domain: pages take no bearer, nothing shown
        HttpResponse<String> bearer = PLATFORM.send(a.domain(), "GET", "/console/schools/" + a.schoolA, null, null,
                PLATFORM.administrator(slugB).authorization());
        assertThat(bearer.statusCode()).isIn(302, 303, 401);
        assertThat(bearer.body()).doesNotContain("Jean Macé");
        // B's own console does not know A's school, nor A's people
        assertThat(superB.get(url(b.host, "/console/schools/" + a.schoolA).toString()).statusCode()).isEqualTo(404);
        assertThat(superB.get(url(b.host, "/console/users/" + a.lea).toString()).statusCode()).isEqualTo(404);
        assertThat(superB.get(url(b.host, "/console").toString()).body()).contains("École de B")
                .doesNotContain("Jean Macé", "Jules Ferry");
        // a rename of A's school from B's console: not found there, unchanged here
        HttpResponse<String> renamed = superB.send("POST", url(b.host, "/console/schools/" + a.schoolA),
                "csrf=" + LoginAgent.encode(csrfB) + "&name=Pirate&uai=" + a.uaiA + "&type=ECOLE");
        assertThat(renamed.statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/structures/" + a.schoolA).body()).contains("Jean Macé");

        // The console's channel to tenant-manager carries the administrator's own token and names the collectivity
        // of the Host: A's administrator token asking tenant-manager for B's report is refused there.
        HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PLATFORM.server().adminBase() + "/collectivities/" + slugB + "/compliance-report"))
                .header("Authorization", PLATFORM.administrator(a.slug).authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(403);
        HttpResponse<String> account = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PLATFORM.server().adminBase() + "/collectivities/" + slugB + "/accounts/" + a.lea
                                + "/enabled"))
                .header("Authorization", PLATFORM.administrator(a.slug).authorization())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).isEqualTo(403);
        // and each administrator reads their own collectivity's report in their console
        assertThat(superA.get(url(a.domain(), "/console/compliance").toString()).body())
                .contains("Verdict :", "règle(s)");
    }

    @Test
    void a_local_administrator_of_one_school_reaches_nothing_of_the_other() {
        String csrf = csrf(localA, a.domain());
        String token = "csrf=" + LoginAgent.encode(csrf);
        assertThat(localA.get(url(a.domain(), "/console").toString()).body()).contains("Jean Macé")
                .doesNotContain("Jules Ferry");
        assertThat(localA.get(url(a.domain(), "/console/schools/" + a.schoolA).toString()).statusCode())
                .isEqualTo(200);
        assertThat(localA.get(url(a.domain(), "/console/users/" + a.lea).toString()).statusCode()).isEqualTo(200);

        assertThat(localA.get(url(a.domain(), "/console/schools/" + a.schoolB).toString()).statusCode())
                .isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/schools/" + a.schoolB),
                token + "&name=Pirate&uai=" + a.uaiB + "&type=ECOLE").statusCode()).isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/schools/" + a.schoolB + "/classes"),
                token + "&name=Pirate").statusCode()).isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/classes/" + a.cm2), token + "&name=Pirate")
                .statusCode()).isEqualTo(403);
        assertThat(localA.get(url(a.domain(), "/console/users/" + a.zoe).toString()).statusCode()).isEqualTo(404);
        assertThat(localA.get(url(a.domain(), "/console/users?school=" + a.schoolB).toString()).statusCode())
                .isEqualTo(403);
        // a UAI change would move its school out of its reach: the collectivity's administrator's business
        assertThat(localA.send("POST", url(a.domain(), "/console/schools/" + a.schoolA),
                token + "&name=Jean Macé&uai=" + DirectoryApi.randomUai() + "&type=ECOLE").statusCode()).isEqualTo(403);
        // collectivity-wide screens and functions are not a local administrator's
        for (String path : List.of("/console/schools/new", "/console/compliance")) {
            assertThat(localA.get(url(a.domain(), path).toString()).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(localA.send("POST", url(a.domain(), "/console/schools"),
                token + "&name=Nouvelle&uai=" + DirectoryApi.randomUai() + "&type=ECOLE").statusCode()).isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + a.teacher + "/functions"),
                token + "&function=ADMIN_LOCAL&school=" + a.uaiA).statusCode()).isEqualTo(403);
        // a family across its school and another: not its business (the other school's pupil is nobody to it)
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + a.parent + "/children"),
                token + "&child=" + a.zoe).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + a.zoe).body()).doesNotContain(a.parent);
        // nothing changed
        assertThat(PLATFORM.get(a.domain(), "/api/directory/structures/" + a.schoolB).body())
                .contains("Jules Ferry", a.uaiB);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/structures/" + a.schoolB + "/classes").body())
                .contains("CM2").doesNotContain("Pirate");
    }

    @Test
    void a_change_without_the_sessions_token_is_refused() {
        for (String form : List.of("name=Sans jeton&uai=" + a.uaiA + "&type=ECOLE",
                "csrf=faux&name=Sans jeton&uai=" + a.uaiA + "&type=ECOLE")) {
            assertThat(superA.send("POST", url(a.domain(), "/console/schools/" + a.schoolA), form).statusCode())
                    .isEqualTo(403);
        }
        assertThat(PLATFORM.get(a.domain(), "/api/directory/structures/" + a.schoolA).body())
                .doesNotContain("Sans jeton");
    }

    @Test
    void a_bad_uai_gets_its_reason_and_the_school_is_not_declared() {
        String token = "csrf=" + LoginAgent.encode(csrf(superA, a.domain()));
        String good = DirectoryApi.randomUai();
        char wrong = good.charAt(7) == 'A' ? 'B' : 'A';
        HttpResponse<String> refused = superA.send("POST", url(a.domain(), "/console/schools"),
                token + "&name=" + LoginAgent.encode("École des Lilas") + "&uai=" + good.substring(0, 7) + wrong
                        + "&type=ECOLE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("la lettre de contrôle ne correspond pas (attendue : " + good.charAt(7)
                + ")", "École des Lilas");
        HttpResponse<String> taken = superA.send("POST", url(a.domain(), "/console/schools"),
                token + "&name=Doublon&uai=" + a.uaiA + "&type=ECOLE");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("Un établissement porte déjà le code UAI « " + a.uaiA + " »");
        assertThat(PLATFORM.get(a.domain(), "/api/directory/structures").body())
                .doesNotContain("École des Lilas", "Doublon");

        HttpResponse<String> created = superA.send("POST", url(a.domain(), "/console/schools"),
                token + "&name=" + LoginAgent.encode("École des Lilas") + "&uai=" + good.toLowerCase() + "&type=ECOLE");
        assertThat(created.statusCode()).isIn(302, 303);
        assertThat(superA.follow(created, null).body()).contains("École des Lilas", good, "Établissement déclaré.");
    }

    @Test
    void the_collectivitys_administrator_gives_functions_and_blocks_accounts_in_keycloak() {
        String token = "csrf=" + LoginAgent.encode(csrf(superA, a.domain()));
        URI functions = url(a.domain(), "/console/users/" + lucie + "/functions");
        assertThat(superA.send("POST", functions, token + "&function=ADMIN_LOCAL&school=" + a.uaiA).statusCode())
                .isIn(302, 303);
        assertThat(superA.send("POST", functions, token + "&function=CLASS_ADMIN&school=" + a.uaiA).statusCode())
                .isIn(302, 303);
        // a school that is not the person's is refused
        assertThat(superA.send("POST", functions, token + "&function=ADMIN_LOCAL&school=" + a.uaiB).statusCode())
                .isEqualTo(400);
        String page = superA.get(url(a.domain(), "/console/users/" + lucie).toString()).body();
        assertThat(page).contains("lucie.bernard", "établissement " + a.uaiA,
                "Retirer la fonction : Administrateur de classe").doesNotContain(a.uaiB);
        // her next login carries the function (after the second factor the realm now asks of her, enrolled here):
        // she administers her school in the console, and only it
        LoginAgent teacher = Logins.portal(PLATFORM, a.domain(), "lucie.bernard", ClassFixture.PASSWORD);
        assertThat(teacher.get(url(a.domain(), "/console").toString()).body()).contains("Jean Macé")
                .doesNotContain("Jules Ferry");
        assertThat(teacher.get(url(a.domain(), "/console/schools/" + a.schoolB).toString()).statusCode())
                .isEqualTo(403);

        assertThat(superA.send("POST", functions, token + "&function=ADMIN_LOCAL&school=" + a.uaiA
                + "&action=remove").statusCode()).isIn(302, 303);
        assertThat(superA.get(url(a.domain(), "/console/users/" + lucie).toString()).body())
                .doesNotContain("Administrateur local de l").contains("Retirer la fonction : Administrateur de classe");

        URI enabled = url(a.domain(), "/console/users/" + a.hugo + "/enabled");
        assertThat(superA.send("POST", enabled, token + "&enabled=false").statusCode()).isIn(302, 303);
        assertThat(superA.get(url(a.domain(), "/console/users/" + a.hugo).toString()).body()).contains("Bloqué");
        assertThatThrownBy(() -> Logins.portal(PLATFORM, a.domain(), "hugo.moreau", ClassFixture.PASSWORD))
                .isInstanceOf(IllegalStateException.class);
        assertThat(superA.send("POST", enabled, token + "&enabled=true").statusCode()).isIn(302, 303);
        Logins.portal(PLATFORM, a.domain(), "hugo.moreau", ClassFixture.PASSWORD);
    }

    @Test
    void the_collectivitys_administrator_links_and_unlinks_a_parent_and_a_child() {
        String token = "csrf=" + LoginAgent.encode(csrf(superA, a.domain()));
        URI children = url(a.domain(), "/console/users/" + a.parent + "/children");
        HttpResponse<String> found = superA.get(url(a.domain(), "/console/users/" + a.parent + "?childQ=moreau")
                .toString());
        assertThat(found.body()).contains("Moreau Hugo");
        assertThat(superA.send("POST", children, token + "&child=" + a.hugo).statusCode()).isIn(302, 303);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + a.hugo).body()).contains(a.parent);
        assertThat(superA.send("POST", children, token + "&child=" + a.hugo + "&action=remove").statusCode())
                .isIn(302, 303);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + a.hugo).body()).doesNotContain(a.parent);
        // a teacher is no child
        assertThat(superA.send("POST", children, token + "&child=" + a.teacher).statusCode()).isEqualTo(400);
    }

    /** The session's anti-forgery token, as the portal's pages carry it (the header's sign-out form). */
    static String csrf(LoginAgent browser, String domain) {
        return LoginAgent.inputValue(browser.get(url(domain, "/").toString()), "csrf").orElseThrow();
    }

    static URI url(String domain, String path) {
        return URI.create("http://" + domain + ":" + PLATFORM.server().runtimeBase().getPort() + path);
    }
}
