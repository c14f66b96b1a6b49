package fr.ent.platform.observability.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An alerting rule; labels and annotations keep their insertion order so that the generated file is stable. */
public record AlertingRule(String alert, String expr, Map<String, String> labels, Map<String, String> annotations)
        implements Rule {

    public AlertingRule {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(expr, "expr");
        labels = new LinkedHashMap<>(labels);
        annotations = new LinkedHashMap<>(annotations);
    }

    @Override
    public Map<String, String> labels() {
        return java.util.Collections.unmodifiableMap(labels);
    }

    @Override
    public Map<String, String> annotations() {
        return java.util.Collections.unmodifiableMap(annotations);
    }
}
