package fr.ent.platform.operator.tenantmanager;

import java.util.List;

/**
 * A collectivity's apps in tenant-manager ({@code /collectivities/{slug}/apps}): {@code enabled} null = every app of
 * the platform.
 */
public record TenantApps(String slug, List<String> enabled, List<String> installed) {
}
