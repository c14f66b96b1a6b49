package fr.ent.platform.apps.directory.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Uai;
import fr.ent.platform.apps.directory.model.ClassMember;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.RelativeLink;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.service.DirectoryDatabase;
import fr.ent.platform.apps.directory.view.SchoolRulesView;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Recipients;
import fr.ent.platform.runtime.communication.Visible;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Visibility and verification on a real PostgreSQL schema migrated by the directory's migrations, the profile groups
 * made by {@link ProfileGroups} as the directory's writes make them. School A: class CP (teacher Sophie Martin,
 * pupils Léa Durand and Hugo Moreau, Léa's father Nicolas Durand), class CE1 (pupil Chloé Petit), Irène Lopez of
 * the personnel. School B: class CM2 (pupil Zoé Roux).
 */
class VisibilityTest {

    private static DirectoryDatabase db;
    private static Visibility visibility;
    private static SchoolRules rules;
    private static UUID schoolA;
    private static UUID schoolB;
    private static UUID cp;
    private static UUID sophie;
    private static UUID lea;
    private static UUID hugo;
    private static UUID chloe;
    private static UUID nicolas;
    private static UUID irene;
    private static UUID zoe;

    @BeforeAll
    static void twoSchools() {
        db = DirectoryDatabase.fresh();
        visibility = new Visibility();
        visibility.data = db.data();
        rules = new SchoolRules();
        rules.data = db.data();
        schoolA = school("0693331W", "École Jean Macé");
        schoolB = school("0310036W", "École Jules Ferry");
        cp = schoolClass(schoolA, "CP");
        UUID ce1 = schoolClass(schoolA, "CE1");
        UUID cm2 = schoolClass(schoolB, "CM2");
        sophie = person(Profile.Teacher, "Martin", "Sophie", schoolA, List.of(cp));
        lea = person(Profile.Student, "Durand", "Léa", schoolA, List.of(cp));
        hugo = person(Profile.Student, "Moreau", "Hugo", schoolA, List.of(cp));
        chloe = person(Profile.Student, "Petit", "Chloé", schoolA, List.of(ce1));
        nicolas = person(Profile.Relative, "Durand", "Nicolas", schoolA, List.of());
        irene = person(Profile.Personnel, "Lopez", "Irène", schoolA, List.of());
        zoe = person(Profile.Student, "Roux", "Zoé", schoolB, List.of(cm2));
        db.inTransaction(em -> {
            em.persist(new RelativeLink(nicolas, lea));
            em.flush();
            ProfileGroups.sync(em, schoolA, false);
            ProfileGroups.sync(em, schoolB, false);
            return null;
        });
    }

    @Test
    void aPupilSeesTheirTeacherThePersonnelAndTheirParentButNoOtherPupil() {
        Visible page = visibility.visible(lea, "", 20, 0);
        assertThat(names(page, Recipient.Kind.GROUP))
                .containsExactly("Enseignants — CP", "Personnels — École Jean Macé");
        assertThat(names(page, Recipient.Kind.USER)).containsExactly("Durand Nicolas", "Lopez Irène", "Martin Sophie");
        assertThat(page.more()).isFalse();
        assertThat(ids(visibility.visible(zoe, "", 20, 0))).doesNotContain(sophie, lea, hugo, irene);
    }

    @Test
    void theSearchMatchesEveryWordOfTheNameWithoutAccents() {
        assertThat(names(visibility.visible(lea, "dur", 20, 0), Recipient.Kind.USER)).containsExactly("Durand Nicolas");
        assertThat(names(visibility.visible(lea, "IRENE lop", 20, 0), Recipient.Kind.USER))
                .containsExactly("Lopez Irène");
        assertThat(names(visibility.visible(lea, "ENSEIGNANTS", 20, 0), Recipient.Kind.GROUP))
                .containsExactly("Enseignants — CP");
        assertThat(visibility.visible(lea, "%", 20, 0).items()).isEmpty();
    }

    @Test
    void aTeacherSeesTheParentsOfTheirPupilsAndPagesWalkTheSameList() {
        Visible all = visibility.visible(sophie, null, 100, 0);
        assertThat(ids(all)).contains(lea, hugo, nicolas, irene).doesNotContain(chloe, zoe, sophie);
        List<UUID> walked = new ArrayList<>();
        for (int offset = 0; ; offset += 2) {
            Visible page = visibility.visible(sophie, null, 2, offset);
            page.items().forEach(r -> walked.add(r.id()));
            if (!page.more()) {
                break;
            }
        }
        assertThat(walked).containsExactlyElementsOf(all.items().stream().map(Recipient::id).toList());
    }

