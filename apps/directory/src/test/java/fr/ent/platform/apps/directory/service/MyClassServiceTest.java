package fr.ent.platform.apps.directory.service;

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
import fr.ent.platform.apps.directory.view.IdentityCard;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.apps.directory.view.MyClassView.ClassCard;
import fr.ent.platform.apps.directory.view.MyClassView.Person;
import fr.ent.platform.apps.directory.view.MyClassView.Pupil;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.ProblemStatuses;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Ma classe" and the identity card on a real PostgreSQL schema migrated by the directory's migrations: who sees
 * whom, what stays out of sight (another school, another family), and a fixed number of queries however many
 * pupils a class has.
 *
 * <p>Two schools: A (classes CP and CE1) and B (class CM2). Pupils Léa and Hugo are in CP with teacher Sophie;
 * Chloé in CE1; Zoé in B's CM2 with teacher Bruno. Nicolas is the parent of Léa (school A) and of Zoé (school B);
 * Camille is Léa's other parent; Irène is personnel of school A; Paul is a parent with no link to anyone.
 */
class MyClassServiceTest {

    private static DirectoryDatabase db;
    private static MyClassService myClass;
    private static IdentityService identities;

    private static UUID schoolA;
    private static UUID schoolB;
    private static UUID cp;
    private static UUID ce1;
    private static UUID cm2;
    private static UUID sophie;
    private static UUID bruno;
    private static UUID lea;
    private static UUID hugo;
    private static UUID chloe;
    private static UUID zoe;
    private static UUID nicolas;
    private static UUID camille;
    private static UUID irene;
    private static UUID paul;

    @BeforeAll
    static void twoSchools() {
        db = DirectoryDatabase.fresh();
        myClass = new MyClassService();
        myClass.data = db.data();
        identities = new IdentityService();
        identities.data = db.data();
        db.inTransaction(em -> {
            Structure a = new Structure(Uai.parse("0693331W"), "École Jean Macé", StructureType.ECOLE, null);
            Structure b = new Structure(Uai.parse("0310036W"), "École Jules Ferry", StructureType.ECOLE, null);
            em.persist(a);
            em.persist(b);
            schoolA = a.id();
            schoolB = b.id();
            em.flush();
            SchoolClass cpClass = new SchoolClass(schoolA, "CP", "CP");
            SchoolClass ce1Class = new SchoolClass(schoolA, "CE1", "CE1");
            SchoolClass cm2Class = new SchoolClass(schoolB, "CM2", "CM2");
            List.of(cpClass, ce1Class, cm2Class).forEach(em::persist);
            cp = cpClass.id();
            ce1 = ce1Class.id();
            cm2 = cm2Class.id();
            em.flush();
            return null;
        });
        sophie = person(Profile.Teacher, "Martin", "Sophie", schoolA, List.of(cp));
        // A teacher of school B, also (wrongly, by a feed) member of A's CP: A's pupils still see him as a teacher
        // of their class, but his "Ma classe" shows only his own school's classes.
        bruno = person(Profile.Teacher, "Bernard", "Bruno", schoolB, List.of(cm2, cp));
        lea = person(Profile.Student, "Durand", "Léa", schoolA, List.of(cp));
        hugo = person(Profile.Student, "Moreau", "Hugo", schoolA, List.of(cp));
        chloe = person(Profile.Student, "Petit", "Chloé", schoolA, List.of(ce1));
        zoe = person(Profile.Student, "Durand", "Zoé", schoolB, List.of(cm2));
        nicolas = person(Profile.Relative, "Durand", "Nicolas", schoolA, List.of());
        camille = person(Profile.Relative, "Roux", "Camille", schoolA, List.of());
        irene = person(Profile.Personnel, "Blanc", "Irène", schoolA, List.of());
        paul = person(Profile.Relative, "Lefèvre", "Paul", schoolA, List.of());
        link(nicolas, lea);
        link(nicolas, zoe);
        link(camille, lea);
    }

    @Test
    void aTeacherSeesTheirClassesPupilsAndEachPupilsParents() {
        MyClassView view = myClass.of(sophie);

        assertThat(view.profile()).isEqualTo("Teacher");
        assertThat(view.classes()).extracting(ClassCard::name).containsExactly("CP");
        ClassCard c = view.classes().get(0);
        assertThat(c.school().name()).isEqualTo("École Jean Macé");
        assertThat(names(c.teachers())).containsExactly("Bruno Bernard", "Sophie Martin");
        assertThat(c.pupils()).extracting(Pupil::firstName).containsExactly("Léa", "Hugo");
        assertThat(names(c.pupils().get(0).relatives())).containsExactly("Nicolas Durand", "Camille Roux");
        assertThat(c.pupils().get(1).relatives()).isEmpty();
        assertThat(view.children()).isEmpty();
    }

    @Test
    void aTeacherDoesNotSeeAClassOfAnotherSchoolTheyWereAddedTo() {
        assertThat(myClass.of(bruno).classes()).extracting(ClassCard::name).containsExactly("CM2");
        assertNotFound(() -> myClass.classOf(bruno, cp.toString()), "class-not-found");
    }

