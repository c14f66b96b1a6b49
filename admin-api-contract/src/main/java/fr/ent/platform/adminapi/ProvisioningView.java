package fr.ent.platform.adminapi;

import fr.ent.platform.tenancy.TenantState;
import java.time.Instant;
import java.util.List;

/**
 * Provisioning status ({@code GET /collectivities/{slug}/provisioning}): the collectivity's state, each recorded
 * step, and how far along it is.
 */
public record ProvisioningView(String slug, TenantState state, String failedStep, String failureReason,
        int stepsDone, int stepsTotal, List<Step> steps) {

    /** One provisioning step: {@code status} is {@code PENDING}, {@code RUNNING}, {@code DONE} or {@code FAILED}. */
    public record Step(String step, String status, int attempts, Instant startedAt, Instant finishedAt, String error) {
    }

    public ProvisioningView {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
