package fr.ent.platform.operator.tenantmanager;

import java.util.List;

/** Provisioning progress (GET /collectivities/{slug}/provisioning). */
public record ProvisioningView(String slug, String state, String failedStep, String failureReason, int stepsDone,
        int stepsTotal, List<Step> steps) {

    public record Step(String step, String status, int attempts, String error) {
    }

    public ProvisioningView {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