    @Test
    void aPupilSeesClassmatesAndTeachersButNoParents() {
        MyClassView view = myClass.of(lea);

        assertThat(view.classes()).extracting(ClassCard::name).containsExactly("CP");
        ClassCard c = view.classes().get(0);
        assertThat(c.pupils()).extracting(Pupil::firstName).containsExactly("Léa", "Hugo");
        assertThat(c.pupils()).allSatisfy(p -> assertThat(p.relatives()).isEmpty());
        assertThat(names(c.teachers())).containsExactly("Bruno Bernard", "Sophie Martin");
    }

    @Test
    void aPupilCannotOpenAnotherClassNorAnotherSchoolsClass() {
        assertThat(myClass.classOf(lea, cp.toString()).name()).isEqualTo("CP");
        assertNotFound(() -> myClass.classOf(lea, ce1.toString()), "class-not-found");
        assertNotFound(() -> myClass.classOf(lea, cm2.toString()), "class-not-found");
        assertNotFound(() -> myClass.classOf(lea, UUID.randomUUID().toString()), "class-not-found");
        assertNotFound(() -> myClass.classOf(lea, "../../cm2"), "class-not-found");
    }

    @Test
    void aParentSeesEachChildsClassesAndTeachersNotTheOtherPupils() {
        MyClassView view = myClass.of(nicolas);

        assertThat(view.classes()).isEmpty();
        assertThat(view.children()).extracting(child -> child.child().firstName()).containsExactly("Léa", "Zoé");
        ClassCard leasClass = view.children().get(0).classes().get(0);
        assertThat(leasClass.name()).isEqualTo("CP");
        assertThat(names(leasClass.teachers())).containsExactly("Bruno Bernard", "Sophie Martin");
        assertThat(leasClass.pupils()).isEmpty();
        ClassCard zoesClass = view.children().get(1).classes().get(0);
        assertThat(zoesClass.name()).isEqualTo("CM2");
        assertThat(zoesClass.school().name()).isEqualTo("École Jules Ferry");
        assertThat(names(zoesClass.teachers())).containsExactly("Bruno Bernard");

        assertThat(myClass.child(nicolas, zoe.toString()).classes()).extracting(ClassCard::name).containsExactly("CM2");
        assertThat(myClass.classOf(nicolas, cm2.toString()).pupils()).isEmpty();
    }

    @Test
    void aParentCannotOpenSomeoneElsesChild() {
        assertNotFound(() -> myClass.child(paul, lea.toString()), "user-not-found");
        assertNotFound(() -> myClass.child(camille, zoe.toString()), "user-not-found");
        assertNotFound(() -> myClass.child(nicolas, hugo.toString()), "user-not-found");
        assertNotFound(() -> myClass.classOf(camille, cm2.toString()), "class-not-found");
        assertThat(myClass.of(paul).children()).isEmpty();
    }

    @Test
    void personnelSeeTheirSchoolsClassesOnly() {
        MyClassView view = myClass.of(irene);

        assertThat(view.classes()).extracting(ClassCard::name).containsExactly("CE1", "CP");
        assertThat(view.classes().get(0).pupils()).extracting(Pupil::firstName).containsExactly("Chloé");
        assertThat(view.classes()).allSatisfy(c -> c.pupils().forEach(p -> assertThat(p.relatives()).isEmpty()));
        assertNotFound(() -> myClass.classOf(irene, cm2.toString()), "class-not-found");
    }

