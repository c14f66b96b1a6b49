package fr.ent.platform.tenants.api;

import fr.ent.platform.tenants.registry.Collectivity;
import java.time.Instant;
import java.util.List;

/** A collectivity as the admin API shows it. */
public record CollectivityView(String slug, String kind, String displayName, List<String> domains, String state,
        String failedStep, String failureReason, String schema, String schemaVersion, String schemaError,
        boolean dataRetained, Instant createdAt, Instant updatedAt, String plan) {

    static CollectivityView of(Collectivity c) {
        return new CollectivityView(c.slug(), c.kind().label(), c.displayName(), c.domains(), c.state().name(),
                c.failedStep(), c.failureReason(), c.names().schema(), c.schemaVersion(), c.schemaError(),
                c.dataRetained(), c.createdAt(), c.updatedAt(), c.plan());
    }
}
