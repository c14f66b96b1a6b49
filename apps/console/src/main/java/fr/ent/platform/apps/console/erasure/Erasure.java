package fr.ent.platform.apps.console.erasure;

import java.time.Instant;
import java.util.UUID;

/**
 * One erasure of a person as the console shows it: whom (as they were), why, how far the job went.
 *
 * @param currentStep the app being erased, null when not running
 */
public record Erasure(UUID id, UUID userId, String label, String schools, Reason reason, String requestedBy,
        State state, int stepsDone, int stepsTotal, String currentStep, long erasedRows, String failure,
        Instant requestedAt, Instant finishedAt) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** An administrator asked for it, or the person lost the right long enough ago. */
    public enum Reason {
        REQUEST, END_OF_RIGHTS
    }

    public boolean working() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return stepsTotal <= 0 ? 0 : Math.min(99, stepsDone * 100 / stepsTotal);
    }
}
