package fr.ent.platform.tenants.shards.move;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Result;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Step;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.TakeUp;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.TakenUp;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Undo;
import fr.ent.platform.tenants.shards.move.RealmMovePlan.Where;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The order of a realm move and its ways back (ADR 0048), on effects that only record what they are asked and fail
 * where told: whatever fails before the registry switch, the collectivity ends on its source in its state before;
 * after the switch it is on the target, never on both and never on neither.
 */
class RealmMovePlanTest {

    private static final List<KeycloakShard> SHARDS = List.of(shard("default", 10, 300, true),
            shard("b", 0, 1, true), shard("full", 5, 5, true), shard("closed", 0, 100, false));

    private static KeycloakShard shard(String name, int realms, int capacity, boolean open) {
        return new KeycloakShard(name, Optional.of("http://" + name), Optional.of("http://" + name), capacity, open,
                realms);
    }

    /** Records steps and undos; fails the steps and undos it is given. */
    private static final class Recorder implements RealmMovePlan.Effects {
        final List<Object> calls = new ArrayList<>();
        final Set<Step> failing;
        final Set<Undo> failingUndos;

        Recorder(Set<Step> failing, Set<Undo> failingUndos) {
            this.failing = failing;
            this.failingUndos = failingUndos;
        }

        @Override
        public void run(Step step) {
            calls.add(step);
            if (failing.contains(step)) {
                throw new IllegalStateException(step + " failed");
            }
        }

        @Override
        public void undo(Undo undo) {
            calls.add(undo);
            if (failingUndos.contains(undo)) {
                throw new IllegalStateException(undo + " failed");
            }
        }
    }

    private static Recorder failing(Step... steps) {
        return new Recorder(steps.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.of(steps[0], steps),
                EnumSet.noneOf(Undo.class));
    }

