package fr.ent.platform.tenants.operator;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.tenants.compliance.CollectivityReport;
import fr.ent.platform.tenants.compliance.ComplianceReporter;
import fr.ent.platform.tenants.compliance.ReportLine;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.sla.SlaReport;
import fr.ent.platform.tenants.sla.SlaReporter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every collectivity of the registry at a glance (the operators' overview page): state and provisioning steps from
 * the registry, this month's availability from the SLA report, the compliance verdict from the compliance report.
 * The reports are the very ones a collectivity's administrator reads, computed here one collectivity after another
 * (two Prometheus queries each; ADR 0026 says when that stops being enough).
 */
public final class OperatorOverview {

    private final CollectivityService collectivities;
    private final SlaReporter sla;
    private final ComplianceReporter compliance;

    public OperatorOverview(CollectivityService collectivities, SlaReporter sla, ComplianceReporter compliance) {
        this.collectivities = collectivities;
        this.sla = sla;
        this.compliance = compliance;
    }

    /** Every collectivity the registry holds (deleted ones too: their state says so), by display name. */
    public List<OperatorRow> rows() {
        List<OperatorRow> rows = new ArrayList<>();
        for (Collectivity c : collectivities.list(Set.of())) {
            rows.add(new OperatorRow(c.slug(), c.displayName(), c.kind().label(), c.domains(), c.state(),
                    c.failedStep(), c.failureReason(), collectivities.steps(c), sla(c), compliance(c)));
        }
        rows.sort(Comparator.comparing(OperatorRow::displayName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(OperatorRow::slug));
        return rows;
    }

    /** Only a served collectivity has traffic to measure; a report that cannot be computed says why. */
    private OperatorRow.Sla sla(Collectivity c) {
        if (!c.state().isServedByRuntime()) {
            return null;
        }
        try {
            SlaReport report = sla.report(c.slug(), null);
            return new OperatorRow.Sla(report.targetPercent(), report.figures().availabilityPercent(),
                    report.figures().budgetRemainingMinutes(), report.figures().objectiveMet(), null);
        } catch (DomainException e) {
            return new OperatorRow.Sla(null, null, null, null, e.code());
        }
    }

    /** Null when the collectivity left the registry between the list and its report (deleted meanwhile). */
    private OperatorRow.Compliance compliance(Collectivity c) {
        CollectivityReport report;
        try {
            report = compliance.report(c.slug());
        } catch (DomainException gone) {
            return null;
        }
        return new OperatorRow.Compliance(report.summary(), report.count(ReportLine.COMPLIANT),
                report.count(ReportLine.VIOLATED), report.count(ReportLine.WARNING),
                report.count(ReportLine.NOT_EVALUATED), report.lines().size());
    }
}
