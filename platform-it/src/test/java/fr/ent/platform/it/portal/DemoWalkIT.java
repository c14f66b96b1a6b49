package fr.ent.platform.it.portal;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scanForAnyViolation;
import static fr.ent.platform.it.portal.PortalSteps.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import fr.ent.platform.local.DemoData.Demo;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.testing.browser.RealBrowser;
import fr.ent.platform.testing.login.KeycloakLoginForm;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every demo profile of both demo collectivities (one account of each, seeded as {@code ./run-platform.sh} seeds
 * them, {@link DemoData}), walked in one real Chromium as its user would: sign in through our login theme (the
 * administrators enrol their second factor), find on the home page who they are (name, profile, school), the
 * launcher's apps of their profile and no other, and their unread notifications; open Mon compte and, from the
 * launcher, Ma classe, each showing what that profile may see; sign out, after which the home page offers to sign
 * in again and a protected page leads to Keycloak's password form (no session is left, in the portal or in
 * Keycloak). Every page is scanned with axe-core against WCAG 2.1 AA: no violation at all, whatever its impact.
 * One walk also switches to Spanish and back. The walks share the browser, so that each one also proves that the
 * previous one signed out.
 */
@ResourceLock(Platform.DEMOS)
class DemoWalkIT {

    private static final String FIRST_CLASS_NOTICE = "Réunion de rentrée de la classe ";
    private static final String SCHOOL_NOTICE = "Bienvenue sur l'ENT de ";
    private static Platform platform;
    private static List<DemoData.Account> accounts;
    /** Shared by the walks; replaced after a walk that failed, which may have left someone signed in. */
    private static RealBrowser browser;

    @BeforeAll
    static void theDemoCollectivitiesAsTheLauncherSeedsThem_withANotificationForTheSchoolAndOneForAClass()
            throws Exception {
        platform = Platform.get();
        // Keycloak calls the portal's back-channel logout URL on these domains at sign-out (resolved by demos()).
        accounts = platform.demos();
        // The administrators' walk enrols the second factor: whoever signed them in before (the console's classes
        // run beside this one, in any order) leaves an authenticator, forgotten here so each walk is a first login.
        for (DemoData.Account account : accounts) {
            if (DemoPerson.of(account).isAdministrator()) {
                SecondFactorEnrolment.forget(slugOf(account), account.username());
            }
        }
        for (Demo demo : DemoData.DEMOS) {
            // What earlier classes left unread for the demo people (a community's invitation, a course's notice...)
            // is read first: each walk counts the two notices below.
            try (java.sql.Connection c = platform.database().getConnection();
                 java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE t_" + demo.slug().replace('-', '_')
                        + ".delivery SET read_at = now() WHERE read_at IS NULL");
            }
            String school = structureId(demo);
            notify(demo, "STRUCTURE", school, SCHOOL_NOTICE + demo.displayName(),
                    "Bienvenida al ENT de " + demo.displayName());
            String firstClass = demo.classes().get(0);
            notify(demo, "CLASS", classId(demo, school, firstClass), FIRST_CLASS_NOTICE + firstClass,
                    "Reunión de inicio de curso de la clase " + firstClass);
        }
        browser = RealBrowser.start();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_demo_profile_of_each_collectivity_finds_its_portal_and_signs_out() {
        int people = DemoData.DEMOS.stream().mapToInt(d -> d.people().size()).sum();
        // every person of the seed and each collectivity's administrator has an account
        assertThat(accounts).hasSize(people + DemoData.DEMOS.size());
        List<DemoData.Account> walkers = onePerProfileAndCollectivity(accounts);
        assertThat(walkers).hasSize(DemoData.DEMOS.size() * 5); // SUPER_ADMIN, Teacher, Student, Relative, Personnel
        return walkers.stream().map(account -> DynamicTest.dynamicTest(account.username() + " ("
                + account.profile() + ", " + account.collectivity() + ")",
                () -> inTheSharedBrowser(() -> walk(DemoPerson.of(account), account.username()))));
    }

    /**
     * One account per profile and collectivity (a walk costs ~5 s of the CI budget, and the people of one profile
     * see pages of the same shape): the one with the most family links (a parent of several children, a pupil with
     * both parents), whose pages show and hide the most people.
     */
    static List<DemoData.Account> onePerProfileAndCollectivity(List<DemoData.Account> accounts) {
        Map<List<String>, DemoData.Account> chosen = new LinkedHashMap<>();
        for (DemoData.Account account : accounts) {
            chosen.merge(List.of(account.collectivity(), account.profile()), account,
                    (kept, other) -> links(other) > links(kept) ? other : kept);
        }
        return List.copyOf(chosen.values());
    }

    private static String slugOf(DemoData.Account account) {
        return DemoData.DEMOS.stream().filter(d -> d.displayName().equals(account.collectivity())).findFirst()
                .orElseThrow().slug();
    }

