package fr.ent.platform.apps.privacy.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * A whole collectivity's export or import (ADR 0033), as the console and the operators see it.
 *
 * @param verifiedAt when the stored archive was read back and every checksum matched (exports): the tested export
 */
public record TransferJob(UUID id, Kind kind, State state, String requestedBy, int stepsDone, int stepsTotal,
        String currentStep, Long size, String sha256, Long rows, Long files, Instant verifiedAt, String failure,
        Instant requestedAt, Instant finishedAt) {

    public enum Kind {
        EXPORT, IMPORT,
        /** A restore's files put back before tenant-manager switches the collectivity over (ADR 0040). */
        RESTORE_FILES
    }

    public enum State {
        QUEUED, RUNNING, READY, DONE, FAILED
    }

    public boolean working() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    public int percent() {
        if (state == State.READY || state == State.DONE) {
            return 100;
        }
        return stepsTotal <= 0 ? 0 : Math.min(99, stepsDone * 100 / stepsTotal);
    }
}