    @Test
    void verifyRefusesAnyoneOutsideTheRulesWithoutNamingThem() {
        visibility.verify(lea, new Recipients(Set.of(sophie, nicolas, lea), Set.of()));
        visibility.verify(nicolas, Recipients.users(lea, sophie, irene));
        for (Recipients outside : List.of(Recipients.users(sophie, hugo), Recipients.users(zoe),
                Recipients.users(UUID.randomUUID()), new Recipients(Set.of(), Set.of(group("Élèves — CP"))))) {
            assertThatThrownBy(() -> visibility.verify(lea, outside)).isInstanceOf(NotAllowed.class)
                    .satisfies(e -> {
                        assertThat(((DomainException) e).code()).isEqualTo("communication-refused");
                        assertThat(((DomainException) e).arguments()).isEmpty();
                    });
        }
        // a stranger (an account with no directory entry) reaches nobody
        assertThatThrownBy(() -> visibility.verify(new UUID(0, 0), Recipients.users(irene)))
                .isInstanceOf(NotAllowed.class);
    }

    @Test
    void theSchoolSwitchLetsClassmatesWriteToEachOtherAndOnlyClassmates() {
        try {
            SchoolRulesView on = rules.pupilsTalk(schoolA.toString(), true);
            assertThat(on.pupilsTalk()).isTrue();
            assertThat(ids(visibility.visible(lea, "", 20, 0))).contains(hugo).doesNotContain(chloe);
            visibility.verify(lea, new Recipients(Set.of(hugo), Set.of(group("Élèves — CP"))));
        } finally {
            rules.pupilsTalk(schoolA.toString(), false);
        }
        assertThat(ids(visibility.visible(lea, "", 20, 0))).doesNotContain(hugo);
    }

    @Test
    void anAdministratorsLinksAreBetweenGroupsOfTheSchoolOnly() {
        UUID nurses = group("Personnels — École Jean Macé");
        UUID pupils = group("Élèves — CP");
        UUID otherSchool = group("Élèves — CM2");
        assertThatThrownBy(() -> rules.addLink(schoolA.toString(), pupils.toString(), otherSchool.toString()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> rules.addLink(schoolA.toString(), pupils.toString(), null))
                .isInstanceOf(InvalidInput.class);
        UUID schoolPupils = group("Élèves — École Jean Macé");
        assertThat(rules.of(schoolA.toString()).links()).contains(new SchoolRulesView.Link(schoolPupils, nurses));
        rules.removeLink(schoolA.toString(), schoolPupils.toString(), nurses.toString());
        try {
            assertThat(ids(visibility.visible(lea, "", 20, 0))).doesNotContain(irene);
        } finally {
            rules.applyDefaults(schoolA.toString());
        }
        assertThat(ids(visibility.visible(lea, "", 20, 0))).contains(irene);
    }

    @Test
    void badPagingIsInvalidInput() {
        assertThatThrownBy(() -> visibility.visible(lea, "", 0, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> visibility.visible(lea, "", 101, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> visibility.visible(lea, "", 10, -1)).isInstanceOf(InvalidInput.class);
    }

    // --- fixtures ---

    private static UUID group(String name) {
        return db.inTransaction(em -> em.createQuery("SELECT g.id FROM EntGroup g WHERE g.name = :n", UUID.class)
                .setParameter("n", name).getSingleResult());
    }

    private static List<String> names(Visible page, Recipient.Kind kind) {
        return page.items().stream().filter(r -> r.kind() == kind).map(Recipient::name).toList();
    }

    private static List<UUID> ids(Visible page) {
        return page.items().stream().map(Recipient::id).toList();
    }

    static UUID school(String uai, String name) {
        return db.inTransaction(em -> {
            Structure s = new Structure(Uai.parse(uai), name, StructureType.ECOLE, null);
            em.persist(s);
            return s.id();
        });
    }

    static UUID schoolClass(UUID school, String name) {
        return db.inTransaction(em -> {
            SchoolClass c = new SchoolClass(school, name, name);
            em.persist(c);
            return c.id();
        });
    }

    static UUID person(Profile profile, String lastName, String firstName, UUID school, List<UUID> classes) {
        return db.inTransaction(em -> {
            EntUser u = new EntUser(UUID.randomUUID(), null, profile, lastName, firstName, null, null, school);
            em.persist(u);
            em.flush();
            classes.forEach(c -> em.persist(new ClassMember(c, u.id())));
            return u.id();
        });
    }
}
