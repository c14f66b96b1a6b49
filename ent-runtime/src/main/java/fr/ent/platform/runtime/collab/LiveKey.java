package fr.ent.platform.runtime.collab;

import java.util.Objects;

/**
 * What a live editing session is about: a resource of one collectivity ({@code tenant} is the collectivity's id, never
 * its host), e.g. {@code ("…", "wiki-page", "<page id>")}. The tenant is part of the key so that two collectivities
 * can never share a session, even for the same resource id.
 */
public record LiveKey(String tenant, String kind, String id) {

    public LiveKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
