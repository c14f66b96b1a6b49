package fr.ent.platform.apps.console.audit;

import fr.ent.platform.runtime.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The console's trail as the platform's {@link AuditTrail} (ADR 0030): the apps record the rights people exercise
 * (a person's data export...) in the same append-only table as the administrators' changes, so that the
 * collectivity, which answers for them, reads one trail.
 */
@ApplicationScoped
public class CollectivityTrail implements AuditTrail {

    @Inject
    ConsoleAudit audit;

    @Override
    public void record(Entry entry) {
        audit.record(entry.actor(), entry.action(), new AuditTarget(entry.kind(), entry.id(), entry.label(),
                entry.schools()), entry.done() ? Outcome.DONE : Outcome.FAILED, entry.detail());
    }
}
