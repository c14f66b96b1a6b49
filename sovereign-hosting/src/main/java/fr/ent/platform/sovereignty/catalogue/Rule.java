package fr.ent.platform.sovereignty.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One rule of the catalogue.
 *
 * @param title what the rule requires, in French
 * @param sources where it comes from (the first is the main one)
 * @param check how it is checked over the inventory, in French (reproduced in docs/sovereignty.md)
 */
public record Rule(RuleId id, String title, List<Source> sources, Severity severity, Scope scope, String check,
                   RuleEvaluator evaluator) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(id + " : une règle cite au moins une source");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(evaluator, "evaluator");
    }
}
