package fr.ent.platform.tenants.sla;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * The monthly availability report of one collectivity (JSON; {@link SlaReportHtml} renders it as a page).
 *
 * @param slug the collectivity, from the registry
 * @param plan the plan that applied (the {@code plan} label Prometheus recorded; the default plan without data)
 * @param targetPercent its objective, "99.8"
 * @param month {@code 2026-11}
 * @param from first instant of the month (Paris time)
 * @param to end of what is reported: the end of the month, or the last 5-minute step before now
 * @param complete whether the month is over
 * @param figures availability, budget, incidents
 * @param probes the synthetic probes' own success rate over the period
 * @param incidentRule how incidents are detected, in French
 * @param generatedAt when the report was computed
 */
@JsonbNillable // a month without data says "availabilityPercent": null rather than leaving it out
public record SlaReport(String slug, String displayName, String plan, String targetPercent, String month,
        Instant from, Instant to, boolean complete, MonthlyFigures figures, List<ProbeAvailability> probes,
        String incidentRule, Instant generatedAt) {

    public SlaReport {
        probes = List.copyOf(probes);
    }
}
