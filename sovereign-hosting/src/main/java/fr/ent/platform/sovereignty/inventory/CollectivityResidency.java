package fr.ent.platform.sovereignty.inventory;

import java.util.Objects;

/** A collectivity (Collectivity resource) and its data-residency choice. */
public record CollectivityResidency(String namespace, String name, String slug, Residency residency) {

    public CollectivityResidency {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(residency, "residency");
    }
}
