package fr.ent.platform.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.it.branding.TestLogos;
import fr.ent.platform.it.directory.ClassFixture;
import fr.ent.platform.it.directory.DirectoryApi;
import fr.ent.platform.it.identity.Logins;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's apps, look, service and audit trail over HTTP on the real platform (docs/console.md, ADR 0024): a
 * collectivity A with two schools, its SUPER_ADMIN and the local administrator of one school, and a collectivity B
 * with its SUPER_ADMIN. Apps, look and service are A's SUPER_ADMIN's only; A's token gets nothing of B at
 * tenant-manager; a change without the session's token is refused; a bad logo and low-contrast colours are refused
 * with their reason (the ratio shown) and change nothing; every change is in A's audit trail, which the local
 * administrator reads for its school only and B's administrator not at all; the database refuses to rewrite it.
 */
class ConsoleLookIT {

    static final Platform PLATFORM = Platform.get();
    static DirectoryApi a;
    static String slugA;
    static String schoolA;
    static String uaiA;
    static String schoolB;
    static String uaiB;
    static DirectoryApi b;
    static String slugB;
    static LoginAgent superA;
    static LoginAgent localA;
    static LoginAgent superB;

    @BeforeAll
    static void twoCollectivitiesAndTheirAdministrators() throws Exception {
        a = DirectoryApi.newCollectivity("look-a");
        slugA = a.host.substring(0, a.host.indexOf('.'));
        uaiA = DirectoryApi.randomUai();
        uaiB = DirectoryApi.randomUai();
        schoolA = a.createStructure(uaiA, "École Pasteur", "ECOLE").getString("id");
        schoolB = a.createStructure(uaiB, "École Curie", "ECOLE").getString("id");
        b = DirectoryApi.newCollectivity("look-b");
        slugB = b.host.substring(0, b.host.indexOf('.'));
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugA), "admin.look", "Alice", "Centrale",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugA), "adml.look", "Louis", "Local",
                ClassFixture.PASSWORD, List.of(RealmRoles.ADMIN_LOCAL, RealmRoles.PERSONNEL),
                Map.of("admin_structures", uaiA));
        PLATFORM.keycloak().ensureUser(Realms.ofCollectivity(slugB), "admin.look.b", "Bérénice", "Centrale",
                ClassFixture.PASSWORD, List.of(RealmRoles.SUPER_ADMIN), Map.of());
        superA = Logins.portal(PLATFORM, a.host, "admin.look", ClassFixture.PASSWORD);
        localA = Logins.portal(PLATFORM, a.host, "adml.look", ClassFixture.PASSWORD);
        superB = Logins.portal(PLATFORM, b.host, "admin.look.b", ClassFixture.PASSWORD);
    }

    @Test
    void apps_look_and_service_are_the_collectivitys_administrators_and_nobody_elses() throws Exception {
        String token = "csrf=" + LoginAgent.encode(csrf(localA, a.host));
        JsonObject brandingBefore = branding(slugA);
        for (String path : List.of("/console/apps", "/console/look", "/console/service",
                "/console/service/report?format=pdf", "/console/compliance/pdf")) {
            assertThat(localA.get(url(a.host, path).toString()).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(localA.send("POST", url(a.host, "/console/apps"), token + "&app=diary&enabled=false")
                .statusCode()).isEqualTo(403);
        assertThat(localA.send("POST", url(a.host, "/console/look/colours"), token + "&primary=%23123456")
                .statusCode()).isEqualTo(403);
        assertThat(localA.sendMultipart(url(a.host, "/console/look/logo"), Map.of("csrf", csrf(localA, a.host)),
                "logo", "logo.png", "image/png", TestLogos.png(Color.BLUE)).statusCode()).isEqualTo(403);
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/apps", null))
                .get("enabled").toString()).as("every app, or a list with the diary").satisfiesAnyOf(
                        t -> assertThat(t).isEqualTo("null"), t -> assertThat(t).contains("diary"));
        assertThat(branding(slugA)).as("look unchanged").isEqualTo(brandingBefore);

        // A's administrator token, sent to tenant-manager for B's apps, look and reports: refused there
        for (String[] call : List.of(new String[] {"PUT", "apps", "{\"enabled\":[\"directory\"]}"},
                new String[] {"PUT", "branding", "{\"primaryColor\":\"#123456\"}"},
                new String[] {"GET", "sla-report", null}, new String[] {"PATCH", "", "{\"displayName\":\"Pirate\"}"})) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PLATFORM.server().adminBase()
                            + "/collectivities/" + slugB + (call[1].isEmpty() ? "" : "/" + call[1])))
                    .header("Authorization", PLATFORM.administrator(slugA).authorization())
                    .header("Content-Type", "application/json")
                    .method(call[0], call[2] == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call[2]));
            assertThat(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
        }
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugB + "/apps", null))
                .isNull("enabled")).isTrue();
        // and B's console shows B's own look
        assertThat(superB.get(url(b.host, "/console/look").toString()).body())
                .doesNotContain("#123456");
    }

    @Test
    void a_change_without_the_sessions_token_is_refused_and_changes_nothing() {
        JsonObject before = branding(slugA);
        assertThat(superA.send("POST", url(a.host, "/console/apps"), "app=diary&enabled=false").statusCode())
                .isEqualTo(403);
        assertThat(superA.send("POST", url(a.host, "/console/look/colours"), "csrf=faux&primary=%23123456")
                .statusCode()).isEqualTo(403);
        assertThat(superA.sendMultipart(url(a.host, "/console/look/logo"), Map.of(), "logo", "logo.png",
                "image/png", TestLogos.png(Color.BLUE)).statusCode()).isEqualTo(403);
        assertThat(branding(slugA)).isEqualTo(before);
    }

    /** The collectivity's look as tenant-manager has it (colours, logo), to compare before and after. */
    private static JsonObject branding(String slug) {
        return Platform.json(PLATFORM.admin("GET", "/collectivities/" + slug + "/branding", null));
    }

    @Test
    void an_app_is_disabled_then_enabled_again_and_the_portal_follows() throws Exception {
        String token = "csrf=" + LoginAgent.encode(csrf(superA, a.host));
        assertThat(superA.get(url(a.host, "/console/apps").toString()).body())
                .contains("Cahier de textes", "Désactiver Cahier de textes").doesNotContain("value=\"console\"");
        HttpResponse<String> off = superA.send("POST", url(a.host, "/console/apps"), token + "&app=diary&enabled=false");
        assertThat(off.statusCode()).isIn(302, 303);
        assertThat(superA.follow(off, null).body()).contains("Application désactivée.", "Activer Cahier de textes");
        JsonObject apps = Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/apps", null));
        assertThat(apps.getJsonArray("enabled").toString()).doesNotContain("diary").contains("directory");
        awaitStatus(superA, "/diary", 404);

        assertThat(superA.send("POST", url(a.host, "/console/apps"), token + "&app=diary&enabled=true")
                .statusCode()).isIn(302, 303);
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/apps", null))
                .isNull("enabled")).as("back to every app").isTrue();
        // an app the platform does not have is refused with the list
        HttpResponse<String> unknown = superA.send("POST", url(a.host, "/console/apps"),
                token + "&app=astrologie&enabled=true");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("astrologie");
    }

    @Test
    void colours_below_the_contrast_threshold_and_bad_logos_are_refused_with_their_reason() {
        String csrf = csrf(superA, a.host);
        String token = "csrf=" + LoginAgent.encode(csrf);
        HttpResponse<String> pale = superA.send("POST", url(a.host, "/console/look/colours"),
                token + "&primary=" + LoginAgent.encode("#ffcc00") + "&accent=");
        assertThat(pale.statusCode()).isEqualTo(400);
        assertThat(pale.body()).contains("Couleur principale refusée : #ffcc00 n'a qu'un contraste de 1,51:1",
                "value=\"#ffcc00\"");
        HttpResponse<String> word = superA.send("POST", url(a.host, "/console/look/colours"),
                token + "&primary=rouge");
        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(word.body()).contains("« rouge » n'est pas une couleur #rrggbb");
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/branding", null))
                .isNull("primaryColor")).isTrue();

        HttpResponse<String> saved = superA.send("POST", url(a.host, "/console/look/colours"),
                token + "&primary=" + LoginAgent.encode("#1F4E79") + "&accent=" + LoginAgent.encode("#000091"));
        assertThat(saved.statusCode()).isIn(302, 303);
        assertThat(superA.follow(saved, null).body()).contains("Couleurs enregistrées.", "value=\"#1f4e79\"");
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/branding", null))
                .getString("primaryColor")).isEqualTo("#1f4e79");

        HttpResponse<String> text = superA.sendMultipart(url(a.host, "/console/look/logo"), Map.of("csrf", csrf),
                "logo", "logo.png", "image/png", "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("Logo refusé : « logo.png » n'est pas une image PNG, JPEG ou WebP.");
        byte[] big = Arrays.copyOf(TestLogos.png(Color.RED), 150 * 1024);
        HttpResponse<String> tooBig = superA.sendMultipart(url(a.host, "/console/look/logo"), Map.of("csrf", csrf),
                "logo", "grand.png", "image/png", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("l'image dépasse 100 Kio");
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/branding", null))
                .isNull("logoSha256")).isTrue();

        // a real image is kept (sent as the browser names it; the console tells its real type)
        HttpResponse<String> logo = superA.sendMultipart(url(a.host, "/console/look/logo"), Map.of("csrf", csrf),
                "logo", "logo.png", "application/octet-stream", TestLogos.png(Color.BLUE));
        assertThat(logo.statusCode()).isIn(302, 303);
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA + "/branding", null))
                .getString("logoSha256")).hasSize(64);
        HttpResponse<String> renamed = superA.send("POST", url(a.host, "/console/look/name"),
                token + "&name=" + LoginAgent.encode("Ville d'Essai (console)"));
        assertThat(renamed.statusCode()).isIn(302, 303);
        assertThat(Platform.json(PLATFORM.admin("GET", "/collectivities/" + slugA, null)).getString("displayName"))
                .isEqualTo("Ville d'Essai (console)");
        assertThat(superA.send("POST", url(a.host, "/console/look/name"), token + "&name=%20").statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_service_page_shows_figures_or_says_plainly_why_there_are_none() {
        HttpResponse<String> page = superA.get(url(a.host, "/console/service").toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsAnyOf("Disponibilité mesurée", "Les mesures de disponibilité")
                .contains("Rapports mensuels");
        HttpResponse<String> pdf = superA.get(url(a.host, "/console/service/report?format=pdf").toString());
        assertThat(pdf.statusCode()).isIn(200, 503);
        if (pdf.statusCode() == 200) {
            assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/pdf"));
            assertThat(pdf.body()).startsWith("%PDF-");
        } else {
            assertThat(pdf.body()).contains("Les mesures de disponibilité");
        }
        HttpResponse<String> compliance = superA.get(url(a.host, "/console/compliance/pdf").toString());
        assertThat(compliance.statusCode()).isEqualTo(200);
        assertThat(compliance.body()).startsWith("%PDF-");
    }

    @Test
    void every_change_is_in_the_audit_trail_read_within_each_administrators_scope() throws Exception {
        String token = "csrf=" + LoginAgent.encode(csrf(superA, a.host));
        assertThat(superA.send("POST", url(a.host, "/console/schools/" + schoolA),
                token + "&name=" + LoginAgent.encode("École Louis Pasteur") + "&uai=" + uaiA + "&type=ECOLE")
                .statusCode()).isIn(302, 303);
        assertThat(superA.send("POST", url(a.host, "/console/schools/" + schoolB),
                token + "&name=" + LoginAgent.encode("École Marie Curie") + "&uai=" + uaiB + "&type=ECOLE")
                .statusCode()).isIn(302, 303);
        assertThat(superA.send("POST", url(a.host, "/console/look/colours"), token + "&primary=%23ffff00")
                .statusCode()).isEqualTo(400);

        String all = superA.get(url(a.host, "/console/audit").toString()).body();
        // (action names are also the filter's options: the rows are told apart by what only they hold)
        assertThat(all).contains("Modifier un établissement", "École Louis Pasteur", "École Marie Curie",
                "#ffff00 n'a qu'un contraste de", "Refusée", "<td>admin.look</td>", uaiA);
        String refused = superA.get(url(a.host, "/console/audit?outcome=REFUSED").toString()).body();
        assertThat(refused).contains("#ffff00").doesNotContain("École Marie Curie");
        String byAction = superA.get(url(a.host, "/console/audit?action=SCHOOL_UPDATE&actor=ADMIN.LOOK").toString())
                .body();
        assertThat(byAction).contains("École Louis Pasteur").doesNotContain("#ffff00");

        // the local administrator of school A reads what concerns its school, nothing else
        String local = localA.get(url(a.host, "/console/audit").toString()).body();
        assertThat(local).contains("École Louis Pasteur").doesNotContain("École Marie Curie", "#ffff00");
        // B's administrator: none of A's entries
        assertThat(superB.get(url(b.host, "/console/audit").toString()).body())
                .doesNotContain("École Louis Pasteur", "#ffff00", "<td>admin.look</td>");

        // append-only: the database itself refuses to rewrite or erase it
        String table = "t_" + slugA.replace('-', '_') + ".console_audit";
        try (Connection c = PLATFORM.database().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET detail = 'effacé'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + table))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE " + table))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    /** The status the page answers, once the runtime's registry cache has the change (within seconds). */
    private static void awaitStatus(LoginAgent browser, String path, int status) throws InterruptedException {
        int last = 0;
        for (int i = 0; i < 40; i++) {
            last = browser.get(url(a.host, path).toString()).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(last).as(path).isEqualTo(status);
    }

    static String csrf(LoginAgent browser, String domain) {
        return LoginAgent.inputValue(browser.get(url(domain, "/").toString()), "csrf").orElseThrow();
    }

    static URI url(String domain, String path) {
        return URI.create("http://" + domain + ":" + PLATFORM.server().runtimeBase().getPort() + path);
    }
}
