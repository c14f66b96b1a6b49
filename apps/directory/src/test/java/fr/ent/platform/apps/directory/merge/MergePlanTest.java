package fr.ent.platform.apps.directory.merge;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.Profile;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a merge of two records of one person moves, keeps and refuses (ADR 0025). */
class MergePlanTest {

    static final UUID SCHOOL_A = id(1), SCHOOL_B = id(2), SCHOOL_C = id(3);
    static final UUID CLASS_A = id(11), CLASS_B = id(12), GROUP_A = id(21), GROUP_B = id(22);
    static final UUID CHILD = id(31), PARENT = id(41);

    @Test
    void theSameTeacherInTwoSchoolsBecomesOnePersonWithTwoAttachments() {
        var kept = teacher(id(100), SCHOOL_A, Set.of(CLASS_A), Set.of(GROUP_A), Map.of("educonnect", "x1"), true);
        var merged = new MergePlan.Side(id(200), Profile.Teacher, "be1d-2", SCHOOL_B, Set.of(SCHOOL_C),
                Set.of(CLASS_B, CLASS_A), Set.of(GROUP_B, GROUP_A), Set.of(), Set.of(),
                Map.of("educonnect", "x1", "academie", "s-9"), true);

        MergePlan plan = MergePlan.of(kept, merged);

        assertThat(plan.possible()).isTrue();
        assertThat(plan.newStructure()).isNull(); // the kept school stays the person's school
        assertThat(plan.attachmentsAdded()).containsExactlyInAnyOrder(SCHOOL_B, SCHOOL_C);
        assertThat(plan.classesAdded()).containsExactly(CLASS_B); // CLASS_A: already theirs
        assertThat(plan.groupsAdded()).containsExactly(GROUP_B);
        assertThat(plan.identitiesMoved()).containsExactly(Map.entry("academie", "s-9")); // same educonnect subject
        assertThat(plan.settingsMoved()).isFalse(); // the kept person's own choices win
        assertThat(plan.schoolsTouched()).containsExactlyInAnyOrder(SCHOOL_A, SCHOOL_B, SCHOOL_C);
    }

    @Test
    void familiesMoveToTheKeptRecordWithoutLinkingItToItself() {
        UUID keptId = id(100);
        var kept = new MergePlan.Side(keptId, Profile.Relative, null, SCHOOL_A, Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Map.of(), false);
        var merged = new MergePlan.Side(id(200), Profile.Relative, null, null, Set.of(), Set.of(), Set.of(),
                Set.of(CHILD, keptId), Set.of(PARENT), Map.of(), true);

        MergePlan plan = MergePlan.of(kept, merged);

        assertThat(plan.childrenAdded()).containsExactly(CHILD);
        assertThat(plan.relativesAdded()).containsExactly(PARENT);
        assertThat(plan.attachmentsAdded()).isEmpty();
        assertThat(plan.settingsMoved()).isTrue(); // the kept record had none
    }

    @Test
    void aKeptRecordWithoutSchoolTakesTheOtherOnesSchool() {
        var kept = teacher(id(100), null, Set.of(), Set.of(), Map.of(), false);
        var merged = teacher(id(200), SCHOOL_B, Set.of(), Set.of(), Map.of(), false);

        MergePlan plan = MergePlan.of(kept, merged);

        assertThat(plan.newStructure()).isEqualTo(SCHOOL_B);
        assertThat(plan.attachmentsAdded()).isEmpty();
    }

    @Test
    void refusesTheSameRecordTwoProfilesAndTwoSubjectsAtOneProvider() {
        var teacher = teacher(id(100), SCHOOL_A, Set.of(), Set.of(), Map.of("educonnect", "a"), false);
        assertThat(MergePlan.of(teacher, teacher).refusals()).containsExactly(MergePlan.Refusal.SAME_PERSON);

        var parent = new MergePlan.Side(id(200), Profile.Relative, null, SCHOOL_A, Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Map.of(), false);
        assertThat(MergePlan.of(teacher, parent).refusals()).containsExactly(MergePlan.Refusal.PROFILES_DIFFER);

        var otherSubject = teacher(id(300), SCHOOL_B, Set.of(), Set.of(), Map.of("educonnect", "b"), false);
        MergePlan plan = MergePlan.of(teacher, otherSubject);
        assertThat(plan.possible()).isFalse();
        assertThat(plan.refusals()).containsExactly(MergePlan.Refusal.IDENTITIES_DIFFER);
        assertThat(plan.refusals().get(0).key()).isEqualTo("merge.identities");
    }

    private static MergePlan.Side teacher(UUID id, UUID school, Set<UUID> classes, Set<UUID> groups,
            Map<String, String> identities, boolean settings) {
        return new MergePlan.Side(id, Profile.Teacher, null, school, Set.of(), classes, groups, Set.of(), Set.of(),
                identities, settings);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
