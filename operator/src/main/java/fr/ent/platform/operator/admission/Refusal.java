package fr.ent.platform.operator.admission;

import fr.ent.platform.sovereignty.catalogue.RuleId;
import java.util.Objects;

/** Why an object is refused: the blocking rule it violates, what is wrong, how to fix it (French, for kubectl). */
public record Refusal(RuleId rule, String problem, String fix) {

    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    public String message() {
        return "[" + rule.code() + "] " + problem + " Correction : " + fix;
    }
}
