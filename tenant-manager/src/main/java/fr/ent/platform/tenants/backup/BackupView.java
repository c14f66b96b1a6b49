package fr.ent.platform.tenants.backup;

import java.time.Instant;

/**
 * A backup or a restore of a collectivity, as the admin API shows it (ADR 0040).
 *
 * @param state        QUEUED, RUNNING, GOOD (a verified backup), DONE (a restore switched over), FAILED, EXPIRED (a good
 *                     backup the retention removed from the store, ADR 0046)
 * @param sourceBackup for a restore, the backup restored (null: a file the operator sent)
 * @param verifiedAt   when the stored backup was decrypted and restored whole into a scratch schema
 * @param seconds      how long the job took, once finished
 * @param slot         for a scheduled backup, the day it is for (in the collectivity's time zone); null otherwise
 * @param expiredAt    when the retention removed it from the store
 */
public record BackupView(String id, String kind, String state, String sourceBackup, String requestedBy, int stepsDone,
        int stepsTotal, String currentStep, Integer keyVersion, Long size, String sha256, Long rows, Long files,
        Instant verifiedAt, String failure, Instant requestedAt, Instant finishedAt, Double seconds,
        java.time.LocalDate slot, Instant expiredAt) {

    public int percent() {
        if ("GOOD".equals(state) || "DONE".equals(state)) {
            return 100;
        }
        return stepsTotal <= 0 ? 0 : Math.min(99, stepsDone * 100 / stepsTotal);
    }
}
