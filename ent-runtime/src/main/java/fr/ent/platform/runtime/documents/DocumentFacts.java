package fr.ent.platform.runtime.documents;

import java.util.Objects;
import java.util.UUID;

/** A file of the espace documentaire as its current version stands: its name, type and size in bytes. */
public record DocumentFacts(UUID id, String name, String contentType, long size) {

    public DocumentFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }
}
