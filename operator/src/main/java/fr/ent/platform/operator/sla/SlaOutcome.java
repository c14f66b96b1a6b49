package fr.ent.platform.operator.sla;

/**
 * What the SLA watch concluded for one collectivity: the SLAMet condition and the figures of status.sla.
 *
 * @param status "True", "False" or "Unknown"
 * @param sla the figures to publish (the previous ones when Prometheus could not be read)
 */
public record SlaOutcome(String status, String reason, String message, SlaStatus sla) {

    public static final String OBJECTIVE_MET = "ObjectiveMet";
    public static final String BUDGET_EXHAUSTED = "ErrorBudgetExhausted";
    public static final String NO_DATA = "NoData";
    public static final String PROMETHEUS_UNAVAILABLE = "PrometheusUnavailable";
}
