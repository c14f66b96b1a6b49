package fr.ent.platform.adminapi;

import fr.ent.platform.tenancy.TenantState;
import java.time.Instant;
import java.util.List;

/**
 * A collectivity as the admin API shows it ({@code GET /collectivities/{slug}} and the answer of every change).
 * {@code kind} is the kind's label ({@code région}, {@code commune}...), {@code state} travels as the state's name.
 */
public record CollectivityView(String slug, String kind, String displayName, List<String> domains, TenantState state,
        String failedStep, String failureReason, String schema, String schemaVersion, String schemaError,
        boolean dataRetained, Instant createdAt, Instant updatedAt, String plan) {

    public CollectivityView {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public boolean is(TenantState wanted) {
        return state == wanted;
    }
}
