package fr.ent.platform.tenants.registry;

import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A collectivity as recorded in the platform registry.
 *
 * @param plan its SLA plan (the objective the SLA rules, the operator and the monthly report apply)
 */
public record Collectivity(UUID id, String slug, CollectivityKind kind, String displayName, List<String> domains,
        TenantState state, String failedStep, String failureReason, TenantNames names, String schemaVersion,
        String schemaError, boolean dataRetained, Instant createdAt, Instant updatedAt, String plan) {

    /** Without a plan: the default one (code that predates plans, benchmarks). */
    public Collectivity(UUID id, String slug, CollectivityKind kind, String displayName, List<String> domains,
            TenantState state, String failedStep, String failureReason, TenantNames names, String schemaVersion,
            String schemaError, boolean dataRetained, Instant createdAt, Instant updatedAt) {
        this(id, slug, kind, displayName, domains, state, failedStep, failureReason, names, schemaVersion,
                schemaError, dataRetained, createdAt, updatedAt, Plans.DEFAULT);
    }
}
