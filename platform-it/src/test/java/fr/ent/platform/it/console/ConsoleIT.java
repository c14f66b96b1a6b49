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

    // --- groups, account resets, merges of duplicates, identity providers (ADR 0025) ---

    @Test
    void groups_resets_merges_and_class_admin_stay_within_each_administrators_reach() throws Exception {
        String superToken = "csrf=" + LoginAgent.encode(csrf(superA, a.domain()));
        String localToken = "csrf=" + LoginAgent.encode(csrf(localA, a.domain()));
        // a manual group in school B (by the collectivity's administrator), and one in school A (by the local one)
        HttpResponse<String> inB = superA.send("POST", url(a.domain(), "/console/schools/" + a.schoolB + "/groups"),
                superToken + "&name=" + LoginAgent.encode("Chorale de Ferry"));
        assertThat(inB.statusCode()).isIn(302, 303);
        String groupB = idAfter(LoginAgent.location(inB).orElseThrow(), "/console/groups/");
        HttpResponse<String> inA = localA.send("POST", url(a.domain(), "/console/schools/" + a.schoolA + "/groups"),
                localToken + "&name=" + LoginAgent.encode("Club lecture"));
        assertThat(inA.statusCode()).isIn(302, 303);
        String groupA = idAfter(LoginAgent.location(inA).orElseThrow(), "/console/groups/");
        URI membersA = url(a.domain(), "/console/groups/" + groupA + "/members");
        assertThat(localA.send("POST", membersA, localToken + "&user=" + a.lea).statusCode()).isIn(302, 303);
        assertThat(localA.get(url(a.domain(), "/console/groups/" + groupA).toString()).body()).contains("Durand Léa");
        // the other school's pupil cannot be added to its group, nor its group reached, by guessed ids
        assertThat(localA.send("POST", membersA, localToken + "&user=" + a.zoe).statusCode()).isEqualTo(404);
        assertThat(localA.get(url(a.domain(), "/console/schools/" + a.schoolB + "/groups").toString()).statusCode())
                .isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/schools/" + a.schoolB + "/groups"),
                localToken + "&name=Pirate").statusCode()).isEqualTo(403);
        assertThat(localA.get(url(a.domain(), "/console/groups/" + groupB).toString()).statusCode()).isEqualTo(404);
        assertThat(localA.send("POST", url(a.domain(), "/console/groups/" + groupB + "/members"),
                localToken + "&user=" + a.lea).statusCode()).isEqualTo(404);
        // resets, merges and CLASS_ADMIN of the other school's people: nobody it knows
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + a.zoe + "/reset"),
                localToken + "&mode=code").statusCode()).isEqualTo(404);
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + a.zoe + "/functions"),
                localToken + "&function=CLASS_ADMIN&school=" + a.uaiB).statusCode()).isEqualTo(404);
        assertThat(localA.get(url(a.domain(), "/console/users/" + a.lea + "/merge?other=" + a.zoe).toString())
                .statusCode()).isEqualTo(404);
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + a.hugo + "/merge"),
                localToken + "&other=" + a.zoe).statusCode()).isEqualTo(404);
        // ... and identity is the collectivity's administrator's business
        for (String path : List.of("/console/identity", "/console/identity/academie", "/console/administrators")) {
            assertThat(localA.get(url(a.domain(), path).toString()).statusCode()).as(path).isEqualTo(403);
        }
        // in its own school, tenant-manager accepts the local administrator's token (it read the person's school):
        // CLASS_ADMIN given, and a new activation code shown once
        String paul = a.account("Teacher", "Girard", "Paul", a.schoolA, List.of(a.cp), List.of());
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + paul + "/functions"),
                localToken + "&function=CLASS_ADMIN&school=" + a.uaiA).statusCode()).isIn(302, 303);
        assertThat(superA.get(url(a.domain(), "/console/users/" + paul).toString()).body())
                .contains("Retirer la fonction : Administrateur de classe");
        HttpResponse<String> reset = localA.send("POST", url(a.domain(), "/console/users/" + paul + "/reset"),
                localToken + "&mode=code");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(LoginAgent.inputValue(reset, "csrf")).isPresent();
        assertThat(reset.body()).contains("paul.girard", "affiché qu'une fois").containsPattern(
                "[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        assertThatThrownBy(() -> Logins.portal(PLATFORM, a.domain(), "paul.girard", ClassFixture.PASSWORD))
                .isInstanceOf(IllegalStateException.class); // the previous password no longer opens the account
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + paul + "/enabled"),
                localToken + "&enabled=false").statusCode()).isIn(302, 303);
        assertThat(superA.get(url(a.domain(), "/console/users/" + paul).toString()).body()).contains("Bloqué");
        // a colleague of its school who administers (ADMIN_LOCAL) is not the local administrator's to reset or block
        String chef = a.api.createUser("Personnel", "Chef", "Camille", a.schoolA, List.of(), List.of())
                .getString("id");
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "camille.chef", "Camille", "Chef",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", a.uaiA, "ent_user_id", chef));
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + chef + "/reset"),
                localToken + "&mode=code").statusCode()).isEqualTo(404);
        assertThat(localA.send("POST", url(a.domain(), "/console/users/" + chef + "/enabled"),
                localToken + "&enabled=false").statusCode()).isEqualTo(404);

        // A's administrator reaches nothing of B by B's ids, and B's nothing of A
        String brunoOfB = b.createUser("Teacher", "Petit", "Marc", schoolOfB, List.of(), List.of()).getString("id");
        assertThat(superA.send("POST", url(a.domain(), "/console/users/" + a.teacher + "/merge"),
                superToken + "&other=" + brunoOfB).statusCode()).isEqualTo(404);
        assertThat(superA.send("POST", url(a.domain(), "/console/users/" + brunoOfB + "/reset"),
                superToken + "&mode=code").statusCode()).isEqualTo(404);
        String csrfB = "csrf=" + LoginAgent.encode(csrf(superB, b.host));
        assertThat(superB.get(url(b.host, "/console/groups/" + groupA).toString()).statusCode()).isEqualTo(404);
        assertThat(superB.send("POST", url(b.host, "/console/groups/" + groupA + "/members"),
                csrfB + "&user=" + a.hugo).statusCode()).isEqualTo(404);
        assertThat(superB.send("POST", url(b.host, "/console/users/" + brunoOfB + "/merge"),
                csrfB + "&other=" + a.teacher).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + a.teacher).statusCode()).isEqualTo(200);
        // without the session's token, no merge
        assertThat(superA.send("POST", url(a.domain(), "/console/users/" + a.teacher + "/merge"),
                "other=" + paul).statusCode()).isEqualTo(403);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + paul).statusCode()).isEqualTo(200);
    }

    @Test
    void a_merge_makes_the_same_teacher_in_two_schools_one_person_with_two_attachments() throws Exception {
        String token = "csrf=" + LoginAgent.encode(csrf(superA, a.domain()));
        String inMace = a.account("Teacher", "Lefèvre", "Anne", a.schoolA, List.of(a.cp), List.of());
        String inFerry = a.api.createUser("Teacher", "Lefèvre", "Anne", a.schoolB, List.of(a.cm2), List.of())
                .getString("id");
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "anne.lefevre.ferry", "Anne", "Lefèvre",
                ClassFixture.PASSWORD, List.of(RealmRoles.TEACHER), Map.of("ent_user_id", inFerry));

        HttpResponse<String> candidates = superA.get(url(a.domain(), "/console/users/" + inMace + "/merge?q=lefevre")
                .toString());
        assertThat(candidates.body()).contains("/console/users/" + inMace + "/merge?other=" + inFerry);
        HttpResponse<String> preview = superA.get(url(a.domain(), "/console/users/" + inMace + "/merge?other="
                + inFerry).toString());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Rattachement à l'établissement École Jules Ferry", "Classe CM2",
                "anne.lefevre.ferry");
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + inFerry).statusCode()).isEqualTo(200);

        HttpResponse<String> merged = superA.send("POST", url(a.domain(), "/console/users/" + inMace + "/merge"),
                token + "&other=" + inFerry);
        assertThat(merged.statusCode()).isIn(302, 303);
        // one person: the duplicate is gone, the kept one is in both schools' classes and reached from both
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + inFerry).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + inMace).body()).contains("CP", "CM2");
        assertThat(superA.follow(merged, null).body()).contains("Fiches fusionnées", a.uaiA, a.uaiB);
        assertThat(localA.get(url(a.domain(), "/console/users/" + inMace).toString()).statusCode()).isEqualTo(200);
        // the duplicate's account is blocked, the kept one signs in
        assertThatThrownBy(() -> Logins.portal(PLATFORM, a.domain(), "anne.lefevre.ferry", ClassFixture.PASSWORD))
                .isInstanceOf(IllegalStateException.class);
        // merging again with the gone id: not found
        assertThat(superA.send("POST", url(a.domain(), "/console/users/" + inMace + "/merge"),
                token + "&other=" + inFerry).statusCode()).isEqualTo(404);
        // a teacher and a pupil are not one person: refused with the reason, nothing changed
        HttpResponse<String> refused = superA.send("POST", url(a.domain(), "/console/users/" + inMace + "/merge"),
                token + "&other=" + a.hugo);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("pas le même profil");
        assertThat(PLATFORM.get(a.domain(), "/api/directory/users/" + a.hugo).statusCode()).isEqualTo(200);
    }

    @Test
    void a_bad_metadata_file_gets_its_reason_and_changes_nothing_a_good_one_configures_the_provider() throws Exception {
        String csrf = csrf(superA, a.domain());
        URI academie = url(a.domain(), "/console/identity/academie");
        assertThat(superA.get(url(a.domain(), "/console/identity").toString()).body()).contains("ÉduConnect",
                "Académie (SAML)", "Non configuré");
        HttpResponse<String> bad = superA.sendMultipart(academie, Map.of("csrf", csrf, "kind", "SAML",
                "displayName", "Académie"), "metadata", "metadata.xml",
                "PK\u0003\u0004 pas du XML".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Fichier de métadonnées refusé, rien n'a été changé",
                "ce n'est pas un document XML lisible");
        assertThat(tenantManager("GET", "/collectivities/" + a.slug + "/identity-providers/academie", a.slug)
                .statusCode()).isEqualTo(404);
        // without the session's token: refused
        assertThat(superA.sendMultipart(academie, Map.of("kind", "SAML", "displayName", "Académie"), "metadata",
                "metadata.xml", metadata()).statusCode()).isEqualTo(403);

        HttpResponse<String> saved = superA.sendMultipart(academie, Map.of("csrf", csrf, "kind", "SAML",
                "displayName", "Académie de test"), "metadata", "metadata.xml", metadata());
        assertThat(saved.statusCode()).as(saved.body()).isIn(302, 303);
        assertThat(tenantManager("GET", "/collectivities/" + a.slug + "/identity-providers/academie", a.slug).body())
                .contains("https://idp.ac-test.fr/saml", "https://idp.ac-test.fr/sso/redirect");
        assertThat(superA.get(url(a.domain(), "/console/identity/academie").toString()).body())
                .contains("Académie de test", "/auth/login?idp=academie", "Aucune personne n'est reliée");
        // B's console knows nothing of it, A's token configures nothing of B
        assertThat(superB.get(url(b.host, "/console/identity/academie").toString()).body())
                .doesNotContain("idp.ac-test.fr");
        assertThat(tenantManager("PUT", "/collectivities/" + slugB + "/identity-providers/academie", a.slug)
                .statusCode()).isEqualTo(403);
        // the administrators and their second factor (enrolled at their first sign-in)
        assertThat(superA.get(url(a.domain(), "/console/administrators").toString()).body())
                .contains("admin.console", "adml.console", "Configurée").doesNotContain("admin.console.b");
    }

    // --- a school's communication rules and quiet hours (ADR 0029) ---

    @Test
    void communication_rules_and_quiet_hours_stay_within_each_administrators_reach_and_are_audited() {
        String superToken = "csrf=" + LoginAgent.encode(csrf(superA, a.domain()));
        String localToken = "csrf=" + LoginAgent.encode(csrf(localA, a.domain()));
        String rulesOfA = "/api/directory/structures/" + a.schoolA + "/communication";
        jakarta.json.JsonObject before = Platform.json(PLATFORM.get(a.domain(), rulesOfA));
        jakarta.json.JsonObject link = before.getJsonArray("links").getJsonObject(0);
        String from = link.getString("from");
        String to = link.getString("to");
        String groupOfB = Platform.json(PLATFORM.get(a.domain(), "/api/directory/structures/" + a.schoolB
                + "/communication")).getJsonArray("groups").getJsonObject(0).getString("id");
        URI links = url(a.domain(), "/console/schools/" + a.schoolA + "/communication/links");

        // the local administrator of A: its school's rules, a rule removed and the defaults put back
        assertThat(superA.get(url(a.domain(), "/console/schools/" + a.schoolA).toString()).body())
                .contains("/console/schools/" + a.schoolA + "/communication", "/notifications/schools/" + a.schoolA);
        assertThat(localA.get(url(a.domain(), "/console/schools/" + a.schoolA + "/communication").toString()).body())
                .contains("Qui écrit", "Élèves — CP");
        assertThat(localA.send("POST", links, localToken + "&action=remove&from=" + from + "&to=" + to)
                .statusCode()).isIn(302, 303);
        assertThat(PLATFORM.get(a.domain(), rulesOfA).body()).doesNotContain("{\"from\":\"" + from + "\",\"to\":\""
                + to + "\"}");
        assertThat(localA.send("POST", url(a.domain(), "/console/schools/" + a.schoolA + "/communication/defaults"),
                localToken).statusCode()).isIn(302, 303);
        assertThat(Platform.json(PLATFORM.get(a.domain(), rulesOfA)).getJsonArray("links"))
                .isEqualTo(before.getJsonArray("links"));
        // the collectivity's administrator turns the pupils' switch on and off again
        URI pupils = url(a.domain(), "/console/schools/" + a.schoolA + "/communication");
        assertThat(superA.send("POST", pupils, superToken + "&pupilsTalk=true").statusCode()).isIn(302, 303);
        assertThat(Platform.json(PLATFORM.get(a.domain(), rulesOfA)).getBoolean("pupilsTalk")).isTrue();
        assertThat(superA.send("POST", pupils, superToken + "&pupilsTalk=false").statusCode()).isIn(302, 303);
        assertThat(Platform.json(PLATFORM.get(a.domain(), rulesOfA)).getBoolean("pupilsTalk")).isFalse();
        // bad input: the page again with the reason, nothing changed
        HttpResponse<String> bad = localA.send("POST", links, localToken + "&from=&to=" + to);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Donnez deux groupes de cet établissement");
        assertThat(superA.send("POST", pupils, superToken + "&pupilsTalk=peut-etre").statusCode()).isEqualTo(400);

        // school B is not the local administrator's: every page and change refused; B's group named on A's form is
        // nobody there; another collectivity's console knows neither school
        for (String path : List.of("/communication", "/communication/links", "/communication/defaults")) {
            URI ofB = url(a.domain(), "/console/schools/" + a.schoolB + path);
            assertThat(localA.send("POST", ofB, localToken + "&pupilsTalk=true&from=" + groupOfB + "&to=" + groupOfB)
                    .statusCode()).as(path).isEqualTo(403);
        }
        assertThat(localA.get(url(a.domain(), "/console/schools/" + a.schoolB + "/communication").toString())
                .statusCode()).isEqualTo(403);
        assertThat(localA.send("POST", links, localToken + "&from=" + groupOfB + "&to=" + to).statusCode())
                .isEqualTo(404);
        assertThat(localA.send("POST", links, localToken + "&from=" + java.util.UUID.randomUUID() + "&to=" + to)
                .statusCode()).isEqualTo(404);
        String csrfB = "csrf=" + LoginAgent.encode(csrf(superB, b.host));
        assertThat(superB.get(url(b.host, "/console/schools/" + a.schoolA + "/communication").toString())
                .statusCode()).isEqualTo(404);
        assertThat(superB.send("POST", url(b.host, "/console/schools/" + a.schoolA + "/communication/defaults"),
                csrfB).statusCode()).isEqualTo(404);
        assertThat(superA.send("POST", pupils, "pupilsTalk=true").statusCode()).isEqualTo(403); // no token
        assertThat(Platform.json(PLATFORM.get(a.domain(), rulesOfA)).getBoolean("pupilsTalk")).isFalse();

        // quiet hours: the notifications app's page for the school, saved and refused, both in the console's trail
        URI quietA = url(a.domain(), "/notifications/schools/" + a.schoolA);
        assertThat(localA.send("POST", quietA, localToken + "&day.0=MONDAY&day.0=FRIDAY&from.0=20:00&to.0=24:00")
                .statusCode()).isIn(302, 303);
        assertThat(localA.send("POST", quietA, localToken + "&day.0=MONDAY&from.0=20:00&to.0=25:00").statusCode())
                .isEqualTo(400);
        assertThat(localA.send("POST", url(a.domain(), "/notifications/schools/" + a.schoolB),
                localToken + "&day.0=MONDAY&from.0=20:00&to.0=24:00").statusCode()).isEqualTo(403);
        // (the action names are also the filter's options: the entries are told by their details)
        String trail = superA.get(url(a.domain(), "/console/audit").toString()).body();
        assertThat(trail).contains("Mon,Fri 20:00-24:00", "pupils talk on", "pupils talk off", "adml.console")
                .containsPattern("remove [^<]+ → ").containsPattern("<td>[0-9]+ rules</td>");
        assertThat(superA.get(url(a.domain(), "/console/audit?action=QUIET_HOURS_SAVE&outcome=REFUSED").toString())
                .body()).contains("adml.console", "Jean Macé").doesNotContain("Mon,Fri 20:00-24:00");
        // the local administrator reads these entries about its school; B's administrator reads none of them
        assertThat(localA.get(url(a.domain(), "/console/audit?action=COMMUNICATION_LINK").toString()).body())
                .containsPattern("remove [^<]+ → ");
        assertThat(superB.get(url(b.host, "/console/audit").toString()).body()).doesNotContain("adml.console");
    }

    /** The test academy's SAML metadata (apps/console's test resource, a self-signed certificate made for it). */
    private static byte[] metadata() throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../apps/console/src/test/resources/fr/ent/"
                + "platform/apps/console/identity/idp-metadata.xml"));
    }

    /** A call of tenant-manager's admin API with the collectivity administrator's token of {@code realmSlug}. */
    private static HttpResponse<String> tenantManager(String method, String path, String realmSlug) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PLATFORM.server().adminBase() + path))
                .header("Authorization", PLATFORM.administrator(realmSlug).authorization())
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"kind\":\"SAML\",\"displayName\":\"x\","
                                + "\"metadataUrl\":\"https://pirate.example.fr/md\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String idAfter(String location, String prefix) {
        String rest = location.substring(location.indexOf(prefix) + prefix.length());
        return rest.replaceAll("[?#].*$", "");
    }

    /** The session's anti-forgery token, as the portal's pages carry it (the header's sign-out form). */
    static String csrf(LoginAgent browser, String domain) {
        return LoginAgent.inputValue(browser.get(url(domain, "/").toString()), "csrf").orElseThrow();
    }

    static URI url(String domain, String path) {
        return URI.create("http://" + domain + ":" + PLATFORM.server().runtimeBase().getPort() + path);
    }
}
