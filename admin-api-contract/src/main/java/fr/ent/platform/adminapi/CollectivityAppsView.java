package fr.ent.platform.adminapi;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * The ENT apps a collectivity offers ({@code GET|PUT /collectivities/{slug}/apps}): {@code enabled} null means every
 * app in {@code installed}, now and later. Written as null rather than left out: an absent property would read as
 * "unknown".
 */
@JsonbNillable
public record CollectivityAppsView(String slug, List<String> enabled, List<String> installed) {

    public CollectivityAppsView {
        enabled = enabled == null ? null : List.copyOf(enabled);
        installed = installed == null ? List.of() : List.copyOf(installed);
    }
}
