package fr.ent.platform.apps.privacy.export;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's request for their data, as they see it: its state, how far the job went, and while the archive is
 * kept, its size and until when.
 *
 * @param currentStep the app being exported (or {@code archive} while the archive is stored), null when not running
 */
public record ExportJob(UUID id, State state, int stepsDone, int stepsTotal, String currentStep, Long size,
        String failure, Instant requestedAt, Instant finishedAt, Instant expiresAt) {

    public enum State {
        QUEUED, RUNNING, READY, FAILED, EXPIRED
    }

    /** Whether the job is still at work (the page offers to refresh). */
    public boolean working() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** How far, in percent (whole). */
    public int percent() {
        if (state == State.READY) {
            return 100;
        }
        return stepsTotal <= 0 ? 0 : Math.min(99, stepsDone * 100 / stepsTotal);
    }
}
