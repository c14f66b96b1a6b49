package fr.ent.platform.apps.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.console.apps.ConsoleApps;
import fr.ent.platform.apps.console.audit.AuditEntry;
import fr.ent.platform.apps.console.audit.AuditQuery;
import fr.ent.platform.apps.console.audit.AuditTarget;
import fr.ent.platform.apps.console.audit.ConsoleAudit;
import fr.ent.platform.apps.console.audit.Outcome;
import fr.ent.platform.apps.console.look.ConsoleLook;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.service.ConsoleService;
import fr.ent.platform.apps.console.service.SlaSummary;
import fr.ent.platform.apps.console.tenantmanager.RemoteProblem;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The apps, look, service and audit pages render in the three languages with what the pages give them, escape what
 * administrators typed, and say what they must: the ratio of a refused colour, why there are no SLA figures, the
 * audit entries' outcome.
 */
class ConsoleLookTemplatesTest {

    static final ConsoleScope SUPER = new ConsoleScope(true, Set.of(), "admin");
    static final ConsoleScope LOCAL = new ConsoleScope(false, Set.of("0693331W"), "adml");
    static final SlaSummary SLA = new SlaSummary("2026-12", false, "standard", "99.8", 99.9583, 89.28, 2.1, 2.35,
            87.18, true, 40, Instant.parse("2026-11-30T23:00:00Z"), Instant.parse("2026-12-04T17:00:00Z"),
            List.of(new SlaSummary.Incident(Instant.parse("2026-12-02T06:00:00Z"),
                    Instant.parse("2026-12-02T06:10:00Z"), 10, 1.5, 30)));
    static final ConsoleAudit.Page ENTRIES = new ConsoleAudit.Page(List.of(
            new AuditEntry(2, Instant.parse("2026-12-04T10:00:00Z"), "admin.lyon", "APPS_SET",
                    AuditTarget.collectivityWide("app", "diary", "Cahier <b>de textes</b>"), Outcome.DONE, "disabled"),
            new AuditEntry(1, Instant.parse("2026-12-04T09:00:00Z"), "admin.lyon", "SOMEONE_ELSES_ACTION",
                    AuditTarget.inSchools("school", "x", "École", Set.of("0693331W")), Outcome.REFUSED, "non")),
            true);

    @Test
    void every_page_renders_in_every_language() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"))) {
            render("apps.jte", locale, SUPER, "apps", List.of(new ConsoleApps.App("diary", "Cahier de textes", true),
                    new ConsoleApps.App("flash", "Flash", false)), "done", "app-off");
            render("look.jte", locale, SUPER, "look", new ConsoleLook.Look("Lyon", "#000091", null, true),
                    "error", "refusé", "typedPrimary", "#ffcc00", "typedAccent", null, "logoPath",
                    "/branding/logo?v=1", "done", "colours");
            render("service.jte", locale, SUPER, "status", new ConsoleService.Status(Optional.of(SLA),
                    Optional.empty(), List.of("2026-12", "2026-11")));
            render("service.jte", locale, SUPER, "status", new ConsoleService.Status(Optional.empty(),
                    Optional.of(new RemoteProblem(503, "prometheus-not-configured", "t", "d")), List.of()));
            for (ConsoleScope scope : List.of(SUPER, LOCAL)) {
                render("audit.jte", locale, scope, "query", AuditQuery.of(null, null, null, "2"), "found", ENTRIES,
                        "actions", List.of("APPS_SET", "LOOK_COLOURS"));
            }
        }
    }

    @Test
    void pages_say_what_they_must_and_escape_what_was_typed() {
        String look = render("look.jte", Locale.FRENCH, SUPER, "look", new ConsoleLook.Look("Lyon \"<i>\"", null,
                null, false), "error", "Couleur principale refusée : #ffcc00 n'a qu'un contraste de 1,51:1",
                "typedPrimary", "\"><script>", "typedAccent", null, "logoPath", null, "done", null);
        assertThat(look).contains("role=\"alert\"", "contraste de 1,51:1", "enctype=\"multipart/form-data\"",
                "Pas de logo.", "name=\"csrf\" value=\"jeton\"").doesNotContain("<script>", "<i>");

        String none = render("service.jte", Locale.FRENCH, SUPER, "status", new ConsoleService.Status(
                Optional.empty(), Optional.of(new RemoteProblem(503, "prometheus-not-configured", "t",
                        "Aucune source de mesures n'est configurée.")), List.of("2026-12")));
        assertThat(none).contains("Les mesures de disponibilité ne sont pas configurées sur cette plateforme.",
                "Aucune source de mesures", "/console/service/report?month=2026-12&amp;format=pdf");
        String figures = render("service.jte", Locale.FRENCH, SUPER, "status", new ConsoleService.Status(
                Optional.of(SLA), Optional.empty(), List.of("2026-12")));
        assertThat(figures).contains("99,958 %", "Objectif tenu jusqu'ici.", "87,2 min", "1 incident");

        String audit = render("audit.jte", Locale.FRENCH, LOCAL, "query", AuditQuery.of(null, null, null, null),
                "found", ENTRIES, "actions", List.of("APPS_SET"));
        assertThat(audit).contains("Activer ou désactiver une application", "SOMEONE_ELSES_ACTION", "Refusée",
                "Cahier &lt;b&gt;de textes&lt;/b&gt;", "(0693331W)", "/console/audit?page=2", "vos établissements");

        String nav = render("apps.jte", Locale.FRENCH, SUPER, "apps", List.of(), "done", null);
        assertThat(nav).contains("href=\"/console/look\"", "href=\"/console/audit\"", "href=\"/flash\"");
        assertThat(render("audit.jte", Locale.FRENCH, LOCAL, "query", AuditQuery.of(null, null, null, null),
                "found", new ConsoleAudit.Page(List.of(), false), "actions", List.of()))
                .contains("href=\"/console/audit\"").doesNotContain("href=\"/console/apps\"", "/console/look");
    }

    private static String render(String template, Locale locale, ConsoleScope scope, Object... pairs) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(locale));
        params.put("title", "Titre");
        params.put("scope", scope);
        params.put("csrf", "jeton");
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        StringOutput output = new StringOutput();
        ConsolePages.TEMPLATES.render(template, params, output);
        return output.toString();
    }
}
