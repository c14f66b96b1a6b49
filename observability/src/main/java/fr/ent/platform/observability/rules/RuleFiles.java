package fr.ent.platform.observability.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes rule groups as a Prometheus rule file ({@code groups:}) or as a prometheus-operator {@code PrometheusRule}
 * (monitoring.coreos.com/v1, whose {@code spec} is that same file). The maps are plain Java so that the operator can
 * turn them into a Kubernetes object without this module depending on a Kubernetes client.
 */
public final class RuleFiles {

    public static final String PROMETHEUS_RULE_API_VERSION = "monitoring.coreos.com/v1";
    public static final String PROMETHEUS_RULE_KIND = "PrometheusRule";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private RuleFiles() {
    }

    /** The content of a rule file: {@code {groups: [...]}}. */
    public static Map<String, Object> ruleFile(List<RuleGroup> groups) {
        List<Object> list = new ArrayList<>();
        for (RuleGroup group : groups) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", group.name());
            List<Object> rules = new ArrayList<>();
            for (Rule rule : group.rules()) {
                rules.add(toMap(rule));
            }
            g.put("rules", rules);
            list.add(g);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("groups", list);
        return file;
    }

    /** A PrometheusRule object holding the groups; labels let the Prometheus's {@code ruleSelector} pick it. */
    public static Map<String, Object> prometheusRule(String name, String namespace, Map<String, String> labels,
            List<RuleGroup> groups) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("labels", new LinkedHashMap<>(labels));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", PROMETHEUS_RULE_API_VERSION);
        object.put("kind", PROMETHEUS_RULE_KIND);
        object.put("metadata", metadata);
        object.put("spec", ruleFile(groups));
        return object;
    }

    public static String toYaml(Map<String, Object> content) {
        return YAML.writeValueAsString(content);
    }

    private static Map<String, Object> toMap(Rule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        switch (rule) {
            case RecordingRule recording -> {
                map.put("record", recording.record());
                map.put("expr", recording.expr());
                if (!recording.labels().isEmpty()) {
                    map.put("labels", new java.util.TreeMap<>(recording.labels()));
                }
            }
            case AlertingRule alerting -> {
                map.put("alert", alerting.alert());
                map.put("expr", alerting.expr());
                map.put("labels", alerting.labels());
                map.put("annotations", alerting.annotations());
            }
        }
        return map;
    }
}
