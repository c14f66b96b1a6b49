package fr.ent.platform.runtime.tenant;

import fr.ent.platform.branding.Branding;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A collectivity as the runtime sees it: read from the platform registry, never from request input.
 *
 * @param enabledApps the apps the collectivity has enabled; empty: every app of the platform (the default)
 * @param branding its colours and logo (portal layout)
 */
public record Tenant(UUID id, String slug, String displayName, TenantState state, TenantNames names,
        String schemaVersion, Optional<Set<String>> enabledApps, Branding branding) {

    public Tenant {
        enabledApps = enabledApps.map(Set::copyOf);
    }

    /** Without branding: the platform's default colours, no logo. */
    public Tenant(UUID id, String slug, String displayName, TenantState state, TenantNames names,
            String schemaVersion, Optional<Set<String>> enabledApps) {
        this(id, slug, displayName, state, names, schemaVersion, enabledApps, Branding.NONE);
    }

    /**
     * Apps no choice of the collectivity turns off: the tenant console is where its administrators run their ENT
     * (and will choose its apps), so a list of apps that forgot it must not lock them out. Not an app a collectivity
     * lists (tenant-manager leaves it out of the apps it offers, though it has migrations: its audit trail).
     * Nor "privacy" (Mes données, ADR 0030): a person's rights of access and portability are the law's, not an
     * option of the collectivity.
     */
    public static final Set<String> ALWAYS_ENABLED = Set.of("console", "privacy");

    /** Whether this collectivity offers the app with this id. */
    public boolean enables(String app) {
        return ALWAYS_ENABLED.contains(app) || enabledApps.map(apps -> apps.contains(app)).orElse(true);
    }
}
