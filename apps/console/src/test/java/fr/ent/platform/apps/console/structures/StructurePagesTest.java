package fr.ent.platform.apps.console.structures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.web.Texts;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.model.GroupType;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.directory.view.SchoolRulesView;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.web.LatestNotificationsWidget;
import fr.ent.platform.apps.notifications.web.QuietHoursForm;
import fr.ent.platform.runtime.web.Pages;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A school's communication rules and quiet hours in the console (ADR 0029): the pages render in the three
 * languages with what StructurePages gives them, and say what they must (each rule with its own removal form and
 * anti-forgery token, the switch that is not the current state, the quiet-hours fields of the notifications app, a
 * refusal's reason, no form when the app is off); the rules read by name; the audit trail's wording of ranges.
 */
class StructurePagesTest {

    static final TemplateEngine TEMPLATES = Pages.engine(Texts.class, "fr.ent.platform.apps.console.jte");
    static final StructureView MACE = new StructureView(UUID.randomUUID(), "0693331W", "École Jean Macé",
            StructureType.ECOLE, "1D", null);
    static final GroupView PUPILS = group("Élèves — CP");
    static final GroupView TEACHERS = group("Enseignants — CP");
    static final GroupView STAFF = group("Personnels");

    @Test
    void rulesAreReadByTheWritingGroupsNameAndNamedInTheAuditTrail() {
        var view = new SchoolRulesView(MACE.id(), true, List.of(PUPILS, TEACHERS, STAFF), List.of(
                new SchoolRulesView.Link(TEACHERS.id(), PUPILS.id()), new SchoolRulesView.Link(PUPILS.id(),
                        TEACHERS.id()), new SchoolRulesView.Link(PUPILS.id(), PUPILS.id()),
                new SchoolRulesView.Link(UUID.randomUUID(), STAFF.id()))); // a group of no school: not shown
        var rules = ConsoleCommunication.shown(MACE, view);
        assertThat(rules.rules()).extracting(r -> r.from().name() + " → " + r.to().name()).containsExactly(
                "Enseignants — CP → Élèves — CP", "Élèves — CP → Enseignants — CP", "Élèves — CP → Élèves — CP");
        assertThat(rules.rules().get(2).self()).isTrue();
        assertThat(rules.describe(PUPILS.id().toString(), STAFF.id().toString()))
                .isEqualTo("Élèves — CP → Personnels");
        assertThat(rules.describe("guess", null)).isEqualTo("guess → null");
    }

    @Test
    void theRulesPageOffersEachChangeWithItsToken() {
        var rules = ConsoleCommunication.shown(MACE, new SchoolRulesView(MACE.id(), false, List.of(PUPILS, TEACHERS),
                List.of(new SchoolRulesView.Link(PUPILS.id(), TEACHERS.id()),
                        new SchoolRulesView.Link(PUPILS.id(), PUPILS.id()))));
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"))) {
            for (ConsoleScope scope : List.of(SUPER, LOCAL)) {
                String page = render("communication.jte", locale, scope, "rules", rules, "error", null,
                        "done", "rule-added");
                assertThat(page).contains("/console/schools/" + MACE.id() + "/communication/links",
                        "/console/schools/" + MACE.id() + "/communication/defaults",
                        "name=\"pupilsTalk\" value=\"true\"", "value=\"" + TEACHERS.id() + "\"");
            }
        }
        String french = render("communication.jte", Locale.FRENCH, LOCAL, "rules", rules, "error",
                "Groupe introuvable", "done", null);
        assertThat(french).contains("Élèves — CP (entre eux)", "Retirer la règle : Élèves — CP vers Enseignants — CP",
                "Les élèves d'une classe ne peuvent pas s'écrire entre eux.", "Règles de l'établissement (2)",
                "Groupe introuvable", "Remettre les règles par défaut");
        assertThat(french.split("name=\"csrf\" value=\"jeton\"", -1)).hasSize(6); // switch, 2 removals, add, defaults
        String none = render("communication.jte", Locale.FRENCH, SUPER, "rules", ConsoleCommunication.shown(MACE,
                new SchoolRulesView(MACE.id(), true, List.of(PUPILS), List.of())), "error", null, "done", null);
        assertThat(none).contains("Aucune règle", "Ne plus autoriser les élèves", "value=\"false\"");
    }

    @Test
    void theQuietHoursPageShowsTheNotificationsFormOrSaysTheAppIsOff() {
        List<QuietHoursForm.Row> typed = List.of(new QuietHoursForm.Row(EnumSet.of(DayOfWeek.MONDAY), "20:00", "25:00"));
        var refusal = QuietHoursForm.refusal(typed).orElseThrow();
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"))) {
            String page = render("quiet-hours.jte", locale, LOCAL, "school", MACE, "available", true,
                    "fields", fields(locale, QuietHoursForm.rows(List.of(new QuietRange(EnumSet.of(DayOfWeek.MONDAY,
                            DayOfWeek.FRIDAY), 20 * 60, 24 * 60))), null), "refusal", null, "reason", null,
                    "zone", "Europe/Paris", "done", "quiet-saved");
            assertThat(page).contains("action=\"/console/schools/" + MACE.id() + "/quiet-hours\"",
                    "name=\"from.0\"", "value=\"20:00\"", "value=\"24:00\"", "name=\"day.2\"", "Europe/Paris",
                    "name=\"csrf\" value=\"jeton\"");
            String off = render("quiet-hours.jte", locale, SUPER, "school", MACE, "available", false, "fields", null,
                    "refusal", null, "reason", null, "zone", "Europe/Paris", "done", null);
            assertThat(off).doesNotContain("<form method=\"post\"");
        }
        String refused = render("quiet-hours.jte", Locale.FRENCH, LOCAL, "school", MACE, "available", true,
                "fields", fields(Locale.FRENCH, typed, refusal), "refusal", refusal, "reason", "Heure invalide",
                "zone", "Europe/Paris", "done", null);
        assertThat(refused).contains("Heures calmes refusées, rien n'a été changé", "href=\"#to-0\"", "value=\"25:00\"");
        assertThat(render("quiet-hours.jte", Locale.FRENCH, SUPER, "school", MACE, "available", false, "fields", null,
                "refusal", null, "reason", null, "zone", "Europe/Paris", "done", null))
                .contains("L'application Notifications n'est pas activée");
    }

    @Test
    void rangesAreWrittenPlainlyInTheAuditTrail() {
        assertThat(ConsoleQuietHours.describe(List.of())).isEqualTo("none");
        assertThat(ConsoleQuietHours.describe(List.of(new QuietRange(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
                20 * 60, 24 * 60), new QuietRange(EnumSet.of(DayOfWeek.SATURDAY), 0, 24 * 60))))
                .isEqualTo("Mon,Fri 20:00-24:00; Sat 00:00-24:00");
    }

    static final ConsoleScope SUPER = new ConsoleScope(true, Set.of(), "admin");
    static final ConsoleScope LOCAL = new ConsoleScope(false, Set.of("0693331W"), "adml");

    private static Content fields(Locale locale, List<QuietHoursForm.Row> rows, QuietHoursForm.Refusal refusal) {
        Map<String, Object> params = new HashMap<>();
        params.put("texts", Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), locale,
                NotificationsApp.class.getClassLoader()));
        params.put("rows", QuietHoursForm.shown(rows));
        params.put("days", QuietHoursForm.days(locale));
        params.put("refusal", refusal);
        params.put("reason", refusal == null ? null : "Heure invalide");
        return output -> LatestNotificationsWidget.TEMPLATES.render("quiet/ranges.jte", params, output);
    }

    private static GroupView group(String name) {
        return new GroupView(UUID.randomUUID(), MACE.id(), null, name, GroupType.PROFILE, "Student");
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
        TEMPLATES.render(template, params, output);
        return output.toString();
    }
}
