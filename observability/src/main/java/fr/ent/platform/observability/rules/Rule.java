package fr.ent.platform.observability.rules;

/** A Prometheus rule: a recording rule or an alerting rule. */
public sealed interface Rule permits RecordingRule, AlertingRule {

    /** The PromQL expression. */
    String expr();
}
