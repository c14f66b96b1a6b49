package fr.ent.platform.apps.directory.be1d;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingClass;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingUser;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Link;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Membership;
import fr.ent.platform.apps.directory.be1d.PlannedChange.Kind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the console's dry run shows, line by line (ADR 0023): the plan's changes with their file, line and reason;
 * the digest that tells a confirmation whether the school's directory is still what the dry run saw; the report
 * as the import history stores it.
 */
class ImportPlanLinesTest {

    private static final UUID SCHOOL = UUID.randomUUID();
    private static final String UAI = "0610663P";

    @Test
    void theRealExportListsEveryCreationWithItsLine() {
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ELEVES, SharedData.eleves(),
                Be1dFile.ENSEIGNANTS, SharedData.enseignants(), Be1dFile.RESPONSABLES, SharedData.responsables()));
        Be1dImportPlan plan = Be1dReconciliation.plan(empty(), export);
        // 10 classes and 247 + 14 + 467 people created; nothing else to say about a school imported for the first time
        assertThat(plan.changes()).hasSize(10 + 247 + 14 + 467).allMatch(c -> c.kind() == Kind.CREATE);
        assertThat(plan.changes()).filteredOn(c -> c.subject().startsWith("classe ")).hasSize(10);
        assertThat(plan.changes().get(0).file()).isEqualTo("eleves");
        assertThat(plan.changes()).extracting(PlannedChange::file).containsSubsequence("eleves", "enseignants",
                "responsables");
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.file()).isEqualTo("responsables");
            assertThat(c.line()).isEqualTo(2);
            assertThat(c.subject()).isEqualTo("responsable ADJIBEL Corinne");
            assertThat(c.reason()).isEqualTo("absent(e) de l'annuaire : créé(e)");
        });
        assertThat(plan.report(true).changes()).isEqualTo(plan.changes());
    }

    @Test
    void aChangeAndAMoveAreListedWithTheirReasons() {
        UUID cp = UUID.randomUUID();
        UUID noe = UUID.randomUUID();
        DirectorySnapshot before = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cp, "CP")),
                List.of(new ExistingUser(noe, "be1d:" + UAI + ":eleve:petit:noe:2015-03-04", Profile.Student, "PETIT",
                        "Noé", LocalDate.of(2015, 3, 4), null, "petit noe")),
                Set.of(new Membership(cp, noe)), Set.of());
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Nom d'usage Elève;Prénom Elève;Date naissance;Classe\n"
                        + "PETIT;PETIT-DURAND;Noé;2015-03-04;CE1\n")));
        Be1dImportPlan plan = Be1dReconciliation.plan(before, export);
        assertThat(plan.changes()).containsExactlyInAnyOrder(
                new PlannedChange("eleves", 2, Kind.CREATE, "classe « CE1 »", "classe absente de l'établissement, créée"),
                new PlannedChange("eleves", 2, Kind.UPDATE, "élève PETIT-DURAND Noé",
                        "nom : « PETIT » → « PETIT-DURAND »"),
                new PlannedChange("eleves", 2, Kind.CREATE, "élève PETIT-DURAND Noé", "inscrit(e) en classe « CE1 »"),
                new PlannedChange("eleves", 2, Kind.REMOVE, "élève PETIT-DURAND Noé",
                        "retiré(e) de la classe « CP » : l'export ne l'y place plus"));
    }

    @Test
    void theDigestSaysWhetherTheDirectoryChangedWhateverTheOrderItWasReadIn() {
        UUID cp = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<ExistingUser> users = new ArrayList<>(List.of(
                new ExistingUser(a, "x:a", Profile.Student, "A", "Anne", LocalDate.of(2015, 1, 1), null, "a anne"),
                new ExistingUser(b, "x:b", Profile.Relative, "B", "Bob", null, "b@example.fr", "b bob")));
        DirectorySnapshot one = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cp, "CP")), users,
                Set.of(new Membership(cp, a)), Set.of(new Link(b, a)));
        Collections.reverse(users);
        DirectorySnapshot sameInAnotherOrder = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cp, "CP")),
                users, Set.of(new Membership(cp, a)), Set.of(new Link(b, a)));
        assertThat(sameInAnotherOrder.fingerprint()).isEqualTo(one.fingerprint()).hasSize(64);

        DirectorySnapshot renamedClass = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cp, "CP A")),
                users, Set.of(new Membership(cp, a)), Set.of(new Link(b, a)));
        DirectorySnapshot linkRemoved = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cp, "CP")),
                users, Set.of(new Membership(cp, a)), Set.of());
        List<ExistingUser> newMail = List.of(users.get(1),
                new ExistingUser(b, "x:b", Profile.Relative, "B", "Bob", null, "bob@example.fr", "b bob"));
        DirectorySnapshot mailChanged = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cp, "CP")),
                newMail, Set.of(new Membership(cp, a)), Set.of(new Link(b, a)));
        assertThat(List.of(renamedClass.fingerprint(), linkRemoved.fingerprint(), mailChanged.fingerprint()))
                .doesNotContain(one.fingerprint()).doesNotHaveDuplicates();
    }

    @Test
    void theHistoryKeepsTheReportAsItWas() {
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Prénom Elève;Date naissance;Classe\nPETIT;Noé;2015-03-04;CP\n"
                        + "DUPONT;Léa;pas une date;CP\nSEC;\"Zoé « la grande »\";2015-05-06;CP\n")));
        ImportReport report = Be1dReconciliation.plan(empty(), export).report(true);
        assertThat(report.rejected()).hasSize(1);
        ImportReport back = ImportReportJson.read(ImportReportJson.write(report));
        assertThat(back).isEqualTo(report);
        assertThat(back.applied().dryRun()).isFalse();
        assertThat(back.applied().changes()).isEqualTo(report.changes());
    }

    @Test
    void aFileThatIsNoCsvTextSaysSo() {
        byte[] utf16 = "Nom Elève;Prénom Elève;Date naissance;Classe\n".getBytes(StandardCharsets.UTF_16LE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Be1dExport.parse(Map.of(Be1dFile.ELEVES, utf16)))
                .isInstanceOf(Be1dFormatException.class)
                .hasMessageContaining("ce n'est pas un fichier texte CSV");
    }

    private static DirectorySnapshot empty() {
        return new DirectorySnapshot(SCHOOL, UAI, List.of(), List.of(), Set.of(), Set.of());
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
