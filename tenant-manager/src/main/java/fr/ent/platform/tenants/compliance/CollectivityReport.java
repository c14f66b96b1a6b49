package fr.ent.platform.tenants.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The compliance report of one collectivity: the platform's rules and its own, evaluated now over the platform's
 * configuration and the latest cluster inventory. Rendered as JSON, HTML ({@link ReportHtml}) and PDF
 * ({@link ReportPdf}).
 *
 * @param residency {@code FR} or {@code EU} as its Collectivity resource declares, null when unknown
 * @param inventoryCollectedAt when the operator collected the cluster inventory, null if none was received
 * @param summary {@code conforme}, {@code conforme avec réserves} (warnings or some rules not evaluated),
 *        {@code non conforme} (a blocking rule is violated) or {@code non évaluable} (no rule could be evaluated:
 *        a report that checked nothing must not read as compliant)
 */
public record CollectivityReport(String slug, String displayName, String residency, Instant evaluatedAt,
                                 Instant inventoryCollectedAt, String summary, List<ReportLine> lines) {

    public static final String SUMMARY_COMPLIANT = "conforme";
    public static final String SUMMARY_RESERVED = "conforme avec réserves";
    public static final String SUMMARY_VIOLATED = "non conforme";
    public static final String SUMMARY_NOT_EVALUABLE = "non évaluable";

    public CollectivityReport {
        lines = List.copyOf(lines);
    }

    public long count(String status) {
        return lines.stream().filter(l -> l.status().equals(status)).count();
    }
}
