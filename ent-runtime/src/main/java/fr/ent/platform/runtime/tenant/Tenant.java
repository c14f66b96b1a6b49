package fr.ent.platform.runtime.tenant;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import java.util.UUID;

/** A collectivity as the runtime sees it: read from the platform registry, never from request input. */
public record Tenant(UUID id, String slug, String displayName, TenantState state, TenantNames names,
        String schemaVersion) {
}
