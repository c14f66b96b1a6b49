package fr.ent.platform.it.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's BE1D imports and activation letters over HTTP on the real platform (ADR 0023, docs/console.md):
 * a dry run is kept and applied once on confirmation, a stale one is refused, bad files get their reason and
 * nothing is kept; a local administrator of school X reaches nothing of school Y by guessed ids, a teacher nothing,
 * another collectivity's administrator nothing (in their console, or with their token at tenant-manager), a change
 * without the session's token nothing; letters are a PDF with one page per person waiting for activation.
 */
class ConsoleImportIT {

    static final Platform PLATFORM = Platform.get();
    static final EnumSet<ConsoleRoute> OURS = EnumSet.range(ConsoleRoute.IMPORTS, ConsoleRoute.LETTERS);
    static final Pattern IMPORT_URL = Pattern.compile("/console/imports/([0-9a-f-]{36})");
    static ClassFixture a;
    static DirectoryApi b;
    static String slugB;
    static LoginAgent superA;
    static LoginAgent localA;
    static LoginAgent superB;

    @BeforeAll
    static void twoCollectivitiesTheirAdministratorsAndALocalOne() throws Exception {
        a = ClassFixture.create("imports-a");
        b = DirectoryApi.newCollectivity("imports-b");
        slugB = b.host.substring(0, b.host.indexOf('.'));
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "admin.imports", "Irène", "Centrale",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(a.slug), "adml.imports", "Ilan", "Local",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", a.uaiA));
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugB), "admin.imports.b", "Bea", "Centrale",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        superA = Logins.portal(PLATFORM, a.domain(), "admin.imports", ClassFixture.PASSWORD);
        localA = Logins.portal(PLATFORM, a.domain(), "adml.imports", ClassFixture.PASSWORD);
        superB = Logins.portal(PLATFORM, b.host, "admin.imports.b", ClassFixture.PASSWORD);
    }

    @Test
    void a_dry_run_changes_nothing_until_confirmed_then_is_applied_once_and_kept_in_the_history() {
        Page dryRun = upload(superA, a.schoolA, pupils("CE2", "ANTOINE", "Basile"));
        String id = importId(dryRun);
        HttpResponse<String> shown = superA.get(url(a.domain(), "/console/imports/" + id + "?done=dry-run").toString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Simulation en attente de confirmation", "élève ANTOINE Basile",
                "classe « CE2 »", "absent(e) de l'annuaire : créé(e)", "Lignes rejetées : 1",
                "date de naissance invalide", "/console/imports/" + id + "/confirm");
        assertThat(classesOfA()).doesNotContain("CE2");

        HttpResponse<String> confirmed = superA.send("POST", url(a.domain(), "/console/imports/" + id + "/confirm"),
                token(superA));
        assertThat(confirmed.statusCode()).isIn(302, 303);
        assertThat(superA.get(url(a.domain(), "/console/imports/" + id).toString()).body())
                .contains("Appliqué", "Ce que l'import a fait").doesNotContain("/confirm\"");
        assertThat(classesOfA()).contains("CE2");
        // applied once: a second confirmation (another tab, a double click) is refused with its reason
        HttpResponse<String> again = superA.send("POST", url(a.domain(), "/console/imports/" + id + "/confirm"),
                token(superA));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Import déjà traité");
        // the audit trail keeps both: the confirmation done, the second one refused (ADR 0024)
        // (outcome names are also the filter's options: the rows are found by their target, the confirmation's path)
        String confirmPath = "/console/imports/" + id + "/confirm";
        assertThat(superA.get(url(a.domain(), "/console/audit?action=IMPORT_CONFIRM&outcome=DONE").toString())
                .body()).contains(confirmPath);
        assertThat(superA.get(url(a.domain(), "/console/audit?action=IMPORT_CONFIRM&outcome=REFUSED").toString())
                .body()).contains(confirmPath);
        assertThat(superA.get(url(a.domain(), "/console/imports/schools/" + a.schoolA).toString()).body())
                .contains("/console/imports/" + id, "Appliqué", "admin.imports");
    }

    @Test
    void a_dry_run_made_stale_by_a_change_is_refused_and_applies_nothing() {
        String id = importId(upload(superA, a.schoolA, pupils("CM1 bis", "BERTIN", "Capucine")));
        a.api.createClass(a.schoolA, "Atelier " + DirectoryApi.letters(6)); // the school's directory changes
        HttpResponse<String> confirmed = superA.send("POST", url(a.domain(), "/console/imports/" + id + "/confirm"),
                token(superA));
        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(confirmed.body()).contains("Simulation périmée", "rien n'a été importé");
        assertThat(classesOfA()).doesNotContain("CM1 bis");
        assertThat(superA.get(url(a.domain(), "/console/imports/" + id).toString()).body())
                .contains("Simulation périmée : rien n'a été modifié").doesNotContain("/confirm\"");
    }

    @Test
    void bad_files_get_their_reason_and_nothing_is_kept() {
        String historyBefore = history();
        Map<String, Page> refused = new LinkedHashMap<>();
        refused.put("Nom Elève", upload(superA, a.schoolA, Map.of("eleves",
                "Nom;Prénom\nX;Y\n".getBytes(StandardCharsets.ISO_8859_1))));
        refused.put("pas un fichier texte CSV", upload(superA, a.schoolA, Map.of("eleves",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1})));
        refused.put("dépasse 10 Mo", upload(superA, a.schoolA, Map.of("responsables", new byte[11 * 1024 * 1024])));
        refused.put("pas un fichier texte CSV (tableur", upload(superA, a.schoolA, Map.of("enseignants",
                "Nom;Prénom;Classe\n".getBytes(StandardCharsets.UTF_16))));
        refused.put("Import vide", upload(superA, a.schoolA, Map.of()));
        refused.forEach((reason, answer) -> {
            assertThat(answer.statusCode()).as(reason).isIn(400, 413);
            assertThat(answer.body()).as(reason).contains(reason, "class=\"console-error\"");
        });
        assertThat(history()).isEqualTo(historyBefore);
    }

    @Test
    void a_local_administrator_reaches_nothing_of_the_other_school_nor_a_teacher_anything() throws Exception {
        String ofB = importId(upload(superA, a.schoolB, pupils("CE1", "CARON", "Denis")));
        String ofA = importId(upload(superA, a.schoolA, pupils("CE1", "DUMAS", "Elise")));
        String token = token(localA);
        assertThat(localA.get(url(a.domain(), "/console/imports/" + ofA).toString()).statusCode()).isEqualTo(200);
        for (String path : List.of("/console/imports/schools/" + a.schoolB, "/console/imports/" + ofB,
                "/console/activation/schools/" + a.schoolB)) {
            assertThat(localA.get(url(a.domain(), path).toString()).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(upload(localA, a.schoolB, pupils("CE1", "PIRATE", "Paul")).statusCode()).isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/imports/" + ofB + "/confirm"), token).statusCode())
                .isEqualTo(403);
        assertThat(localA.send("POST", url(a.domain(), "/console/activation/schools/" + a.schoolB + "/letters"),
                token + "&class=" + a.cm2).statusCode()).isEqualTo(403);
        // its own school (ADR 0029): the accounts of a class, and the letters of those still waiting (one here)
        assertThat(localA.get(url(a.domain(), "/console/activation/schools/" + a.schoolA + "?class=" + a.cp)
                .toString()).body()).contains("lea.durand", "Activé");
        String waiting = a.api.createClass(a.schoolA, "CE2 " + DirectoryApi.letters(4)).getString("id");
        a.api.createUser("Student", "Vidal", "Inès", a.schoolA, List.of(waiting), List.of());
        HttpResponse<byte[]> letters = localA.sendBytes("POST", url(a.domain(), "/console/activation/schools/"
                + a.schoolA + "/letters"), "application/x-www-form-urlencoded",
                (token + "&class=" + waiting).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(letters.statusCode()).isEqualTo(200);
        assertThat(letters.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        // tenant-manager itself, asked with the local administrator's own token: another school's pupil, alone or
        // among its own, is refused; its own pupil is answered
        String localToken = "Bearer " + fr.ent.platform.it.identity.Logins.accessToken(PLATFORM, a.slug, a.domain(),
                "adml.imports", ClassFixture.PASSWORD);
        for (String what : List.of("status", "letters")) {
            assertThat(adminApiAs(localToken, a.slug, what, "{\"entUserIds\":[\"" + a.zoe + "\"]}").statusCode())
                    .as(what).isEqualTo(403);
            assertThat(adminApiAs(localToken, a.slug, what, "{\"entUserIds\":[\"" + a.lea + "\",\"" + a.zoe
                    + "\"]}").statusCode()).as(what).isEqualTo(403);
        }
        assertThat(adminApiAs(localToken, a.slug, "status", "{\"entUserIds\":[\"" + a.lea + "\"]}").body())
                .contains("ACTIVATED");
        assertThat(adminApiAs(localToken, slugB, "status", "{\"entUserIds\":[]}").statusCode()).isEqualTo(403);
        // a class of the other school named on its own school's form
        assertThat(superA.send("POST", url(a.domain(), "/console/activation/schools/" + a.schoolA + "/letters"),
                token(superA) + "&class=" + a.cm2).statusCode()).isEqualTo(404);
        assertThat(superA.get(url(a.domain(), "/console/imports/" + ofB).toString()).body())
                .contains("Simulation en attente de confirmation");

        // a teacher: 403 on every import and letters route
        LoginAgent teacher = Logins.portal(PLATFORM, a.domain(), "sophie.martin", ClassFixture.PASSWORD);
        String teacherToken = token(teacher);
        for (ConsoleRoute route : OURS) {
            String id = route == ConsoleRoute.IMPORT || route == ConsoleRoute.IMPORT_CONFIRM ? ofA : a.schoolA;
            assertThat(teacher.send(route.method(), url(a.domain(), route.path(id)),
                    route.changes() ? teacherToken + "&class=" + a.cp : null).statusCode()).as(route.pattern())
                    .isEqualTo(403);
        }
    }

    @Test
    void another_collectivitys_administrator_and_a_missing_token_get_nothing() throws Exception {
        String ofA = importId(upload(superA, a.schoolA, pupils("CE1", "FABRE", "Gaston")));
        String tokenB = token(superB);
        assertThat(superB.get(url(b.host, "/console/imports/" + ofA).toString()).statusCode()).isEqualTo(404);
        assertThat(superB.send("POST", url(b.host, "/console/imports/" + ofA + "/confirm"), tokenB).statusCode())
                .isEqualTo(404);
        assertThat(superB.get(url(b.host, "/console/imports/schools/" + a.schoolA).toString()).statusCode())
                .isEqualTo(404);
        assertThat(upload(superB, b.host, a.schoolA, pupils("CE1", "PIRATE", "Paul"), true).statusCode())
                .isEqualTo(404);
        // no token, a wrong one: refused, whatever the form
        assertThat(upload(superA, a.domain(), a.schoolA, pupils("CE1", "SANS", "Jeton"), false).statusCode())
                .isEqualTo(403);
        assertThat(superA.send("POST", url(a.domain(), "/console/imports/" + ofA + "/confirm"), "csrf=faux")
                .statusCode()).isEqualTo(403);
        assertThat(superA.send("POST", url(a.domain(), "/console/activation/schools/" + a.schoolA + "/letters"),
                "class=" + a.cp).statusCode()).isEqualTo(403);
        assertThat(superA.get(url(a.domain(), "/console/imports/" + ofA).toString()).body())
                .contains("Simulation en attente de confirmation");
        // tenant-manager: A's administrator token naming B is refused; naming B's people in A, they are nobody
        for (String what : List.of("status", "letters")) {
            assertThat(adminApi(a.slug, slugB, what, "{\"entUserIds\":[]}").statusCode()).as(what).isEqualTo(403);
        }
        String someoneOfB = b.createUser("Student", "Berger", "Hector", b.createStructure(DirectoryApi.randomUai(),
                "École de B", "ECOLE").getString("id"), List.of(), List.of()).getString("id");
        HttpResponse<String> nobody = adminApi(a.slug, a.slug, "letters", "{\"entUserIds\":[\"" + someoneOfB + "\"]}");
        assertThat(nobody.statusCode()).isEqualTo(409);
        assertThat(nobody.body()).contains("letters-empty");
        assertThat(adminApi(a.slug, a.slug, "status", "{\"entUserIds\":[\"" + someoneOfB + "\"]}").body())
                .isEqualTo("{\"accounts\":[]}");
    }

    @Test
    void letters_are_one_page_per_person_waiting_and_activated_accounts_get_none() throws Exception {
        // CP's pupils (the fixture's) have activated accounts: no letter
        HttpResponse<byte[]> none = superA.sendBytes("POST", url(a.domain(), "/console/activation/schools/"
                + a.schoolA + "/letters"), "application/x-www-form-urlencoded",
                (token(superA) + "&class=" + a.cp + "&audience=STUDENTS").getBytes(StandardCharsets.UTF_8));
        assertThat(none.statusCode()).isEqualTo(409);
        // a class imported a moment ago: three new pupils, three pages, one code each
        String className = "CM2 " + DirectoryApi.letters(4);
        String id = importId(upload(superA, a.schoolA, Map.of("eleves", ("Nom Elève;Prénom Elève;Date naissance;Classe\n"
                + "GIRAUD;Hélène;2016-01-02;" + className + "\nHENRY;Igor;2016-02-03;" + className
                + "\nJOLY;Jade;2016-03-04;" + className + "\n").getBytes(StandardCharsets.ISO_8859_1))));
        superA.send("POST", url(a.domain(), "/console/imports/" + id + "/confirm"), token(superA));
        String classId = jakarta.json.Json.createReader(new java.io.StringReader(classesOfA())).readArray()
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(c -> c.getString("name").equals(className))
                .findFirst().orElseThrow().getString("id");
        HttpResponse<byte[]> letters = superA.sendBytes("POST", url(a.domain(), "/console/activation/schools/"
                + a.schoolA + "/letters"), "application/x-www-form-urlencoded",
                (token(superA) + "&class=" + classId + "&audience=STUDENTS").getBytes(StandardCharsets.UTF_8));
        assertThat(letters.statusCode()).isEqualTo(200);
        assertThat(letters.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(letters.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        try (PDDocument pdf = Loader.loadPDF(letters.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hélène GIRAUD", "helene.giraud", "Igor HENRY", "Jade JOLY", a.domain());
        }
        assertThat(superA.get(url(a.domain(), "/console/activation/schools/" + a.schoolA + "?class=" + classId)
                .toString()).body()).contains("helene.giraud", "En attente d'activation",
                        "Élèves : 3, dont 0 compte(s) activé(s)");
    }

    /** Uploads files to a school's import form as the browser does, with the session's token. */
    static Page upload(LoginAgent who, String schoolId, Map<String, byte[]> files) {
        return upload(who, a.domain(), schoolId, files, true);
    }

    static Page upload(LoginAgent who, String domain, String schoolId, Map<String, byte[]> files,
            boolean withToken) {
        Multipart body = Multipart.of(withToken ? Map.of("csrf", ConsoleIT.csrf(who, domain)) : Map.of(), files);
        HttpResponse<byte[]> r = who.sendBytes("POST", url(domain, "/console/imports/schools/" + schoolId),
                body.contentType(), body.body());
        return new Page(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                r.headers().firstValue("Location").orElse(""));
    }

    /** An answer to an upload: status, page, where it redirects. */
    record Page(int statusCode, String body, String location) {
    }

    /** Two pupils of a class, and a line with a bad date (rejected). */
    static Map<String, byte[]> pupils(String className, String lastName, String firstName) {
        String csv = "Nom Elève;Prénom Elève;Date naissance;Classe\n" + lastName + ";" + firstName + ";2016-05-06;"
                + className + "\n" + lastName + ";Second;2016-07-08;" + className + "\nNUL;Date;31/02/2016;"
                + className + "\n";
        return Map.of("eleves", csv.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String importId(Page dryRun) {
        assertThat(dryRun.statusCode()).as(dryRun.body()).isIn(302, 303);
        Matcher m = IMPORT_URL.matcher(dryRun.location());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String token(LoginAgent who) {
        return "csrf=" + LoginAgent.encode(ConsoleIT.csrf(who, who == superB ? b.host : a.domain()));
    }

    static String classesOfA() {
        return PLATFORM.get(a.domain(), "/api/directory/structures/" + a.schoolA + "/classes").body();
    }

    static String history() {
        // the imports the history lists, by their ids
        Matcher ids = IMPORT_URL.matcher(superA.get(url(a.domain(), "/console/imports/schools/" + a.schoolA)
                .toString()).body());
        StringBuilder listed = new StringBuilder();
        while (ids.find()) {
            listed.append(ids.group(1)).append(' ');
        }
        return listed.toString();
    }

    static HttpResponse<String> adminApi(String tokenOf, String slug, String what, String json) throws Exception {
        return adminApiAs(PLATFORM.administrator(tokenOf).authorization(), slug, what, json);
    }

    static HttpResponse<String> adminApiAs(String authorization, String slug, String what, String json)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(PLATFORM.server().adminBase()
                                + "/collectivities/" + slug + "/accounts/activation/" + what))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI url(String domain, String path) {
        return ConsoleIT.url(domain, path);
    }
}
