package fr.ent.platform.adminapi;

import java.util.List;

/**
 * Body of {@code POST /collectivities} and {@code PATCH /collectivities/{slug}}. In a PATCH a null (absent) field
 * is left as it is; in a POST a null {@code plan} means tenant-manager's default plan.
 */
public record CollectivityRequest(String slug, String kind, String displayName, List<String> domains, String plan) {
}
