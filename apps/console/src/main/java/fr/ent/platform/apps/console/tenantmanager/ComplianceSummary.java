package fr.ent.platform.apps.console.tenantmanager;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * tenant-manager's compliance report of the collectivity (its JSON, {@code CollectivityReport}) as the console
 * shows it: the verdict and each rule with its status, evidence and fix.
 */
public record ComplianceSummary(String collectivity, String summary, String evaluatedAt, List<Line> lines) {

    public record Line(String title, String status, String evidence, String fix) {
    }

    public static ComplianceSummary parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject report = reader.readObject();
            List<Line> lines = report.getJsonArray("lines").stream().map(JsonValue::asJsonObject)
                    .map(l -> new Line(l.getString("title", l.getString("rule", "")), l.getString("status", ""),
                            text(l, "evidence"), text(l, "fix")))
                    .toList();
            return new ComplianceSummary(report.getString("displayName", report.getString("slug", "")),
                    report.getString("summary", ""), text(report, "evaluatedAt"), lines);
        }
    }

    private static String text(JsonObject o, String name) {
        if (!o.containsKey(name) || o.isNull(name)) {
            return null;
        }
        return o.get(name) instanceof JsonString s ? s.getString() : o.get(name).toString();
    }
}
