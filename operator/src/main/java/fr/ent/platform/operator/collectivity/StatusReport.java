package fr.ent.platform.operator.collectivity;

import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.status.EventRecorder;
import java.util.Objects;

/**
 * Writes a Collectivity's status for one reconciliation: phase, message, the three conditions, observedGeneration;
 * and tells the story as Kubernetes Events, one per transition (phase change, errors appearing or clearing),
 * never one per reconciliation.
 */
final class StatusReport {

    private final Conditions conditions;
    private final EventRecorder events;

    StatusReport(Conditions conditions, EventRecorder events) {
        this.conditions = conditions;
        this.events = events;
    }

    /**
     * @param ready Ready condition: the tenant is in the state its spec asks for
     * @param provisioned Provisioned condition: schema and seed exist
     * @param error null when there is nothing wrong, else the HasErrors reason
     */
    void write(Collectivity c, Phase phase, boolean ready, boolean provisioned, String reason, String message,
            String error) {
        CollectivityStatus status = c.getStatus() == null ? new CollectivityStatus() : c.getStatus();
        c.setStatus(status);
        long generation = c.getMetadata().getGeneration() == null ? 0 : c.getMetadata().getGeneration();
        String previousPhase = status.getPhase();
        String previousMessage = status.getMessage();
        status.setObservedGeneration(generation);
        status.setPhase(phase.name());
        status.setMessage(message);
        conditions.set(status, generation, ConditionType.Ready, ready, reason, message);
        conditions.set(status, generation, ConditionType.Provisioned, provisioned,
                provisioned ? "Provisioned" : reason, provisioned ? "schema " + status.getSchema() + " provisioned"
                        : message);
        boolean errorChanged = conditions.set(status, generation, ConditionType.HasErrors, error != null,
                error == null ? "NoErrors" : error, error == null ? "no error" : message);
        if (!phase.name().equals(previousPhase) || (phase.isWarning() && !Objects.equals(previousMessage, message))) {
            if (phase.isWarning()) {
                events.warning(c, reason, message);
            } else {
                events.normal(c, reason, message);
            }
        } else if (errorChanged) {
            if (error != null) {
                events.warning(c, error, message);
            } else {
                events.normal(c, "ErrorsCleared", message);
            }
        }
    }

    EventRecorder events() {
        return events;
    }

    /** An error that does not change what is known of the tenant (tenant-manager unreachable...). */
    void error(Collectivity c, String reason, String message) {
        CollectivityStatus status = c.getStatus() == null ? new CollectivityStatus() : c.getStatus();
        c.setStatus(status);
        long generation = c.getMetadata().getGeneration() == null ? 0 : c.getMetadata().getGeneration();
        status.setMessage(message);
        if (conditions.set(status, generation, ConditionType.HasErrors, true, reason, message)) {
            events.warning(c, reason, message);
        }
    }
}
