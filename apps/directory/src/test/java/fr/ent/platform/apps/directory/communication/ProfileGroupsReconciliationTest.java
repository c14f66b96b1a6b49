package fr.ent.platform.apps.directory.communication;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Pair;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.Person;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.ProfileGroup;
import fr.ent.platform.apps.directory.communication.SchoolSnapshot.SchoolClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The default rules of a French school, read as "who may write to whom" once the plan is applied: a school with
 * class CP (teacher Sophie, pupils Léa and Hugo, Léa's father Nicolas), class CE1 (pupil Tom, his mother Claire,
 * teacher Lucie) and Nadia of the personnel.
 */
class ProfileGroupsReconciliationTest {

    private static final UUID SCHOOL = UUID.randomUUID();
    private final UUID cp = UUID.randomUUID();
    private final UUID ce1 = UUID.randomUUID();
    private final UUID sophie = UUID.randomUUID();
    private final UUID lucie = UUID.randomUUID();
    private final UUID lea = UUID.randomUUID();
    private final UUID hugo = UUID.randomUUID();
    private final UUID tom = UUID.randomUUID();
    private final UUID nicolas = UUID.randomUUID();
    private final UUID claire = UUID.randomUUID();
    private final UUID nadia = UUID.randomUUID();

    private SchoolSnapshot school() {
        return new SchoolSnapshot(SCHOOL, "École Jean Macé",
                List.of(new SchoolClass(cp, "CP"), new SchoolClass(ce1, "CE1")),
                List.of(new Person(sophie, Profile.Teacher), new Person(lucie, Profile.Teacher),
                        new Person(lea, Profile.Student), new Person(hugo, Profile.Student),
                        new Person(tom, Profile.Student), new Person(nicolas, Profile.Relative),
                        new Person(claire, Profile.Relative), new Person(nadia, Profile.Personnel)),
                Set.of(new Pair(cp, sophie), new Pair(cp, lea), new Pair(cp, hugo), new Pair(ce1, tom),
                        new Pair(ce1, lucie)),
                Set.of(new Pair(nicolas, lea), new Pair(claire, tom)),
                List.of(), Set.of(), Set.of(), Optional.empty());
    }

    @Test
    void aPupilWritesToTheClassTeachersAndThePersonnelButNotToOtherPupils() {
        SchoolSnapshot after = applied(school(), false);
        assertThat(reach(after, lea)).containsExactlyInAnyOrder(sophie, nadia);
        assertThat(reach(after, tom)).containsExactlyInAnyOrder(lucie, nadia);
    }

    @Test
    void aParentWritesToTheirChildsTeachersAndThePersonnel() {
        SchoolSnapshot after = applied(school(), false);
        assertThat(reach(after, nicolas)).containsExactlyInAnyOrder(sophie, nadia);
        assertThat(reach(after, claire)).containsExactlyInAnyOrder(lucie, nadia);
    }

    @Test
    void aTeacherWritesToTheirPupilsTheirParentsAndTheStaff() {
        SchoolSnapshot after = applied(school(), false);
        assertThat(reach(after, sophie)).containsExactlyInAnyOrder(lea, hugo, nicolas, lucie, nadia);
    }

    @Test
    void thePersonnelWritesToTheWholeSchool() {
        SchoolSnapshot after = applied(school(), false);
        assertThat(reach(after, nadia)).containsExactlyInAnyOrder(sophie, lucie, lea, hugo, tom, nicolas, claire);
    }

    @Test
    void pupilsOfAClassWriteToEachOtherOnlyWhenTheSchoolAllowsIt() {
        SchoolSnapshot on = applied(with(applied(school(), false), true), false);
        assertThat(reach(on, lea)).containsExactlyInAnyOrder(sophie, nadia, hugo);
        assertThat(reach(on, tom)).doesNotContain(lea, hugo);
        SchoolSnapshot off = applied(with(on, false), false);
        assertThat(reach(off, lea)).containsExactlyInAnyOrder(sophie, nadia);
    }

    @Test
    void aSecondPlanChangesNothing() {
        SchoolSnapshot after = applied(school(), false);
        ProfileGroupsPlan again = ProfileGroupsReconciliation.plan(after, false, UUID::randomUUID);
        assertThat(again.isEmpty()).as(again.toString()).isTrue();
        assertThat(after.groups()).hasSize(4 + 2 * 3);
    }

    @Test
    void aDefaultRuleAnAdministratorRemovedStaysRemovedUntilTheDefaultsAreAppliedAgain() {
        SchoolSnapshot after = applied(school(), false);
        UUID pupils = group(after, cp, Profile.Student);
        UUID teachers = group(after, cp, Profile.Teacher);
        Set<Pair> links = new HashSet<>(after.links());
        links.remove(new Pair(pupils, teachers));
        SchoolSnapshot edited = withLinks(after, links);
        assertThat(reach(edited, lea)).containsExactly(nadia);

        assertThat(reach(applied(edited, false), lea)).containsExactly(nadia);
        assertThat(reach(applied(edited, true), lea)).containsExactlyInAnyOrder(sophie, nadia);
    }

