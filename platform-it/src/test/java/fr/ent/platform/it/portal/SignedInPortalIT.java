package fr.ent.platform.it.portal;

import static fr.ent.platform.it.PageSteps.clickAndWait;
import static fr.ent.platform.it.PageSteps.scan;
import static fr.ent.platform.it.portal.PortalSteps.awaitText;
import static fr.ent.platform.it.portal.PortalSteps.fill;
import static fr.ent.platform.it.portal.PortalSteps.submit;
import static fr.ent.platform.it.portal.PortalSteps.value;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.testing.browser.RealBrowser;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The signed-in portal in a real browser, for each profile: the header says who they are (profile, school, unread
 * notifications), the launcher offers their apps, quiet hours are set with plain forms, the language switch turns
 * every page to Spanish and is remembered, and a form sent after its session ended comes back after sign-in with
 * what was typed. Every page is scanned for serious WCAG 2.1 AA violations; the pupil's at a phone's width.
 */
class SignedInPortalIT {

    private static final String PASSWORD = "Portal-it-2026"; // the realms ask for 12 characters
    private static Platform platform;
    private static DirectoryApi a;
    private static DirectoryApi b;

    record Person(DirectoryApi collectivity, String profile, String username, String id) {
    }

    private static Person teacher;
    private static Person pupil;
    private static Person parent;

    @BeforeAll
    static void aSchoolWithATeacherAPupilAndAParent_andAnotherCollectivity() throws Exception {
        platform = Platform.get();
        a = DirectoryApi.newCollectivity("portal-a");
        b = DirectoryApi.newCollectivity("portal-b");
        String school = a.createStructure(DirectoryApi.randomUai(), "École Louise Michel", "ECOLE").getString("id");
        String classId = a.createClass(school, "CM1").getString("id");
        teacher = person(a, "Teacher", school, List.of(classId), List.of());
        pupil = person(a, "Student", school, List.of(classId), List.of());
        String schoolB = b.createStructure(DirectoryApi.randomUai(), "Collège Jean Jaurès", "COLLEGE").getString("id");
        String classB = b.createClass(schoolB, "6e A").getString("id");
        Person child = person(b, "Student", schoolB, List.of(classB), List.of());
        parent = person(b, "Relative", schoolB, List.of(), List.of(child.id()));
        HttpResponse<String> posted = platform.postJson(a.host, "/api/notifications", "{\"audiences\":[{\"kind\":"
                + "\"CLASS\",\"id\":\"" + classId + "\"}],\"texts\":{\"fr\":\"Bienvenue en CM1\",\"es\":\"Bienvenidos"
                + " a CM1\"}}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    }

    @Test
    void a_teacher_sees_who_they_are_sets_quiet_hours_and_switches_to_spanish() {
        try (RealBrowser browser = RealBrowser.start()) {
            signIn(browser, teacher);
            assertThat(browser.text()).contains("Enseignant·e", "École Louise Michel", "Mon compte");
            awaitText(browser, "/", "1 notifications non lues");
            scan(browser, "teacher, home");

            // Favourite apps: the launcher's apps until chosen; moved down, then one removed, it stays so.
            List<String> before = favourites(browser);
            assertThat(before).hasSizeGreaterThanOrEqualTo(2);
            clickAndWait(browser, By.cssSelector(".favourites li:first-child button[value='down']"));
            List<String> moved = new java.util.ArrayList<>(before);
            java.util.Collections.swap(moved, 0, 1);
            assertThat(favourites(browser)).containsExactlyElementsOf(moved);
            clickAndWait(browser, By.cssSelector(".favourites li:last-child button[value='remove']"));
            List<String> kept = moved.subList(0, moved.size() - 1);
            assertThat(favourites(browser)).containsExactlyElementsOf(kept);
            browser.open(url(teacher, "/"));
            assertThat(favourites(browser)).containsExactlyElementsOf(kept);
            scan(browser, "teacher, home with favourites changed");

            browser.open(url(teacher, "/notifications/settings"));
            fill(browser, "from-0", "20:00");
            fill(browser, "to-0", "24:00");
            for (String day : List.of("MONDAY", "TUESDAY", "THURSDAY")) {
                browser.click(By.cssSelector("input[name='day.0'][value='" + day + "']"));
            }
            submit(browser, "quiet-hours");
            assertThat(browser.text()).contains("Vos réglages sont enregistrés");
            assertThat(value(browser, "from-0")).isEqualTo("20:00");
            scan(browser, "teacher, notification settings");

            // An inverted range comes back refused, with the reason and what was typed.
            fill(browser, "from-1", "22:00");
            fill(browser, "to-1", "06:00");
            browser.click(By.cssSelector("input[name='day.1'][value='FRIDAY']"));
            submit(browser, "quiet-hours");
            assertThat(browser.text()).contains("finit avant de commencer");
            assertThat(value(browser, "from-1")).isEqualTo("22:00");
            scan(browser, "teacher, refused settings");

            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("lang"))).selectByValue("es");
            clickAndWait(browser, By.cssSelector("form.language button"));
            assertThat(browser.text()).contains("Horas de descanso", "Mi cuenta");
            browser.open(url(teacher, "/"));
            assertThat(browser.text()).contains("Bienvenidos a CM1", "Docente");
            scan(browser, "teacher, home in Spanish");
        }
        // Remembered for the user: a new browser signs in and speaks Spanish at once.
        try (RealBrowser other = RealBrowser.start()) {
            signIn(other, teacher);
            assertThat(other.text()).contains("Docente", "Mi cuenta");
        }
    }

