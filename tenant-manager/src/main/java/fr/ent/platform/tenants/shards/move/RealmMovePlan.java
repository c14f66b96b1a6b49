package fr.ent.platform.tenants.shards.move;

import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.TenantState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a move of a collectivity's realm to another Keycloak shard does and undoes (ADR 0048), decided apart from
 * Keycloak and the registry so that the order and every way back are tested alone ({@code RealmMovePlanTest}).
 *
 * <p>The registry switch is the one point of no return: before it, the collectivity lives on its source shard and
 * a failure leaves it there (the copy on the target removed, the collectivity resumed if it was active); after it,
 * the collectivity lives on the target, and what is left to do (remove the old realm, resume) cannot make it half a
 * tenant. A move whose process died is taken up the same way, from what the registry says ({@link #takeUp}).
 */
final class RealmMovePlan {

    private RealmMovePlan() {
    }

    /** The steps, in order. */
    enum Step {
        /** ACTIVE → SUSPENDED: the portal answers 503, the source realm is disabled and its sessions ended. */
        SUSPEND,
        /** The realm and its people exported from the source, imported into the target, counts compared. */
        COPY,
        /** collectivity.keycloak_shard := target, under the placement lock and if the target has room still. */
        SWITCH,
        /** The realm removed from the source shard (best effort: a leftover is disabled and used by nobody). */
        REMOVE_SOURCE,
        /** SUSPENDED → ACTIVE again, now on the target: its realm enabled there. */
        RESUME
    }

    /** What puts things back when a step before the switch fails. */
    enum Undo {
        /** The target's copy removed (best effort: nobody uses it, and the next move removes it first). */
        REMOVE_TARGET_COPY,
        /** The collectivity resumed on its source shard (its state before the move). */
        RESUME_ON_SOURCE
    }

    /**
     * Why the move is refused before anything changes, or empty. Checked in this order: the state of the
     * collectivity, the target's existence, then where it is and whether the target takes it.
     */
    static Optional<RuntimeException> refusal(String slug, TenantState state, String source, String target,
            List<KeycloakShard> shards) {
        if (state != TenantState.ACTIVE && state != TenantState.SUSPENDED) {
            return Optional.of(new Conflict("realm-move-state", slug, state));
        }
        Optional<KeycloakShard> to = shards.stream().filter(s -> s.name().equals(target)).findFirst();
        if (to.isEmpty()) {
            return Optional.of(new InvalidTenantInputException("shard", "shard.unknown", target,
                    String.join(", ", shards.stream().map(KeycloakShard::name).toList())));
        }
        if (to.get().name().equals(source)) {
            return Optional.of(new Conflict("realm-move-same-shard", slug, source));
        }
        if (!to.get().open()) {
            return Optional.of(new Conflict("shard-closed", target));
        }
        if (to.get().realms() >= to.get().capacity()) {
            return Optional.of(new Conflict("shard-full", target, to.get().realms(), to.get().capacity()));
        }
        return Optional.empty();
    }

    /** A suspended collectivity is moved and stays suspended; an active one is suspended meanwhile. */
    static List<Step> steps(boolean active) {
        List<Step> steps = new ArrayList<>();
        if (active) {
            steps.add(Step.SUSPEND);
        }
        steps.addAll(List.of(Step.COPY, Step.SWITCH, Step.REMOVE_SOURCE));
        if (active) {
            steps.add(Step.RESUME);
        }
        return List.copyOf(steps);
    }

    /** Whether the move goes on past a failure of this step: the old realm's removal only. */
    static boolean tolerated(Step failed) {
        return failed == Step.REMOVE_SOURCE;
    }

    /**
     * What undoes a move whose step {@code failed}, in order. Nothing when the suspension itself failed (it puts its
     * own state back) and nothing after the switch (the collectivity lives on the target: the operator resumes it).
     */
    static List<Undo> undo(Step failed, boolean active) {
        return switch (failed) {
            case SUSPEND, REMOVE_SOURCE, RESUME -> List.of();
            case COPY, SWITCH -> active ? List.of(Undo.REMOVE_TARGET_COPY, Undo.RESUME_ON_SOURCE)
                    : List.of(Undo.REMOVE_TARGET_COPY);
        };
    }

    /** Whether a failure of this undo leaves the collectivity other than it was (a leftover copy does not). */
    static boolean matters(Undo undo) {
        return undo == Undo.RESUME_ON_SOURCE;
    }

    /** Whether the collectivity lives on the target once this step has failed. */
    static boolean onTarget(Step failed) {
        return failed == Step.REMOVE_SOURCE || failed == Step.RESUME;
    }

    /** The effects of the steps and undos, on Keycloak and the registry ({@code RealmMoves}). */
    interface Effects {
        void run(Step step);

        void undo(Undo undo);
    }

    /**
     * How a move went.
     *
     * @param failed the step that failed and stopped the move, if any (a tolerated failure is a warning)
     * @param cause its exception
     * @param undoFailed an undo that matters failed too (the collectivity may be left suspended on its source)
     * @param warnings tolerated failures: the old realm not removed, a leftover copy on the target
     */
    record Result(List<Step> done, Optional<Step> failed, Optional<RuntimeException> cause, boolean undoFailed,
            List<String> warnings) {

        boolean moved() {
            return failed.isEmpty() || onTarget(failed.get());
        }
    }

    /** Runs the steps in order; on a failure before the switch, the undos; never throws what a step threw. */
    static Result run(boolean active, Effects effects) {
        List<Step> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Step step : steps(active)) {
            try {
                effects.run(step);
                done.add(step);
            } catch (RuntimeException e) {
                if (tolerated(step)) {
                    warnings.add(step + ": " + e.getMessage());
                    continue;
                }
                boolean undoFailed = false;
                for (Undo undo : undo(step, active)) {
                    try {
                        effects.undo(undo);
                    } catch (RuntimeException u) {
                        e.addSuppressed(u);
                        warnings.add(undo + ": " + u.getMessage());
                        undoFailed |= matters(undo);
                    }
                }
                return new Result(List.copyOf(done), Optional.of(step), Optional.of(e), undoFailed,
                        List.copyOf(warnings));
            }
        }
        return new Result(List.copyOf(done), Optional.empty(), Optional.empty(), false, List.copyOf(warnings));
    }

    /** Where the registry places the collectivity of an interrupted move when it is taken up. */
    enum Where {
        /** Still its source: the switch never happened. */
        SOURCE,
        /** Its target: the switch happened, the collectivity lives there. */
        TARGET,
        /** Neither (changed by hand since): neither realm is touched. */
        ELSEWHERE
    }

    /**
     * What is done with a move whose process died (a restart), decided from the registry, the one point of no
     * return: before the switch, what an undo does (the target's copy removed, the collectivity resumed on its source
     * if the move had suspended it and it still is); after it, what the move had left to do (the old realm removed,
     * the collectivity resumed on the target, likewise). A collectivity the move did not suspend, or that is no longer
     * suspended (resumed or archived by an operator meanwhile), is left in its state.
     *
     * @param switched whether the collectivity lives on the target (the move is DONE, with a warning)
     */
    record TakeUp(boolean switched, List<Step> steps, List<Undo> undos) {
    }

    static TakeUp takeUp(Where where, boolean wasActive, TenantState now) {
        boolean resume = wasActive && now == TenantState.SUSPENDED;
        return switch (where) {
            case SOURCE -> new TakeUp(false, List.of(), resume ? List.of(Undo.REMOVE_TARGET_COPY,
                    Undo.RESUME_ON_SOURCE) : List.of(Undo.REMOVE_TARGET_COPY));
            case TARGET -> new TakeUp(true, resume ? List.of(Step.REMOVE_SOURCE, Step.RESUME)
                    : List.of(Step.REMOVE_SOURCE), List.of());
            case ELSEWHERE -> new TakeUp(false, List.of(), List.of());
        };
    }

    /**
     * How a take-up went.
     *
     * @param resumeFailed the resume it had to do failed (the collectivity stays suspended, where {@code switched}
     *        says)
     * @param warnings the best-effort removals that failed, and the resume's failure
     */
    record TakenUp(boolean switched, Optional<RuntimeException> resumeFailed, List<String> warnings) {
    }

    /** Runs a take-up's steps or undos, each whatever the others did; never throws what one threw. */
    static TakenUp takeUp(TakeUp plan, Effects effects) {
        List<String> warnings = new ArrayList<>();
        RuntimeException resumeFailed = null;
        for (Step step : plan.steps()) {
            try {
                effects.run(step);
            } catch (RuntimeException e) {
                warnings.add(step + ": " + e.getMessage());
                resumeFailed = step == Step.RESUME ? e : resumeFailed;
            }
        }
        for (Undo undo : plan.undos()) {
            try {
                effects.undo(undo);
            } catch (RuntimeException e) {
                warnings.add(undo + ": " + e.getMessage());
                resumeFailed = matters(undo) ? e : resumeFailed;
            }
        }
        return new TakenUp(plan.switched(), Optional.ofNullable(resumeFailed), List.copyOf(warnings));
    }
}
