package fr.ent.platform.apps.directory.be1d;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingClass;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingUser;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Link;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Membership;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Planning imports against a directory state, with the real export and with crafted ones. */
class Be1dReconciliationTest {

    private static final UUID SCHOOL = UUID.randomUUID();
    private static final String UAI = "0610663P";

    private static DirectorySnapshot empty() {
        return new DirectorySnapshot(SCHOOL, UAI, List.of(), List.of(), Set.of(), Set.of());
    }

    private static Be1dExport realExport() {
        return Be1dExport.parse(Map.of(Be1dFile.ELEVES, SharedData.eleves(),
                Be1dFile.ENSEIGNANTS, SharedData.enseignants(), Be1dFile.RESPONSABLES, SharedData.responsables()));
    }

    /** The directory after {@code plan} was written: what the JPA importer does, in memory. */
    private static DirectorySnapshot applied(DirectorySnapshot before, Be1dImportPlan plan) {
        List<ExistingClass> classes = new ArrayList<>(before.classes());
        plan.newClasses().forEach(c -> classes.add(new ExistingClass(c.id(), c.name())));
        Map<UUID, ExistingUser> users = new HashMap<>();
        before.users().forEach(u -> users.put(u.id(), u));
        for (Be1dImportPlan.Person p : concat(plan.newUsers(), plan.changedUsers())) {
            users.put(p.id(), new ExistingUser(p.id(), p.externalId(), p.profile(), p.lastName(), p.firstName(),
                    p.birthDate(), p.email(), Text.searchKey(p.lastName(), p.firstName())));
        }
        Set<Membership> memberships = new HashSet<>(before.memberships());
        plan.membershipsToRemove().forEach(memberships::remove);
        memberships.addAll(plan.membershipsToAdd());
        Set<Link> links = new HashSet<>(before.links());
        links.addAll(plan.linksToAdd());
        return new DirectorySnapshot(SCHOOL, UAI, classes, List.copyOf(users.values()), memberships, links);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theRealExportCreatesTheWholeSchool() {
        Be1dImportPlan plan = Be1dReconciliation.plan(empty(), realExport());
        assertThat(plan.rejected()).isEmpty();
        // 10 classes; 247 pupils; 14 teachers; 469 parent lines are 467 parents (PICOT Thierry and PICOT
        // Christelle are each listed twice at the same address, once per child); 491 parent-child links;
        // 247 + 14 class memberships.
        assertThat(plan.imported()).isEqualTo(new ImportCounts(10, 247, 14, 467, 491, 261));
        assertThat(plan.newClasses()).extracting(Be1dImportPlan.NewClass::name)
                .containsExactlyInAnyOrder("TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CLIS", "CM1", "CM2");
        assertThat(plan.newUsers()).hasSize(247 + 14 + 467);
        assertThat(plan.newUsers()).extracting(Be1dImportPlan.Person::externalId).doesNotHaveDuplicates()
                .contains("be1d:0610663P:eleve:caillet:elea:2006-09-27",
                        "be1d:0610663P:enseignant:o brien:brian",
                        "be1d:0610663P:responsable:adjibel:corinne:adresse:40 avenue beaucour 61000");
        assertThat(plan.linksToAdd()).hasSize(491).doesNotHaveDuplicates();
    }

    @Test
    void importingTheSameExportAgainChangesNothing() {
        DirectorySnapshot once = applied(empty(), Be1dReconciliation.plan(empty(), realExport()));
        Be1dImportPlan again = Be1dReconciliation.plan(once, realExport());
        assertThat(again.imported()).isEqualTo(new ImportCounts(0, 0, 0, 0, 0, 0));
        assertThat(again.updated()).isEqualTo(new ImportCounts(0, 0, 0, 0, 0, 0));
        assertThat(again.unchanged()).isEqualTo(new ImportCounts(10, 247, 14, 467, 491, 261));
        assertThat(again.newUsers()).isEmpty();
        assertThat(again.changedUsers()).isEmpty();
        assertThat(again.membershipsToAdd()).isEmpty();
        assertThat(again.membershipsToRemove()).isEmpty();
        assertThat(again.linksToAdd()).isEmpty();
    }

    @Test
    void parentsAloneAreLinkedToPupilsAlreadyInTheDirectory() {
        Be1dExport pupilsOnly = Be1dExport.parse(Map.of(Be1dFile.ELEVES, SharedData.eleves()));
        DirectorySnapshot withPupils = applied(empty(), Be1dReconciliation.plan(empty(), pupilsOnly));
        Be1dImportPlan parents = Be1dReconciliation.plan(withPupils,
                Be1dExport.parse(Map.of(Be1dFile.RESPONSABLES, SharedData.responsables())));
        assertThat(parents.rejected()).isEmpty();
        assertThat(parents.imported()).isEqualTo(new ImportCounts(0, 0, 0, 467, 491, 0));
    }

    @Test
    void aParentWhoseChildIsNotAPupilIsRejectedWithItsLine() {
        Be1dExport export = Be1dExport.parse(Map.of(
                Be1dFile.ELEVES, latin1("Nom Elève;Prénom Elève;Date naissance;Classe\n"
                        + "MARTINEZ;Alexandre;2006-01-01;CE2\n"),
                Be1dFile.RESPONSABLES, latin1("Nom responsable;Prénom responsable;Adresse responsable;"
                        + "Nom de famille enfant;Prénom enfant;Classes enfants;Nom de famille enfant;Prénom enfant;"
                        + "Classes enfants\n"
                        + "ADJIBEL;Corinne;40 Avenue Beaucour;Martínez;ALEXANDRE;CE2;;;\n"
                        + "ADJIBEL;Paul;40 Avenue Beaucour;MARTINEZ;Alexandre;CE2;DRAHONNET;Cassandra;CP\n")));
        Be1dImportPlan plan = Be1dReconciliation.plan(empty(), export);
        assertThat(plan.imported().relatives()).isEqualTo(1);
        assertThat(plan.imported().links()).isEqualTo(1);
        assertThat(plan.rejected()).containsExactly(new Rejection("responsables", 3,
                "enfant introuvable parmi les élèves de l'établissement : DRAHONNET Cassandra (CP)"));
    }

    @Test
    void namesakesAreToldApartByTheClassOfTheParentLine() {
        Be1dExport export = Be1dExport.parse(Map.of(
                Be1dFile.ELEVES, latin1("Nom Elève;Prénom Elève;Date naissance;Classe\n"
                        + "MARTIN;Léa;2010-01-01;CP\n"
                        + "MARTIN;Léa;2008-05-05;CM1\n"),
                Be1dFile.RESPONSABLES, latin1("Nom responsable;Prénom responsable;Nom de famille enfant;"
                        + "Prénom enfant;Classes enfants\n"
                        + "MARTIN;Jean;MARTIN;Lea;CM1\n"
                        + "MARTIN;Anne;MARTIN;Léa;\n")));
        Be1dImportPlan plan = Be1dReconciliation.plan(empty(), export);
        UUID older = plan.newUsers().stream().filter(p -> LocalDate.of(2008, 5, 5).equals(p.birthDate()))
                .findFirst().orElseThrow().id();
        assertThat(plan.linksToAdd()).extracting(Link::studentId).containsExactly(older);
        assertThat(plan.rejected()).containsExactly(new Rejection("responsables", 3,
                "plusieurs élèves de l'établissement correspondent à l'enfant MARTIN Léa"));
    }

    @Test
    void aPupilWhoChangedClassIsMovedAndRenamedDetailsAreUpdated() {
        Be1dExport year1 = Be1dExport.parse(Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Prénom Elève;Date naissance;Classe\nPETIT;Noé;2015-03-04;CP\n")));
        DirectorySnapshot after1 = applied(empty(), Be1dReconciliation.plan(empty(), year1));
        Be1dExport year2 = Be1dExport.parse(Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Nom d'usage Elève;Prénom Elève;Date naissance;Classe\n"
                        + "PETIT;PETIT-DURAND;Noé;2015-03-04;ce1\n")));
        Be1dImportPlan plan = Be1dReconciliation.plan(after1, year2);
        assertThat(plan.imported()).isEqualTo(new ImportCounts(1, 0, 0, 0, 0, 1));
        assertThat(plan.updated().students()).isEqualTo(1);
        assertThat(plan.changedUsers()).extracting(Be1dImportPlan.Person::lastName).containsExactly("PETIT-DURAND");
        UUID cp = after1.classes().get(0).id();
        assertThat(plan.membershipsToRemove()).extracting(Membership::classId).containsExactly(cp);
        assertThat(plan.report(true).membershipsRemoved()).isEqualTo(1);
    }