    @Test
    void aNewClassGetsItsGroupsAndDefaultsAndAPupilWhoLeftAClassLeavesItsGroup() {
        SchoolSnapshot after = applied(school(), false);
        UUID cm1 = UUID.randomUUID();
        UUID paul = UUID.randomUUID();
        List<SchoolClass> classes = new ArrayList<>(after.classes());
        classes.add(new SchoolClass(cm1, "CM1"));
        List<Person> people = new ArrayList<>(after.people());
        people.add(new Person(paul, Profile.Teacher));
        Set<Pair> members = new HashSet<>(after.classMembers());
        members.remove(new Pair(cp, hugo));
        members.add(new Pair(cm1, hugo));
        members.add(new Pair(cm1, paul));
        SchoolSnapshot changed = new SchoolSnapshot(SCHOOL, after.schoolName(), classes, people, members,
                after.parentsOfPupils(), after.groups(), after.groupMembers(), after.links(), after.pupilsTalk());

        SchoolSnapshot next = applied(changed, false);
        assertThat(reach(next, hugo)).containsExactlyInAnyOrder(paul, nadia);
        assertThat(reach(next, sophie)).doesNotContain(hugo);
        assertThat(next.groups()).hasSize(4 + 3 * 3);
    }

    @Test
    void anExistingProfileGroupIsReusedAndNamedGroupsAreInFrench() {
        UUID existing = UUID.randomUUID();
        SchoolSnapshot before = school();
        SchoolSnapshot withGroup = new SchoolSnapshot(SCHOOL, before.schoolName(), before.classes(),
                before.people(), before.classMembers(), before.parentsOfPupils(),
                List.of(new ProfileGroup(existing, null, Profile.Teacher)), Set.of(), Set.of(), Optional.empty());
        ProfileGroupsPlan plan = ProfileGroupsReconciliation.plan(withGroup, false, UUID::randomUUID);
        assertThat(plan.newGroups()).noneMatch(g -> g.classId() == null && g.profile() == Profile.Teacher);
        assertThat(plan.membersToAdd()).contains(new Pair(existing, sophie), new Pair(existing, lucie));
        assertThat(plan.newGroups()).extracting(ProfileGroupsPlan.NewGroup::name)
                .contains("Élèves — CP", "Parents — CE1", "Personnels — École Jean Macé");
    }

    // --- applying a plan in memory, as ProfileGroups writes it ---

    private static SchoolSnapshot applied(SchoolSnapshot before, boolean allDefaults) {
        ProfileGroupsPlan plan = ProfileGroupsReconciliation.plan(before, allDefaults, UUID::randomUUID);
        List<ProfileGroup> groups = new ArrayList<>(before.groups());
        plan.newGroups().forEach(g -> groups.add(new ProfileGroup(g.id(), g.classId(), g.profile())));
        Set<Pair> members = new HashSet<>(before.groupMembers());
        members.removeAll(plan.membersToRemove());
        members.addAll(plan.membersToAdd());
        Set<Pair> links = new HashSet<>(before.links());
        links.removeAll(plan.linksToRemove());
        links.addAll(plan.linksToAdd());
        return new SchoolSnapshot(before.structureId(), before.schoolName(), before.classes(), before.people(),
                before.classMembers(), before.parentsOfPupils(), groups, members, links,
                Optional.of(before.pupilsTalk().orElse(false)));
    }

    private static SchoolSnapshot with(SchoolSnapshot s, boolean pupilsTalk) {
        return new SchoolSnapshot(s.structureId(), s.schoolName(), s.classes(), s.people(), s.classMembers(),
                s.parentsOfPupils(), s.groups(), s.groupMembers(), s.links(), Optional.of(pupilsTalk));
    }

    private static SchoolSnapshot withLinks(SchoolSnapshot s, Set<Pair> links) {
        return new SchoolSnapshot(s.structureId(), s.schoolName(), s.classes(), s.people(), s.classMembers(),
                s.parentsOfPupils(), s.groups(), s.groupMembers(), links, s.pupilsTalk());
    }

    private static UUID group(SchoolSnapshot s, UUID classId, Profile profile) {
        return s.groups().stream().filter(g -> java.util.Objects.equals(g.classId(), classId)
                && g.profile() == profile).findFirst().orElseThrow().id();
    }

    /** The people {@code sender} may write to through the group rules (the query's definition, in memory). */
    private static Set<UUID> reach(SchoolSnapshot s, UUID sender) {
        Set<UUID> mine = new HashSet<>();
        s.groupMembers().stream().filter(m -> m.second().equals(sender)).forEach(m -> mine.add(m.first()));
        Set<UUID> reached = new HashSet<>();
        s.links().stream().filter(l -> mine.contains(l.first())).forEach(l -> reached.add(l.second()));
        Set<UUID> people = new HashSet<>();
        s.groupMembers().stream().filter(m -> reached.contains(m.first())).forEach(m -> people.add(m.second()));
        people.remove(sender);
        return people;
    }
}
