package fr.ent.platform.tenants.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict rule of a compliance report ({@link CollectivityReport#verdict}), case by case: a violation decides;
 * then a report where no blocking rule could be checked is « non évaluable », whatever else it holds; then any
 * warning or unchecked rule makes it « conforme avec réserves »; only every rule met is « conforme ».
 */
class ComplianceVerdictTest {

    private static final String C = ReportLine.COMPLIANT;
    private static final String V = ReportLine.VIOLATED;
    private static final String W = ReportLine.WARNING;
    private static final String N = ReportLine.NOT_EVALUATED;

    @Test
    void aReportThatCheckedNothingIsNotEvaluable() {
        // the demo collectivity's report before the local platform had a policy: 0 conforme(s), 14 non évaluable(s)
        List<ReportLine> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(blocking(N));
        }
        lines.add(warning(N));
        lines.add(warning(N));
        assertThat(CollectivityReport.verdict(lines)).isEqualTo("non évaluable");
        assertThat(CollectivityReport.verdict(List.of())).isEqualTo("non évaluable");
    }

    @Test
    void metWarningRulesAloneDoNotMakeItCompliant() {
        assertThat(CollectivityReport.verdict(List.of(blocking(N), blocking(N), warning(C))))
                .isEqualTo("non évaluable");
        assertThat(CollectivityReport.verdict(List.of(blocking(N), warning(W)))).isEqualTo("non évaluable");
    }

    @Test
    void aViolatedBlockingRuleDecidesWhateverElseIsThere() {
        assertThat(CollectivityReport.verdict(List.of(blocking(V), blocking(N), blocking(N)))).isEqualTo("non conforme");
        assertThat(CollectivityReport.verdict(List.of(blocking(C), blocking(V), warning(W)))).isEqualTo("non conforme");
    }

    @Test
    void someRulesUncheckedOrWarningsAreReservations() {
        assertThat(CollectivityReport.verdict(List.of(blocking(C), blocking(N), warning(C))))
                .isEqualTo("conforme avec réserves");
        assertThat(CollectivityReport.verdict(List.of(blocking(C), blocking(C), warning(W))))
                .isEqualTo("conforme avec réserves");
        assertThat(CollectivityReport.verdict(List.of(blocking(C), warning(N)))).isEqualTo("conforme avec réserves");
    }

    @Test
    void everyRuleMetIsCompliant() {
        assertThat(CollectivityReport.verdict(List.of(blocking(C), blocking(C), warning(C)))).isEqualTo("conforme");
        assertThat(CollectivityReport.verdict(List.of(blocking(C)))).isEqualTo("conforme");
    }

    private static ReportLine blocking(String status) {
        return line(status, ReportLine.BLOCKING);
    }

    private static ReportLine warning(String status) {
        return line(status, "avertissement");
    }

    private static ReportLine line(String status, String severity) {
        return new ReportLine("R", "règle", status, severity, "plateforme", "constat",
                status.equals(V) ? "corriger" : null, List.of());
    }
}
