package fr.ent.platform.operator.tenantmanager;

import java.util.List;

/** A collectivity as tenant-manager's admin API shows it (GET /collectivities/{slug}). */
public record TenantView(String slug, String kind, String displayName, List<String> domains, String state,
        String failedStep, String failureReason, String schema, String schemaVersion, String schemaError,
        boolean dataRetained, String plan) {

    public TenantView {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public boolean is(String wanted) {
        return wanted.equals(state);
    }
}
