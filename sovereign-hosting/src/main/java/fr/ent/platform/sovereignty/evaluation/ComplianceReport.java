package fr.ent.platform.sovereignty.evaluation;

import fr.ent.platform.sovereignty.catalogue.RuleId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings for one subject: {@code collectivity} is the slug, or null for the platform-wide report.
 * Compliant means no BLOCKING violation (warnings are reported, they do not make the subject non-compliant).
 */
public record ComplianceReport(String collectivity, List<Finding> findings) {

    public ComplianceReport {
        findings = List.copyOf(findings);
    }

    public String subject() {
        return collectivity == null ? "plateforme" : "collectivité " + collectivity;
    }

    public boolean compliant() {
        return findings.stream().noneMatch(Finding::blocking);
    }

    public List<Finding> violations() {
        return findings.stream().filter(f -> f.status() == Status.VIOLATED).toList();
    }

    public Optional<Finding> finding(RuleId id) {
        Objects.requireNonNull(id, "id");
        return findings.stream().filter(f -> f.ruleId() == id).findFirst();
    }
}
