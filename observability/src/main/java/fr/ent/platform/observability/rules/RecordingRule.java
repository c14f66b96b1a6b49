package fr.ent.platform.observability.rules;

import java.util.Map;
import java.util.Objects;

/** A recording rule: {@code record} is the name of the series the expression is stored as. */
public record RecordingRule(String record, String expr, Map<String, String> labels) implements Rule {

    public RecordingRule {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(expr, "expr");
        labels = Map.copyOf(labels);
    }

    public RecordingRule(String record, String expr) {
        this(record, expr, Map.of());
    }
}
