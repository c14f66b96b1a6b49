package fr.ent.platform.operator.tenantmanager;

import java.util.List;

/** The body of POST /collectivities. */
public record NewTenant(String slug, String kind, String displayName, List<String> domains) {
}
