package fr.ent.platform.adminapi;

import java.util.List;

/** Body of {@code PUT /collectivities/{slug}/apps}: exactly these apps, or every app with {@code enabled} null. */
public record CollectivityAppsRequest(List<String> enabled) {
}