    @Test
    void a_pupil_on_a_phone_has_the_whole_portal_within_the_screen() {
        try (RealBrowser phone = RealBrowser.start(new Dimension(390, 844))) {
            signIn(phone, pupil);
            assertThat(phone.text()).contains("Élève", "École Louise Michel");
            for (String path : List.of("/", "/notifications", "/notifications/settings")) {
                phone.open(url(pupil, path));
                assertThat(phone.contentWidth()).as(path).isLessThanOrEqualTo(phone.viewportWidth());
                scan(phone, "pupil, phone, " + path);
            }
            assertThat(phone.text()).doesNotContain("Collège Jean Jaurès");
        }
    }

    @Test
    void a_parent_of_another_collectivity_sees_only_theirs_and_a_form_survives_an_expired_session() {
        try (RealBrowser browser = RealBrowser.start()) {
            signIn(browser, parent);
            assertThat(browser.text()).contains("Parent", "Collège Jean Jaurès").doesNotContain("Louise Michel");
            assertThat(browser.text()).doesNotContain("Bienvenue en CM1");
            browser.open(url(parent, "/notifications/settings"));
            scan(browser, "parent, notification settings");
            fill(browser, "from-0", "21:00");
            fill(browser, "to-0", "24:00");
            browser.click(By.cssSelector("input[name='day.0'][value='WEDNESDAY']"));
            // The session ends while the form is being filled (the server forgets it: the cookie goes).
            browser.driver().manage().getCookies().stream().filter(c -> c.getName().startsWith("JSESSIONID"))
                    .forEach(c -> browser.driver().manage().deleteCookie(c));
            submit(browser, "quiet-hours");
            // Keycloak's session still stands: back at once, on the page that keeps what was typed.
            browser.awaitUrlStartingWith(url(parent, "/form-recovery"));
            assertThat(browser.text()).contains("Vos saisies sont conservées", "21:00", "WEDNESDAY");
            scan(browser, "parent, recovered form");
            clickAndWait(browser, By.cssSelector("main form button"));
            assertThat(browser.text()).contains("Vos réglages sont enregistrés");
            assertThat(value(browser, "from-0")).isEqualTo("21:00");
        }
    }

    private static Person person(DirectoryApi d, String profile, String school, List<String> classes,
            List<String> children) throws Exception {
        var body = Json.createObjectBuilder().add("profile", profile).add("lastName", profile + DirectoryApi.letters(4))
                .add("firstName", "Sacha").add("structureId", school)
                .add("classIds", Json.createArrayBuilder(classes)).add("childIds", Json.createArrayBuilder(children));
        HttpResponse<String> created = platform.postJson(d.host, "/api/directory/users", body.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Platform.json(created).getString("id");
        String username = profile.toLowerCase(java.util.Locale.ROOT) + "-" + id.substring(0, 8);
        platform.keycloak().ensureUser(Realms.ofCollectivity(slug(d)), username, "Sacha", profile, PASSWORD,
                List.of(profile), Map.of("ent_user_id", id));
        return new Person(d, profile, username, id);
    }

    private static void signIn(RealBrowser browser, Person p) {
        PortalSteps.signIn(browser, url(p, ""), p.username(), PASSWORD);
    }

    private static List<String> favourites(RealBrowser browser) {
        return browser.driver().findElements(By.cssSelector(".favourites li > a")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    private static String url(Person p, String path) {
        return "http://" + p.collectivity().host + ":" + platform.server().runtimeBase().getPort() + path;
    }

    private static String slug(DirectoryApi d) {
        return d.host.substring(0, d.host.indexOf('.'));
    }
}