    @Test
    void anIdOfNobodySeesNothing() {
        assertThat(myClass.of(UUID.randomUUID())).isEqualTo(MyClassView.none());
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithThePupils() {
        // A third school, so that the other tests' views stay as described above.
        UUID schoolC = db.inTransaction(em -> {
            Structure c = new Structure(Uai.parse("1234567W"), "École Victor Hugo", StructureType.ECOLE, null);
            em.persist(c);
            return c.id();
        });
        UUID small = db.inTransaction(em -> {
            SchoolClass c = new SchoolClass(schoolC, "CM1 petit", null);
            em.persist(c);
            return c.id();
        });
        UUID big = db.inTransaction(em -> {
            SchoolClass c = new SchoolClass(schoolC, "CM1 grand", null);
            em.persist(c);
            return c.id();
        });
        UUID smallTeacher = person(Profile.Teacher, "Petit", "Paul", schoolC, List.of(small));
        UUID bigTeacher = person(Profile.Teacher, "Grand", "Gaston", schoolC, List.of(big));
        link(person(Profile.Relative, "Seul", "Simone", schoolC, List.of()),
                person(Profile.Student, "Seul", "Sam", schoolC, List.of(small)));
        for (int i = 0; i < 30; i++) {
            UUID pupil = person(Profile.Student, "Élève" + i, "Prénom", schoolC, List.of(big));
            link(person(Profile.Relative, "Parent" + i, "Un", schoolC, List.of()), pupil);
            link(person(Profile.Relative, "Parent" + i, "Deux", schoolC, List.of()), pupil);
        }

        DirectoryDatabase.resetStatements();
        MyClassView few = myClass.of(smallTeacher);
        int forOnePupil = DirectoryDatabase.statements();
        DirectoryDatabase.resetStatements();
        MyClassView many = myClass.of(bigTeacher);
        int forThirtyPupils = DirectoryDatabase.statements();

        assertThat(few.classes().get(0).pupils()).hasSize(1);
        assertThat(many.classes().get(0).pupils()).hasSize(30)
                .allSatisfy(p -> assertThat(p.relatives()).hasSize(2));
        assertThat(forOnePupil).isPositive().isLessThanOrEqualTo(8);
        assertThat(forThirtyPupils).isEqualTo(forOnePupil);

        DirectoryDatabase.resetStatements();
        UUID secretary = person(Profile.Personnel, "Secrétaire", "Sonia", schoolC, List.of());
        assertThat(myClass.of(secretary).classes()).hasSize(2);
        assertThat(DirectoryDatabase.statements()).isLessThanOrEqualTo(8);
    }

    @Test
    void theOutlineHasTheViewsClassesAndChildrenWithoutTheirPeopleInFewerStatements() {
        for (UUID reader : List.of(sophie, bruno, lea, hugo, chloe, zoe, nicolas, camille, irene, paul,
                UUID.randomUUID())) {
            MyClassView whole = myClass.of(reader);
            DirectoryDatabase.resetStatements();
            MyClassView outline = myClass.outline(reader);
            int statements = DirectoryDatabase.statements();

            assertThat(outline.profile()).isEqualTo(whole.profile());
            assertThat(outline.classes()).extracting(ClassCard::id, ClassCard::name, ClassCard::school)
                    .containsExactlyElementsOf(whole.classes().stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.id(), c.name(), c.school())).toList());
            assertThat(outline.children()).hasSameSizeAs(whole.children());
            for (int i = 0; i < whole.children().size(); i++) {
                assertThat(outline.children().get(i).child()).isEqualTo(whole.children().get(i).child());
                assertThat(outline.children().get(i).classes()).extracting(ClassCard::id, ClassCard::school)
                        .containsExactlyElementsOf(whole.children().get(i).classes().stream()
                                .map(c -> org.assertj.core.groups.Tuple.tuple(c.id(), c.school())).toList());
            }
            assertThat(outline.classes()).allSatisfy(c -> assertThat(c.teachers()).isEmpty());
            assertThat(outline.classes()).allSatisfy(c -> assertThat(c.pupils()).isEmpty());
            // with the unit's opening statement: the reader, the classes with their schools (a parent: the children,
            // then their classes with their schools)
            assertThat(statements).as("statements for %s", whole.profile())
                    .isLessThanOrEqualTo("Relative".equals(whole.profile()) ? 4 : 3);
        }
        assertThat(myClass.outline(nicolas).children()).hasSize(2); // Léa in school A, Zoé in school B
    }

    @Test
    void theIdentityCardShowsSchoolsClassesAndFamily() {
        IdentityCard pupil = identities.card(lea).orElseThrow();
        assertThat(pupil.profile()).isEqualTo("Student");
        assertThat(pupil.schools()).extracting(MyClassView.School::name).containsExactly("École Jean Macé");
        assertThat(pupil.classes()).containsExactly(new IdentityCard.ClassLine("CP", "École Jean Macé"));
        assertThat(names(pupil.relatives())).containsExactly("Nicolas Durand", "Camille Roux");
        assertThat(pupil.children()).isEmpty();

        IdentityCard parent = identities.card(nicolas).orElseThrow();
        assertThat(names(parent.children())).containsExactly("Léa Durand", "Zoé Durand");
        assertThat(parent.classes()).isEmpty();

        IdentityCard teacher = identities.card(bruno).orElseThrow();
        assertThat(teacher.schools()).extracting(MyClassView.School::name)
                .containsExactly("École Jules Ferry", "École Jean Macé");

        assertThat(identities.card(UUID.randomUUID())).isEmpty();
    }

    private static List<String> names(List<Person> people) {
        return people.stream().map(p -> p.firstName() + " " + p.lastName()).toList();
    }

    private static UUID person(Profile profile, String lastName, String firstName, UUID school, List<UUID> classes) {
        return db.inTransaction(em -> {
            EntUser u = new EntUser(UUID.randomUUID(), null, profile, lastName, firstName, null, null, school);
            em.persist(u);
            em.flush();
            classes.forEach(c -> em.persist(new ClassMember(c, u.id())));
            return u.id();
        });
    }

    private static void link(UUID relative, UUID student) {
        db.inTransaction(em -> {
            em.persist(new RelativeLink(relative, student));
            return null;
        });
    }

    private static void assertNotFound(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NotFound.class, e -> {
            assertThat(ProblemStatuses.status(e)).isEqualTo(404);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
