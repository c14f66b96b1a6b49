package fr.ent.platform.apps.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.runtime.sharing.Right;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who reads and who writes a wiki: the owner's members from the directory, and share rights, the higher winning. */
class RightsTest {

    static final MyClassView.School JEAN_MACE = new MyClassView.School(UUID.randomUUID(), "École Jean Macé");
    static final MyClassView.School JULES_FERRY = new MyClassView.School(UUID.randomUUID(), "École Jules Ferry");
    static final MyClassView.ClassCard CP = card("CP", JEAN_MACE);
    static final MyClassView.ClassCard CE1 = card("CE1", JEAN_MACE);
    static final MyClassView.ClassCard CM2 = card("CM2", JULES_FERRY);
    static final Owner CP_WIKI = new Owner(Owner.Kind.CLASS, CP.id());
    static final Owner CE1_WIKI = new Owner(Owner.Kind.CLASS, CE1.id());
    static final Owner SCHOOL_WIKI = new Owner(Owner.Kind.SCHOOL, JEAN_MACE.id());

    static final Member TEACHER = member("Teacher", List.of(CP), List.of());
    static final Member PUPIL = member("Student", List.of(CP), List.of());
    static final Member PUPIL_OF_CE1 = member("Student", List.of(CE1), List.of());
    static final Member PUPIL_ELSEWHERE = member("Student", List.of(CM2), List.of());
    static final Member PARENT = member("Relative", List.of(), List.of(new MyClassView.ChildCard(
            new MyClassView.Person(UUID.randomUUID(), "Léa", "Durand"), List.of(CP))));
    static final Member PERSONNEL = member("Personnel", List.of(CP, CE1), List.of());
    static final Member GUEST = member(null, List.of(), List.of());

    @Test
    void a_class_wiki_is_written_by_its_teachers_and_read_by_its_pupils_their_parents_and_the_school_staff() {
        assertThat(Rights.fromMembership(TEACHER, CP_WIKI)).contains(Right.CONTRIB);
        assertThat(Rights.fromMembership(PUPIL, CP_WIKI)).contains(Right.READ);
        assertThat(Rights.fromMembership(PARENT, CP_WIKI)).contains(Right.READ);
        assertThat(Rights.fromMembership(PERSONNEL, CP_WIKI)).contains(Right.READ);
        assertThat(Rights.mayCreate(TEACHER, CP_WIKI)).isTrue();
        assertThat(Rights.mayCreate(PUPIL, CP_WIKI)).isFalse();
        assertThat(Rights.mayCreate(PERSONNEL, CP_WIKI)).isFalse();
    }

    @Test
    void nobody_outside_the_class_has_anything_from_the_directory() {
        assertThat(Rights.fromMembership(PUPIL_OF_CE1, CP_WIKI)).isEmpty();
        assertThat(Rights.fromMembership(PUPIL_ELSEWHERE, CP_WIKI)).isEmpty();
        assertThat(Rights.fromMembership(TEACHER, CE1_WIKI)).isEmpty();
        assertThat(Rights.fromMembership(GUEST, CP_WIKI)).isEmpty();
        assertThat(Rights.mayCreate(TEACHER, CE1_WIKI)).isFalse();
    }

    @Test
    void a_school_wiki_is_written_by_its_teachers_and_personnel_and_read_by_its_families() {
        assertThat(Rights.fromMembership(TEACHER, SCHOOL_WIKI)).contains(Right.CONTRIB);
        assertThat(Rights.fromMembership(PERSONNEL, SCHOOL_WIKI)).contains(Right.CONTRIB);
        assertThat(Rights.fromMembership(PUPIL_OF_CE1, SCHOOL_WIKI)).contains(Right.READ);
        assertThat(Rights.fromMembership(PARENT, SCHOOL_WIKI)).contains(Right.READ);
        assertThat(Rights.fromMembership(PUPIL_ELSEWHERE, SCHOOL_WIKI)).isEmpty();
        assertThat(Rights.mayCreate(PERSONNEL, SCHOOL_WIKI)).isTrue();
        assertThat(Rights.mayCreate(PARENT, SCHOOL_WIKI)).isFalse();
    }

    @Test
    void a_community_wiki_is_written_by_its_administrators_and_read_by_its_members_only() {
        java.util.UUID club = java.util.UUID.randomUUID();
        Owner clubWiki = new Owner(Owner.Kind.COMMUNITY, club);
        Member admin = TEACHER.withCommunities(java.util.Map.of(club, new Member.Place(club, "Club", "Club", true)));
        Member member = PUPIL.withCommunities(java.util.Map.of(club, new Member.Place(club, "Club", "Club", false)));
        assertThat(Rights.fromMembership(admin, clubWiki)).contains(Right.CONTRIB);
        assertThat(Rights.mayCreate(admin, clubWiki)).isTrue();
        assertThat(Rights.fromMembership(member, clubWiki)).contains(Right.READ);
        assertThat(Rights.mayCreate(member, clubWiki)).isFalse();
        // one who left: the communities app no longer lists the community, so nothing comes from it
        assertThat(Rights.fromMembership(PUPIL, clubWiki)).isEmpty();
        assertThat(Owner.Kind.parse("community")).contains(Owner.Kind.COMMUNITY);
    }

    @Test
    void a_share_adds_to_the_directory_and_the_higher_right_wins() {
        assertThat(Rights.higher(Rights.fromMembership(PUPIL_ELSEWHERE, CP_WIKI), Optional.of(Right.READ)))
                .contains(Right.READ);
        assertThat(Rights.higher(Rights.fromMembership(PUPIL, CP_WIKI), Optional.of(Right.CONTRIB)))
                .contains(Right.CONTRIB);
        assertThat(Rights.higher(Rights.fromMembership(TEACHER, CP_WIKI), Optional.of(Right.READ)))
                .contains(Right.CONTRIB);
        assertThat(Rights.higher(Rights.fromMembership(TEACHER, CP_WIKI), Optional.of(Right.MANAGER)))
                .contains(Right.MANAGER);
        assertThat(Rights.higher(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void a_parent_sees_the_childs_class_by_the_childs_name_and_its_school() {
        assertThat(PARENT.classes().get(CP.id()).label()).isEqualTo("CP (Léa) — École Jean Macé");
        assertThat(PARENT.classes().get(CP.id()).staff()).isFalse();
        assertThat(PARENT.schools()).containsOnlyKeys(JEAN_MACE.id());
        assertThat(PERSONNEL.classes().values()).noneMatch(Member.Place::staff);
        assertThat(PERSONNEL.schools().get(JEAN_MACE.id()).staff()).isTrue();
    }

    static Member member(String profile, List<MyClassView.ClassCard> classes, List<MyClassView.ChildCard> children) {
        return Members.member(UUID.randomUUID(), "X", new MyClassView(profile, classes, children));
    }

    static MyClassView.ClassCard card(String name, MyClassView.School school) {
        return new MyClassView.ClassCard(UUID.randomUUID(), name, name, school, List.of(), List.of());
    }
}
