package fr.ent.platform.tenants.compliance;

import java.util.List;

/**
 * One rule in a collectivity's compliance report, every text in French.
 *
 * @param rule the rule's stable id (e.g. SNC-REGION-DATA)
 * @param status {@code conforme}, {@code non conforme}, {@code avertissement} or {@code non évaluable}
 * @param severity {@code bloquante} or {@code avertissement}
 * @param scope {@code plateforme} or {@code collectivité}
 * @param fix how to correct it (violations only, else null)
 * @param sources where the rule comes from
 */
public record ReportLine(String rule, String title, String status, String severity, String scope, String evidence,
                         String fix, List<String> sources) {

    public static final String COMPLIANT = "conforme";
    public static final String VIOLATED = "non conforme";
    public static final String WARNING = "avertissement";
    public static final String NOT_EVALUATED = "non évaluable";
    /** The severity of a rule whose violation makes the report « non conforme ». */
    public static final String BLOCKING = "bloquante";

    public ReportLine {
        sources = List.copyOf(sources);
    }
}
