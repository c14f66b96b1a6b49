package fr.ent.platform.tenants.transfer;

import java.time.Instant;

/**
 * A collectivity's export or import as the admin API shows it (the runtime runs it, ADR 0033): its state, progress,
 * and for an export the archive's size, SHA-256 and when its stored copy was verified.
 */
public record TransferView(String id, String kind, String state, String requestedBy, int stepsDone, int stepsTotal,
        String currentStep, Long size, String sha256, Long rows, Long files, Instant verifiedAt, String failure,
        Instant requestedAt, Instant finishedAt) {
}
