package fr.ent.platform.tenants.operator;

import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.compliance.CollectivityReport;

/** The style classes of the overview's cells (layout.jte): they reinforce the written status, never replace it. */
public final class OverviewWords {

    private OverviewWords() {
    }

    public static String stateClass(TenantState state) {
        return switch (state) {
            case ACTIVE -> "ok";
            case FAILED -> "ko";
            case SUSPENDED, PROVISIONING, REQUESTED -> "warn";
            case ARCHIVED, DELETED -> "na";
        };
    }

    public static String verdictClass(String verdict) {
        return switch (verdict) {
            case CollectivityReport.SUMMARY_COMPLIANT -> "ok";
            case CollectivityReport.SUMMARY_VIOLATED -> "ko";
            case CollectivityReport.SUMMARY_RESERVED -> "warn";
            default -> "na";
        };
    }
}
