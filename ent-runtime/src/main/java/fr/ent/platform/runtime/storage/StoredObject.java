package fr.ent.platform.runtime.storage;

import java.util.Objects;

/** What a store says of a file it holds: its key, the content type given when it was put, its size in bytes. */
public record StoredObject(ObjectKey key, String contentType, long size) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
    }
}
