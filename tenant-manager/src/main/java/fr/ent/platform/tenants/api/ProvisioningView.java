package fr.ent.platform.tenants.api;

import fr.ent.platform.tenants.provisioning.StepRecord;
import fr.ent.platform.tenants.registry.Collectivity;
import java.time.Instant;
import java.util.List;

/** Provisioning status: the collectivity's state, each recorded step, and how far along it is. */
public record ProvisioningView(String slug, String state, String failedStep, String failureReason,
        int stepsDone, int stepsTotal, List<Step> steps) {

    public record Step(String step, String status, int attempts, Instant startedAt, Instant finishedAt, String error) {
    }

    static ProvisioningView of(Collectivity c, List<StepRecord> records) {
        List<Step> steps = records.stream()
                .map(r -> new Step(r.step().name(), r.status(), r.attempts(), r.startedAt(), r.finishedAt(), r.error()))
                .toList();
        int done = (int) records.stream().filter(StepRecord::done).count();
        return new ProvisioningView(c.slug(), c.state().name(), c.failedStep(), c.failureReason(), done,
                records.size(), steps);
    }
}
