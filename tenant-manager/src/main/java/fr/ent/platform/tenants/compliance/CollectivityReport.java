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
 * @param summary the verdict, {@link #verdict(List)}
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

    /**
     * The verdict of a report from its lines, in this order (the first that holds decides):
     * <ol>
     * <li>a line « non conforme » (a blocking rule violated): « non conforme »;</li>
     * <li>no blocking rule evaluated (every line of severity « bloquante » is « non évaluable », which includes a
     * report where nothing was evaluated, and an empty one): « non évaluable ». A report that checked nothing
     * that decides conformity says so; a met warning rule alone does not make a platform compliant;</li>
     * <li>a line « avertissement » or « non évaluable » (a warning rule not met, or some rules not checked):
     * « conforme avec réserves »;</li>
     * <li>otherwise (every rule met): « conforme ».</li>
     * </ol>
     */
    public static String verdict(List<ReportLine> lines) {
        if (lines.stream().anyMatch(l -> l.status().equals(ReportLine.VIOLATED))) {
            return SUMMARY_VIOLATED;
        }
        boolean blockingEvaluated = lines.stream().anyMatch(
                l -> l.severity().equals(ReportLine.BLOCKING) && !l.status().equals(ReportLine.NOT_EVALUATED));
        if (!blockingEvaluated) {
            return SUMMARY_NOT_EVALUABLE;
        }
        return lines.stream().allMatch(l -> l.status().equals(ReportLine.COMPLIANT)) ? SUMMARY_COMPLIANT
                : SUMMARY_RESERVED;
    }

    public long count(String status) {
        return lines.stream().filter(l -> l.status().equals(status)).count();
    }
}