    @Test
    void anActiveCollectivityIsSuspendedCopiedSwitchedCleanedThenResumed() {
        Recorder effects = failing();
        Result result = RealmMovePlan.run(true, effects);
        assertThat(effects.calls).containsExactly(Step.SUSPEND, Step.COPY, Step.SWITCH, Step.REMOVE_SOURCE,
                Step.RESUME);
        assertThat(result.moved()).isTrue();
        assertThat(result.failed()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aSuspendedCollectivityIsMovedAndStaysSuspended() {
        Recorder effects = failing();
        assertThat(RealmMovePlan.run(false, effects).moved()).isTrue();
        assertThat(effects.calls).containsExactly(Step.COPY, Step.SWITCH, Step.REMOVE_SOURCE);
    }

    @Test
    void aFailedCopyRemovesTheTargetsCopyAndResumesOnTheSourceWithoutSwitching() {
        Recorder effects = failing(Step.COPY);
        Result result = RealmMovePlan.run(true, effects);
        assertThat(effects.calls).containsExactly(Step.SUSPEND, Step.COPY, Undo.REMOVE_TARGET_COPY,
                Undo.RESUME_ON_SOURCE);
        assertThat(result.moved()).isFalse();
        assertThat(result.failed()).contains(Step.COPY);
        assertThat(result.cause()).get().extracting(Throwable::getMessage).isEqualTo("COPY failed");
        assertThat(result.undoFailed()).isFalse();
    }

    @Test
    void aRefusedSwitchUndoesTheSameWayAndASuspendedOneIsNotResumed() {
        Recorder active = failing(Step.SWITCH);
        assertThat(RealmMovePlan.run(true, active).moved()).isFalse();
        assertThat(active.calls).containsExactly(Step.SUSPEND, Step.COPY, Step.SWITCH, Undo.REMOVE_TARGET_COPY,
                Undo.RESUME_ON_SOURCE);
        Recorder suspended = failing(Step.SWITCH);
        assertThat(RealmMovePlan.run(false, suspended).moved()).isFalse();
        assertThat(suspended.calls).containsExactly(Step.COPY, Step.SWITCH, Undo.REMOVE_TARGET_COPY);
    }

    @Test
    void aFailedSuspensionStopsBeforeAnythingElse() {
        Recorder effects = failing(Step.SUSPEND);
        Result result = RealmMovePlan.run(true, effects);
        assertThat(effects.calls).containsExactly(Step.SUSPEND);
        assertThat(result.moved()).isFalse();
    }

    @Test
    void theOldRealmLeftOnTheSourceIsAWarningAndTheMoveGoesOn() {
        Recorder effects = failing(Step.REMOVE_SOURCE);
        Result result = RealmMovePlan.run(true, effects);
        assertThat(effects.calls).containsExactly(Step.SUSPEND, Step.COPY, Step.SWITCH, Step.REMOVE_SOURCE,
                Step.RESUME);
        assertThat(result.moved()).isTrue();
        assertThat(result.failed()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().startsWith("REMOVE_SOURCE");
    }

    @Test
    void aFailedResumeAfterTheSwitchLeavesItOnTheTargetAndUndoesNothing() {
        Recorder effects = failing(Step.RESUME);
        Result result = RealmMovePlan.run(true, effects);
        assertThat(effects.calls).containsExactly(Step.SUSPEND, Step.COPY, Step.SWITCH, Step.REMOVE_SOURCE,
                Step.RESUME);
        assertThat(result.moved()).as("on the target, to be resumed").isTrue();
        assertThat(result.failed()).contains(Step.RESUME);
    }

    @Test
    void aLeftoverCopyIsAWarningButAFailedResumeOnTheSourceIsSaid() {
        Recorder leftover = new Recorder(EnumSet.of(Step.COPY), EnumSet.of(Undo.REMOVE_TARGET_COPY));
        Result tolerated = RealmMovePlan.run(true, leftover);
        assertThat(leftover.calls).containsExactly(Step.SUSPEND, Step.COPY, Undo.REMOVE_TARGET_COPY,
                Undo.RESUME_ON_SOURCE);
        assertThat(tolerated.undoFailed()).isFalse();
        assertThat(tolerated.warnings()).singleElement().asString().startsWith("REMOVE_TARGET_COPY");

        Recorder stuck = new Recorder(EnumSet.of(Step.COPY), EnumSet.of(Undo.RESUME_ON_SOURCE));
        Result result = RealmMovePlan.run(true, stuck);
        assertThat(result.undoFailed()).isTrue();
        assertThat(result.moved()).isFalse();
        assertThat(result.cause().orElseThrow().getSuppressed()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void neverHalfATenantWhateverStepFails(Step step) {
        // Before the switch: switch never done or undone, so on the source; from the switch on: on the target.
        Result result = RealmMovePlan.run(true, failing(step));
        boolean switched = result.done().contains(Step.SWITCH);
        assertThat(result.moved()).isEqualTo(switched);
        if (!switched && step != Step.SUSPEND) {
            assertThat(RealmMovePlan.undo(step, true)).contains(Undo.RESUME_ON_SOURCE);
        }
    }

    @Test
    void refusalsBeforeAnythingChanges() {
        assertThat(refusal(TenantState.ACTIVE, "default", "b")).isEmpty();
        assertThat(refusal(TenantState.SUSPENDED, "default", "b")).isEmpty();
        assertThat(code(refusal(TenantState.ACTIVE, "default", "default"))).isEqualTo("realm-move-same-shard");
        assertThat(code(refusal(TenantState.ACTIVE, "default", "full"))).isEqualTo("shard-full");
        assertThat(code(refusal(TenantState.ACTIVE, "default", "closed"))).isEqualTo("shard-closed");
        for (TenantState state : EnumSet.complementOf(EnumSet.of(TenantState.ACTIVE, TenantState.SUSPENDED))) {
            assertThat(code(refusal(state, "default", "b"))).as(state.name()).isEqualTo("realm-move-state");
        }
        assertThat(refusal(TenantState.ACTIVE, "default", "nowhere")).get()
                .isInstanceOf(InvalidTenantInputException.class).extracting(Throwable::getMessage).asString()
                .contains("shard.unknown");
    }

    // --- the take-up of a move a restart cut (the registry says which side of the switch)

    @Test
    void cutBeforeTheSwitchTheCopyIsRemovedAndTheCollectivityTheMoveSuspendedIsResumedOnItsSource() {
        TakeUp plan = RealmMovePlan.takeUp(Where.SOURCE, true, TenantState.SUSPENDED);
        assertThat(plan.switched()).isFalse();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.undos()).containsExactly(Undo.REMOVE_TARGET_COPY, Undo.RESUME_ON_SOURCE);

        Recorder effects = failing();
        TakenUp taken = RealmMovePlan.takeUp(plan, effects);
        assertThat(effects.calls).containsExactly(Undo.REMOVE_TARGET_COPY, Undo.RESUME_ON_SOURCE);
        assertThat(taken.switched()).isFalse();
        assertThat(taken.resumeFailed()).isEmpty();
        assertThat(taken.warnings()).isEmpty();
    }

    @Test
    void cutBeforeTheSwitchACollectivityNotSuspendedByTheMoveOrNoLongerSuspendedKeepsItsState() {
        // suspended before the move: moved suspended, left suspended
        assertThat(RealmMovePlan.takeUp(Where.SOURCE, false, TenantState.SUSPENDED).undos())
                .containsExactly(Undo.REMOVE_TARGET_COPY);
        // cut before its SUSPEND, or resumed by the undo before the row was written, or by an operator since
        assertThat(RealmMovePlan.takeUp(Where.SOURCE, true, TenantState.ACTIVE).undos())
                .containsExactly(Undo.REMOVE_TARGET_COPY);
        // archived by an operator since: not resumed
        assertThat(RealmMovePlan.takeUp(Where.SOURCE, true, TenantState.ARCHIVED).undos())
                .containsExactly(Undo.REMOVE_TARGET_COPY);
    }

    @Test
    void cutAfterTheSwitchTheOldRealmIsRemovedAndTheCollectivityResumedOnTheTarget() {
        TakeUp plan = RealmMovePlan.takeUp(Where.TARGET, true, TenantState.SUSPENDED);
        assertThat(plan.switched()).isTrue();
        assertThat(plan.undos()).as("nothing is undone after the point of no return").isEmpty();
        assertThat(plan.steps()).containsExactly(Step.REMOVE_SOURCE, Step.RESUME);
        assertThat(RealmMovePlan.takeUp(Where.TARGET, false, TenantState.SUSPENDED).steps())
                .containsExactly(Step.REMOVE_SOURCE);
        assertThat(RealmMovePlan.takeUp(Where.TARGET, true, TenantState.ACTIVE).steps())
                .as("cut after its RESUME, before the row said DONE").containsExactly(Step.REMOVE_SOURCE);

        // the old realm's removal failing is a warning; the move is still done
        Recorder leftover = failing(Step.REMOVE_SOURCE);
        TakenUp taken = RealmMovePlan.takeUp(plan, leftover);
        assertThat(leftover.calls).containsExactly(Step.REMOVE_SOURCE, Step.RESUME);
        assertThat(taken.switched()).isTrue();
        assertThat(taken.resumeFailed()).isEmpty();
        assertThat(taken.warnings()).singleElement().asString().startsWith("REMOVE_SOURCE");
    }

    @Test
    void aResumeThatFailsInATakeUpIsSaidWhicheverSideOfTheSwitch() {
        TakenUp after = RealmMovePlan.takeUp(RealmMovePlan.takeUp(Where.TARGET, true, TenantState.SUSPENDED),
                failing(Step.RESUME));
        assertThat(after.switched()).isTrue();
        assertThat(after.resumeFailed()).get().extracting(Throwable::getMessage).isEqualTo("RESUME failed");

        Recorder stuck = new Recorder(EnumSet.noneOf(Step.class), EnumSet.allOf(Undo.class));
        TakenUp before = RealmMovePlan.takeUp(RealmMovePlan.takeUp(Where.SOURCE, true, TenantState.SUSPENDED),
                stuck);
        assertThat(stuck.calls).as("the resume is tried though the copy was not removed")
                .containsExactly(Undo.REMOVE_TARGET_COPY, Undo.RESUME_ON_SOURCE);
        assertThat(before.switched()).isFalse();
        assertThat(before.resumeFailed()).get().extracting(Throwable::getMessage).isEqualTo("RESUME_ON_SOURCE failed");
        assertThat(before.warnings()).hasSize(2);
    }

    @Test
    void aRegistryNamingNeitherShardTouchesNeitherRealm() {
        TakeUp plan = RealmMovePlan.takeUp(Where.ELSEWHERE, true, TenantState.SUSPENDED);
        Recorder effects = failing();
        TakenUp taken = RealmMovePlan.takeUp(plan, effects);
        assertThat(effects.calls).isEmpty();
        assertThat(taken.switched()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aTakeUpNeverRemovesTheRealmTheRegistryNames(Where where) {
        for (TenantState state : TenantState.values()) {
            for (boolean active : new boolean[] {true, false}) {
                TakeUp plan = RealmMovePlan.takeUp(where, active, state);
                if (where != Where.TARGET) {
                    assertThat(plan.steps()).doesNotContain(Step.REMOVE_SOURCE);
                }
                if (where != Where.SOURCE) {
                    assertThat(plan.undos()).doesNotContain(Undo.REMOVE_TARGET_COPY);
                }
                assertThat(plan.switched()).isEqualTo(where == Where.TARGET);
                boolean resumes = plan.steps().contains(Step.RESUME) || plan.undos().contains(Undo.RESUME_ON_SOURCE);
                assertThat(resumes).as(where + " " + state + " active=" + active)
                        .isEqualTo(active && state == TenantState.SUSPENDED && where != Where.ELSEWHERE);
            }
        }
    }

    private static Optional<RuntimeException> refusal(TenantState state, String source, String target) {
        return RealmMovePlan.refusal("x", state, source, target, SHARDS);
    }

    private static String code(Optional<RuntimeException> refusal) {
        assertThat(refusal).get().isInstanceOf(Conflict.class);
        return ((DomainException) refusal.get()).code();
    }
}