    @Test
    void classesAlreadyThereAreReusedWhateverTheCase() {
        UUID cm2 = UUID.randomUUID();
        DirectorySnapshot existing = new DirectorySnapshot(SCHOOL, UAI, List.of(new ExistingClass(cm2, "CM2")),
                List.of(new ExistingUser(UUID.randomUUID(), null, Profile.Student, "ONG", "Lina", null, null,
                        "ong lina")), Set.of(), Set.of());
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ENSEIGNANTS, latin1(
                "Civilité;Nom usage;Nom;Prénom;Courriel;Classe\nMME;;ONG;Cindy;c.ong@example.fr;cm2\n"
                        + "MME;;ONG;Cindy;;CM1\n")));
        Be1dImportPlan plan = Be1dReconciliation.plan(existing, export);
        assertThat(plan.imported()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 2));
        assertThat(plan.unchanged().classes()).isEqualTo(1);
        assertThat(plan.newUsers()).singleElement().satisfies(p -> {
            assertThat(p.email()).isEqualTo("c.ong@example.fr");
            assertThat(p.profile()).isEqualTo(Profile.Teacher);
        });
        assertThat(plan.membershipsToAdd()).extracting(Membership::classId).contains(cm2);
    }

    @Test
    void duplicatePupilLinesAreRejected() {
        Be1dExport export = Be1dExport.parse(Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Prénom Elève;Date naissance;Classe\nPETIT;Noé;2015-03-04;CP\n"
                        + "Petit;NOE;04/03/2015;CP\n")));
        Be1dImportPlan plan = Be1dReconciliation.plan(empty(), export);
        assertThat(plan.imported().students()).isEqualTo(1);
        assertThat(plan.rejected()).containsExactly(new Rejection("eleves", 3,
                "élève en double : même nom, prénom et date de naissance qu'à la ligne 2"));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ExistingUser byHand(Profile profile, String last, String first) {
        return new ExistingUser(UUID.randomUUID(), null, profile, last, first, null, null, Text.searchKey(last, first));
    }

    @Test
    void thoseTheExportNoLongerNamesLoseTheRightThoseItNamesHaveIt() {
        DirectorySnapshot once = applied(empty(), Be1dReconciliation.plan(empty(), realExport()));
        ExistingUser pupil = byHand(Profile.Student, "Durand", "Léa");
        ExistingUser teacher = byHand(Profile.Teacher, "Martin", "Sophie");
        ExistingUser personnel = byHand(Profile.Personnel, "Bernard", "Lucie");
        List<ExistingUser> users = new ArrayList<>(once.users());
        users.addAll(List.of(pupil, teacher, personnel));
        DirectorySnapshot withThem = new DirectorySnapshot(SCHOOL, UAI, once.classes(), users, once.memberships(),
                once.links());
        Be1dImportPlan again = Be1dReconciliation.plan(withThem, realExport());
        assertThat(again.absent()).containsExactlyInAnyOrder(pupil.id(), teacher.id());
        assertThat(again.present()).hasSize(247 + 14 + 467).doesNotContain(pupil.id(), personnel.id());
    }

    @Test
    void anImportOfOneFileOrWithARejectedLineTakesNobodyTheRightOfTheOthers() {
        DirectorySnapshot once = applied(empty(), Be1dReconciliation.plan(empty(), realExport()));
        Be1dImportPlan parentsOnly = Be1dReconciliation.plan(once,
                Be1dExport.parse(Map.of(Be1dFile.RESPONSABLES, SharedData.responsables())));
        assertThat(parentsOnly.absent()).isEmpty();
        Be1dImportPlan oneBadLine = Be1dReconciliation.plan(once, Be1dExport.parse(Map.of(Be1dFile.ELEVES,
                latin1("Nom Elève;Prénom Elève;Date naissance;Classe\nMARTINEZ;;2006-01-01;CE2\n"))));
        assertThat(oneBadLine.rejected()).isNotEmpty();
        assertThat(oneBadLine.absent()).isEmpty();
    }
}
