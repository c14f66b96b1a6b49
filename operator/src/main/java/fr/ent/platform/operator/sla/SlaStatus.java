package fr.ent.platform.operator.sla;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code status.sla} of a Collectivity: the figures of its availability objective as Prometheus last computed them.
 * Strings, not floats (Kubernetes API conventions), already rounded for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SlaStatus {

    /** The plan whose objective applies. */
    private String plan;
    /** The objective in percent, e.g. "99.8". */
    private String target;
    /** Availability over the last 30 days in percent, e.g. "99.973". */
    private String achieved30d;
    /** Error budget left over the last 30 days in minutes (negative when overspent), e.g. "63.2". */
    private String budgetRemainingMinutes;
    /** Error ratio over the last hour divided by the allowed ratio (14.4 pages). */
    private String burnRate1h;
    /** Last time an SLA burn-rate alert of this collectivity was firing (ISO-8601), as the operator saw it. */
    private String lastIncident;
    /** When these figures were read from Prometheus (ISO-8601). */
    private String observedAt;

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getAchieved30d() {
        return achieved30d;
    }

    public void setAchieved30d(String achieved30d) {
        this.achieved30d = achieved30d;
    }

    public String getBudgetRemainingMinutes() {
        return budgetRemainingMinutes;
    }

    public void setBudgetRemainingMinutes(String budgetRemainingMinutes) {
        this.budgetRemainingMinutes = budgetRemainingMinutes;
    }

    public String getBurnRate1h() {
        return burnRate1h;
    }

    public void setBurnRate1h(String burnRate1h) {
        this.burnRate1h = burnRate1h;
    }

    public String getLastIncident() {
        return lastIncident;
    }

    public void setLastIncident(String lastIncident) {
        this.lastIncident = lastIncident;
    }

    public String getObservedAt() {
        return observedAt;
    }

    public void setObservedAt(String observedAt) {
        this.observedAt = observedAt;
    }
}