    private static int links(DemoData.Account account) {
        DemoPerson person = DemoPerson.of(account);
        return person.isAdministrator() ? 0 : person.parents().size() + person.childPeople().size();
    }

    @Test
    void a_parent_switches_to_spanish_and_back() throws Throwable {
        DemoData.Account account = accounts.stream().filter(a -> a.profile().equals("Relative"))
                .filter(a -> a.collectivity().equals(DemoData.DEMOS.get(1).displayName())).findFirst().orElseThrow();
        DemoPerson parent = DemoPerson.of(account);
        inTheSharedBrowser(() -> {
            String portal = portal(parent.demo());
            PortalSteps.signIn(browser, portal, account.username(), DemoData.DEMO_PASSWORD);
            chooseLanguage("es");
            assertThat(header()).contains(parent.name(), "Madre/Padre", parent.demo().school());
            assertThat(browser.text()).contains("Mi cuenta", "Cerrar sesión", "Notificaciones",
                    "Bienvenida al ENT de " + parent.demo().displayName());
            scanForAnyViolation(browser, parent.name() + ", home in Spanish");
            clickAndWait(browser, By.cssSelector("nav a[href='/directory/my-class']"));
            assertThat(browser.text()).contains("Mi clase");
            scanForAnyViolation(browser, parent.name() + ", Ma classe in Spanish");
            chooseLanguage("fr");
            assertThat(browser.text()).contains("Ma classe", "Mon compte", "Se déconnecter");
            signOut(parent, portal);
        });
    }

