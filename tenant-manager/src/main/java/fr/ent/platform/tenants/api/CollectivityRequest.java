package fr.ent.platform.tenants.api;

import java.util.List;

/** Body of {@code POST /collectivities}. */
public record CollectivityRequest(String slug, String kind, String displayName, List<String> domains, String plan) {
}
