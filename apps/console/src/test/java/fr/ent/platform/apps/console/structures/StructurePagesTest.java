package fr.ent.platform.apps.console.structures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.web.Texts;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.model.GroupType;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.directory.view.SchoolRulesView;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.runtime.web.Pages;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A school's communication rules in the console (ADR 0029): the page renders in the three languages with what
 * StructurePages gives it, and says what it must (each rule with its own removal form and anti-forgery token, the
 * switch that is not the current state, a refusal's reason); the rules read by name, as the audit trail names them.
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
    void theSchoolPageLinksToTheRulesAndToTheQuietHoursWhenTheCollectivityHasNotifications() {
        for (boolean notifications : List.of(true, false)) {
            String page = render("school.jte", Locale.FRENCH, LOCAL, "school", MACE, "values",
                    new fr.ent.platform.apps.directory.view.NewStructure(MACE.uai(), MACE.name(), "ECOLE", null),
                    "classes", List.of(), "error", null, "classError", null, "types", List.of("ECOLE"), "done", null,
                    "quietHours", notifications);
            assertThat(page).contains("/console/schools/" + MACE.id() + "/communication", "Règles de communication");
            assertThat(page.contains("href=\"/notifications/schools/" + MACE.id() + "\"")).isEqualTo(notifications);
        }
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

    static final ConsoleScope SUPER = new ConsoleScope(true, Set.of(), "admin");
    static final ConsoleScope LOCAL = new ConsoleScope(false, Set.of("0693331W"), "adml");

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
