package fr.ent.platform.operator.compliance;

import java.util.List;

/**
 * What the Compliant condition of one collectivity says.
 *
 * @param compliant no blocking violation in the collectivity's report nor in the platform's
 * @param reason {@code Compliant}, {@code RulesViolated} or {@code EvaluationFailed} (inputs missing or invalid:
 *        not compliant, since nothing undeclared is assumed compliant)
 * @param violatedRules the codes of the blocking rules violated (empty unless RulesViolated)
 * @param message one sentence for the condition, naming the violated rules
 */
public record ComplianceOutcome(boolean compliant, String reason, List<String> violatedRules, String message) {

    public ComplianceOutcome {
        violatedRules = List.copyOf(violatedRules);
    }
}
