package fr.ent.platform.tenants.shards.move;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A realm move as the admin API shows it (ADR 0048, amended: asynchronous): where it is while it runs, its outcome
 * once it has finished.
 *
 * @param state        RUNNING, DONE (the collectivity lives on {@code to}), FAILED ({@code problem} and
 *                     {@code failure} say why and where the collectivity stands)
 * @param wasActive    the collectivity was ACTIVE when the move started: the move suspends it meanwhile
 * @param currentStep  the step at work (SUSPEND, COPY, SWITCH, REMOVE_SOURCE, RESUME), null once finished
 * @param peopleTotal  how many people the source holds, once counted (null before the copy)
 * @param peopleCopied how many of them the target holds so far
 * @param steps        the milliseconds of each step run, in order
 * @param warnings     what was tolerated: the old realm left on the source, a leftover copy on the target, a take-up
 *                     after a restart
 * @param problem      of a failure: realm-move-failed (undone, on its source as before), realm-move-undo-failed (on
 *                     its source, to resume), realm-move-resume-failed (on the target, to resume),
 *                     realm-move-interrupted (cut by a restart before the switch, on its source)
 * @param failure      the problem's detail (French), naming the step and the cause
 * @param endedOn      the shard the registry names once the move has finished
 * @param endedState   the collectivity's state then
 */
public record RealmMoveView(String id, String slug, String from, String to, String state, boolean wasActive,
        String requestedBy, String currentStep, int stepsDone, int stepsTotal, Integer peopleTotal, int peopleCopied,
        Map<String, Long> steps, List<String> warnings, String problem, String failure, String endedOn,
        String endedState, Instant requestedAt, Instant updatedAt, Instant finishedAt) {

    public int percent() {
        if ("DONE".equals(state)) {
            return 100;
        }
        return stepsTotal <= 0 ? 0 : Math.min(99, stepsDone * 100 / stepsTotal);
    }

    /** How long the move took, once finished. */
    public Double seconds() {
        return finishedAt == null ? null : (finishedAt.toEpochMilli() - requestedAt.toEpochMilli()) / 1000.0;
    }
}
