package fr.ent.platform.tenants.operator;

import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.StepRecord;
import java.util.List;

/**
 * One collectivity at a glance, for the hosting operators' overview: its state, its provisioning steps, this
 * month's availability and its compliance verdict.
 *
 * @param failedStep the step it failed at (state FAILED), else null
 * @param sla this month's availability, or why it is not known; null for a collectivity the runtime does not serve
 * @param compliance the compliance report's verdict and counts, null if it could not be computed
 */
public record OperatorRow(String slug, String displayName, String kind, List<String> domains, TenantState state,
        String failedStep, String failureReason, List<StepRecord> steps, Sla sla, Compliance compliance) {

    public OperatorRow {
        domains = List.copyOf(domains);
        steps = List.copyOf(steps);
    }

    public long stepsDone() {
        return steps.stream().filter(StepRecord::done).count();
    }

    /**
     * This month's availability so far.
     *
     * @param availabilityPercent null when nothing was measured, or when {@code unavailable} says why
     * @param unavailable the problem code when the report could not be computed ({@code prometheus-not-configured},
     *        {@code prometheus-unavailable}), else null
     */
    public record Sla(String targetPercent, Double availabilityPercent, Double budgetRemainingMinutes,
            Boolean objectiveMet, String unavailable) {
    }

    /** The verdict ({@code conforme}, {@code non conforme}…) and the number of rules per status. */
    public record Compliance(String verdict, long compliant, long violated, long warnings, long notEvaluated,
            long rules) {
    }
}
