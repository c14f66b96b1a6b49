package fr.ent.platform.operator.tenantmanager;

import java.util.List;

/** The body of POST /collectivities and PATCH /collectivities/{slug}; {@code plan} null: tenant-manager's default. */
public record NewTenant(String slug, String kind, String displayName, List<String> domains, String plan) {
}
