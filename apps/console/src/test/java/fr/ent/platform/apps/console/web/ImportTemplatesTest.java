package fr.ent.platform.apps.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.console.imports.ConsoleImports;
import fr.ent.platform.apps.console.letters.ConsoleActivation;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.be1d.ImportCounts;
import fr.ent.platform.apps.directory.be1d.ImportHistory;
import fr.ent.platform.apps.directory.be1d.ImportReport;
import fr.ent.platform.apps.directory.be1d.PlannedChange;
import fr.ent.platform.apps.directory.be1d.Rejection;
import fr.ent.platform.apps.directory.model.Be1dImport.State;
import fr.ent.platform.apps.directory.view.ClassDetail;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.view.UserSummary;
import gg.jte.output.StringOutput;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The import and activation pages (ADR 0023) render in the three languages with what the pages give them, show the
 * plan line by line, offer Confirm only to a dry run waiting for it, and the letters only to whom may print them.
 */
class ImportTemplatesTest {

    static final StructureView ZOLA = new StructureView(UUID.randomUUID(), "0693331W", "École Émile Zola",
            StructureType.ECOLE, "1D", null);
    static final ConsoleScope SUPER = new ConsoleScope(true, Set.of(), "admin");
    static final ConsoleScope LOCAL = new ConsoleScope(false, Set.of("0693331W"), "adml");
    static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);
    static final ImportReport REPORT = new ImportReport(true, new ImportCounts(1, 2, 1, 1, 1, 3), NONE, NONE, 0,
            List.of(new Rejection("responsables", 7, "enfant introuvable parmi les élèves de l'établissement : X Y")),
            List.of(new PlannedChange("eleves", 2, PlannedChange.Kind.CREATE, "élève PETIT Noé",
                    "absent(e) de l'annuaire : créé(e)")));

    @Test
    void everyPageRendersInEveryLanguage() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"))) {
            for (State state : State.values()) {
                assertThat(render("import.jte", locale, SUPER, "imp", imp(state), "done", "applied")).contains("PETIT Noé");
            }
            assertThat(render("imports.jte", locale, SUPER, "schools", List.of(ZOLA))).contains("École Émile Zola");
            assertThat(render("import-school.jte", locale, LOCAL, "school", ZOLA, "history",
                    List.of(imp(State.APPLIED).entry()), "error", "Fichier illisible", "maxMb", 10))
                    .contains("enctype=\"multipart/form-data\"", "name=\"eleves\"", "Fichier illisible");
            assertThat(render("activation.jte", locale, SUPER, "school", ZOLA, "classes", List.of(cp()),
                    "chosen", accounts(), "error", null)).contains("lea.durand");
        }
    }

    @Test
    void theDryRunShowsItsLinesAndOnlyAWaitingDryRunCanBeConfirmed() {
        String waiting = render("import.jte", Locale.FRENCH, SUPER, "imp", imp(State.DRY_RUN), "done", "dry-run");
        assertThat(waiting).contains("Confirmer l'import", "/confirm", "name=\"csrf\"", "eleves", "élève PETIT Noé",
                "absent(e) de l'annuaire : créé(e)", "Lignes rejetées : 1", "enfant introuvable");
        for (State other : List.of(State.RUNNING, State.APPLIED, State.FAILED, State.STALE)) {
            assertThat(render("import.jte", Locale.FRENCH, SUPER, "imp", imp(other), "done", null))
                    .as(other.name()).doesNotContain("/confirm");
        }
        assertThat(render("import.jte", Locale.FRENCH, SUPER, "imp", imp(State.STALE), "done", null))
                .contains("a changé depuis cette simulation");
    }

    @Test
    void aLocalAdministratorPrintsTheLettersOfItsSchoolsClassesToo() {
        // ADR 0029: the print form for a local administrator too, told that administrators' accounts get no letter
        String local = render("activation.jte", Locale.FRENCH, LOCAL, "school", ZOLA, "classes", List.of(cp()),
                "chosen", accounts(), "error", null);
        assertThat(local).contains("/activation/schools/" + ZOLA.id() + "/letters",
                "n'ont pas de lettre imprimée par un administrateur local");
        String whole = render("activation.jte", Locale.FRENCH, SUPER, "school", ZOLA, "classes", List.of(cp()),
                "chosen", accounts(), "error", null);
        assertThat(whole).contains("/activation/schools/" + ZOLA.id() + "/letters", "value=\"RELATIVES\"",
                "Élèves : 1, dont 1 compte(s) activé(s)", "En attente d'activation");
    }

    @Test
    void letterFilesAreNamedForAHeader() {
        assertThat(ConsoleActivation.fileName("CE1 « Les Étoiles »", ConsoleActivation.Audience.STUDENTS))
                .isEqualTo("lettres-activation-CE1-Les-Etoiles-eleves.pdf");
        assertThat(ConsoleActivation.fileName("«»", ConsoleActivation.Audience.RELATIVES))
                .isEqualTo("lettres-activation-classe-parents.pdf");
    }

    private static ConsoleImports.Import imp(State state) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean ended = state != State.DRY_RUN && state != State.RUNNING;
        return new ConsoleImports.Import(new ImportHistory.Entry(UUID.randomUUID(), ZOLA.id(), state, "admin", now,
                ended ? "admin" : null, ended ? now : null, REPORT, null), ZOLA);
    }

    private static ClassView cp() {
        return new ClassView(UUID.randomUUID(), ZOLA.id(), "CP", null);
    }

    private static ConsoleActivation.ClassAccounts accounts() {
        UserSummary lea = new UserSummary(UUID.randomUUID(), Profile.Student, "Durand", "Léa", ZOLA.id());
        UserSummary nicolas = new UserSummary(UUID.randomUUID(), Profile.Relative, "Durand", "Nicolas", ZOLA.id());
        ClassDetail cp = new ClassDetail(cp().id(), ZOLA.id(), "CP", null, List.of(lea));
        return new ConsoleActivation.ClassAccounts(ZOLA, cp,
                List.of(new ConsoleActivation.Row(lea, "lea.durand", "ACTIVATED")),
                List.of(new ConsoleActivation.Row(nicolas, "nicolas.durand", "PENDING")));
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
