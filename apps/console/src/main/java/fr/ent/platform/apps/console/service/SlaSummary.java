package fr.ent.platform.apps.console.service;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * tenant-manager's monthly SLA report of the collectivity (its JSON, {@code SlaReport}) as the console's service
 * page shows it: the month's availability against the plan's objective, the error budget used and left, the
 * incidents. Null figures mean "nothing measured yet".
 */
public record SlaSummary(String month, boolean complete, String plan, String targetPercent, Double availabilityPercent,
        double budgetMinutes, double budgetUsedMinutes, double budgetUsedPercent, double budgetRemainingMinutes,
        Boolean objectiveMet, double minutesWithoutData, Instant from, Instant to, List<Incident> incidents) {

    public SlaSummary {
        incidents = List.copyOf(incidents);
    }

    /** A period when the error rate stayed above what the objective allows. */
    public record Incident(Instant start, Instant end, double durationMinutes, double budgetMinutes,
            double peakErrorRatePercent) {
    }

    public static SlaSummary parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject r = reader.readObject();
            JsonObject f = r.getJsonObject("figures");
            List<Incident> incidents = f.containsKey("incidents") && !f.isNull("incidents")
                    ? f.getJsonArray("incidents").stream().map(JsonValue::asJsonObject)
                            .map(i -> new Incident(instant(i, "start"), instant(i, "end"), number(i, "durationMinutes"),
                                    number(i, "budgetMinutes"), number(i, "peakErrorRatePercent")))
                            .toList()
                    : List.of();
            return new SlaSummary(r.getString("month", ""), r.getBoolean("complete", false), r.getString("plan", ""),
                    r.getString("targetPercent", ""), nullableNumber(f, "availabilityPercent"),
                    number(f, "budgetMinutes"), number(f, "budgetUsedMinutes"), number(f, "budgetUsedPercent"),
                    number(f, "budgetRemainingMinutes"),
                    f.containsKey("objectiveMet") && !f.isNull("objectiveMet") ? f.getBoolean("objectiveMet") : null,
                    number(f, "minutesWithoutData"), instant(r, "from"), instant(r, "to"), incidents);
        }
    }

    private static double number(JsonObject o, String name) {
        Double value = nullableNumber(o, name);
        return value == null ? 0 : value;
    }

    private static Double nullableNumber(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? n.doubleValue() : null;
    }

    private static Instant instant(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? Instant.parse(o.getString(name)) : null;
    }
}
