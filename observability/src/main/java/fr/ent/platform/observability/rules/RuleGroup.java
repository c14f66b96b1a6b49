package fr.ent.platform.observability.rules;

import java.util.List;
import java.util.Objects;

/** A rule group: Prometheus evaluates its rules in order, so a rule may use the series an earlier one records. */
public record RuleGroup(String name, List<Rule> rules) {

    public RuleGroup {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }
}