    private static void walk(DemoPerson person, String username) {
        long start = System.nanoTime();
        String portal = portal(person.demo());
        String elsewhere = DemoData.DEMOS.stream().filter(d -> !d.equals(person.demo())).findFirst().orElseThrow()
                .school();
        PortalSteps.signIn(browser, portal, username, DemoData.DEMO_PASSWORD);

        // Home: who they are, their apps, their unread notifications.
        if (person.isAdministrator()) {
            // no directory entry: no school, no notifications or messages of their own
            assertThat(browser.driver().findElements(By.cssSelector("a.unread"))).isEmpty();
            assertThat(header()).contains(person.name(), person.profileLabel());
        } else {
            int unread = 1 + (person.inAudienceOf(person.demo().classes().get(0)) ? 1 : 0);
            awaitText(browser, "/", unread + " notifications non lues");
            assertThat(browser.driver().findElement(By.cssSelector("a.unread[href='/notifications']")).getText())
                    .isEqualTo(unread + " notifications non lues");
            assertThat(header()).contains(person.name(), " · " + person.profileLabel(), person.demo().school());
            assertThat(browser.text()).contains(SCHOOL_NOTICE + person.demo().displayName());
        }
        assertThat(browser.text()).contains(person.demo().displayName()).doesNotContain(elsewhere);
        List<String> apps = browser.driver().findElements(By.cssSelector("nav ul.launcher a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        // Every app is enabled in the demos: the launcher's entries are exactly those of the person's profiles (an
        // app added to the platform is added here with the profiles it is for).
        List<String> everyone = List.of("/notifications", "/directory/my-class", "/messagerie", "/actualites",
                "/documents", "/diary", "/wiki", "/courses", "/communities");
        List<String> expected = person.isAdministrator()
                ? Stream.concat(everyone.stream(), Stream.of("/flash", "/moderation", "/console")).toList()
                : everyone;
        assertThat(apps).containsExactlyInAnyOrderElementsOf(expected);
        scanForAnyViolation(browser, username + ", home");

        // Mon compte
        clickAndWait(browser, By.cssSelector("header a[href='/account']"));
        assertThat(browser.currentUrl()).isEqualTo(portal + "/account");
        String account = browser.text();
        assertThat(account).contains("Mon compte", person.name(), username).doesNotContain(elsewhere);
        switch (person.profile()) {
            case "SUPER_ADMIN" -> assertThat(account).contains("Administrateur·rice de la collectivité",
                    "Ce compte n'a pas de fiche dans l'annuaire de la collectivité.");
            case "Teacher" -> assertThat(account).contains(person.className() + " (" + person.demo().school() + ")");
            case "Student" -> {
                assertThat(account).contains(person.className() + " (" + person.demo().school() + ")");
                shows(account, person.parents());
            }
            case "Relative" -> shows(account, person.childPeople());
            case "Personnel" -> assertThat(account).contains(person.demo().school());
            default -> throw new IllegalStateException(person.profile());
        }
        scanForAnyViolation(browser, username + ", Mon compte");

        // Ma classe, from the launcher
        clickAndWait(browser, By.cssSelector("nav a[href='/directory/my-class']"));
        assertThat(browser.currentUrl()).isEqualTo(portal + "/directory/my-class");
        String myClass = browser.text();
        assertThat(myClass).contains("Ma classe").doesNotContain(elsewhere);
        List<DemoPerson> relatives = person.others("Relative", null);
        switch (person.profile()) {
            case "SUPER_ADMIN" -> assertThat(myClass).contains("Aucune classe à afficher pour votre compte.");
            case "Teacher" -> {
                // their class's pupils with each one's parents, no other class's pupils
                List<DemoPerson> pupils = person.others("Student", person.className());
                assertThat(myClass).contains(person.className());
                shows(myClass, pupils);
                shows(myClass, pupils.stream().flatMap(p -> p.parents().stream()).toList());
                hides(myClass, person.others("Student", null).stream().filter(p -> !pupils.contains(p)).toList());
            }
            case "Student" -> {
                // classmates and teachers, no parents, no other class
                assertThat(myClass).contains(person.className());
                shows(myClass, person.others("Student", person.className()));
                shows(myClass, person.others("Teacher", person.className()));
                hides(myClass, relatives);
                hides(myClass, person.others("Student", null).stream()
                        .filter(p -> !p.className().equals(person.className())).toList());
            }
            case "Relative" -> {
                // each child's class and teachers, not the other pupils
                for (DemoPerson child : person.childPeople()) {
                    assertThat(myClass).contains(child.name(), child.className());
                    shows(myClass, child.others("Teacher", child.className()));
                    hides(myClass, child.others("Student", null).stream()
                            .filter(p -> !person.childPeople().contains(p)).toList());
                }
            }
            case "Personnel" -> {
                // the school's classes with their teachers and pupils, no parents
                assertThat(myClass).contains(person.demo().classes());
                shows(myClass, person.others("Teacher", null));
                shows(myClass, person.others("Student", null));
                hides(myClass, relatives);
            }
            default -> throw new IllegalStateException(person.profile());
        }
        scanForAnyViolation(browser, username + ", Ma classe");

        signOut(person, portal);
        System.out.printf("demo walk of %s: %d ms%n", username, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * Signs out with the header's button: back on the home page, which offers to sign in again; a protected page
     * then leads to Keycloak's password form (Keycloak's session is over too, else it would sign the user straight
     * back in).
     */
    private static void signOut(DemoPerson person, String portal) {
        clickAndWait(browser, By.cssSelector("header form[action='/auth/logout'] button"));
        browser.awaitUrlStartingWith(portal + "/");
        assertThat(browser.currentUrl()).isEqualTo(portal + "/");
        assertThat(browser.driver().findElements(By.cssSelector("header a[href^='/auth/login']"))).hasSize(1);
        assertThat(browser.text()).contains("Se connecter").doesNotContain(person.name(), "Se déconnecter",
                "Mon compte");
        browser.open(portal + "/account");
        browser.awaitUrlStartingWith(platform.identity().baseUrl().toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id(KeycloakLoginForm.FORM_ID)).isEmpty());
    }

    private static void chooseLanguage(String language) {
        new Select(browser.driver().findElement(By.id("lang"))).selectByValue(language);
        clickAndWait(browser, By.cssSelector("form.language button"));
    }

    /** The header's line naming the signed-in user, their profile and school(s). */
    private static String header() {
        return browser.driver().findElement(By.cssSelector("header .account p")).getText();
    }

    /** The page names each of these people (AssertJ refuses an empty list of values: a pupil may have no parent). */
    private static void shows(String page, List<DemoPerson> people) {
        people.forEach(p -> assertThat(page).contains(p.name()));
    }

    private static void hides(String page, List<DemoPerson> people) {
        people.forEach(p -> assertThat(page).doesNotContain(p.name()));
    }

    private interface Walk {
        void run() throws Throwable;
    }

    /**
     * Runs a walk in the shared browser; a walk that fails may leave someone signed in (or another language
     * chosen), so the next walks get a fresh browser and the failure is reported as it is.
     */
    private static void inTheSharedBrowser(Walk walk) throws Throwable {
        try {
            walk.run();
        } catch (Throwable failed) {
            browser.close();
            browser = RealBrowser.start();
            throw failed;
        }
    }

    private static String portal(Demo demo) {
        return "http://" + demo.domain() + ":" + platform.server().runtimeBase().getPort();
    }

    private static void notify(Demo demo, String kind, String id, String french, String spanish) {
        String body = Json.createObjectBuilder()
                .add("audiences", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", kind).add("id", id)))
                .add("texts", Json.createObjectBuilder().add("fr", french).add("es", spanish)).build().toString();
        HttpResponse<String> posted = platform.postJson(demo.domain(), "/api/notifications", body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    }

    private static String structureId(Demo demo) {
        return idNamed(platform.get(demo.domain(), "/api/directory/structures"), "uai", demo.uai());
    }

    private static String classId(Demo demo, String structureId, String name) {
        return idNamed(platform.get(demo.domain(), "/api/directory/structures/" + structureId + "/classes"), "name",
                name);
    }

    private static String idNamed(HttpResponse<String> list, String field, String value) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonValue item : Json.createReader(new StringReader(list.body())).readArray()) {
            if (value.equals(item.asJsonObject().getString(field))) {
                return item.asJsonObject().getString("id");
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list.body());
    }
}
