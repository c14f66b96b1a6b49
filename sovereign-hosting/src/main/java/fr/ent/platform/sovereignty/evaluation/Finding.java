package fr.ent.platform.sovereignty.evaluation;

import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.catalogue.Severity;
import java.util.Objects;

/** One rule's result for one subject (the platform or a collectivity). Evidence and fix are in French. */
public record Finding(RuleId ruleId, Severity severity, Status status, String evidence, String fix) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evidence, "evidence");
    }

    public boolean blocking() {
        return status == Status.VIOLATED && severity == Severity.BLOCKING;
    }
}
