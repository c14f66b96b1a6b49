package fr.ent.platform.observability.sla;

/** Who an alert reaches: a page wakes the on-call engineer now, a ticket is handled in working hours. */
public enum Severity {
    PAGE("page"), TICKET("ticket");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The value of the alert's {@code severity} label (Alertmanager routes on it). */
    public String label() {
        return label;
    }
}
