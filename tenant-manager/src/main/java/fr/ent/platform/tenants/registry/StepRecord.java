package fr.ent.platform.tenants.registry;

import java.time.Instant;

/** What the registry remembers of one provisioning step of one collectivity. */
public record StepRecord(ProvisioningStep step, String status, int attempts, Instant startedAt, Instant finishedAt,
        String error) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
