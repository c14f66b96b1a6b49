package fr.ent.platform.runtime.storage;

import fr.ent.platform.problem.NotAllowed;
import java.io.InputStream;
import java.util.Objects;

/**
 * One collectivity's files: what an app holds while serving a request (see {@code FileStorage.current()}). Keys
 * are made here from a path, with this collectivity first; a key of another collectivity given back (a guessed
 * or forwarded key) is refused with {@code storage-key-foreign} (403) before any store is asked.
 */
public final class CollectivityFiles {

    private final String collectivity;
    private final ScannedUploads uploads;

    public CollectivityFiles(String collectivity, ScannedUploads uploads) {
        this.collectivity = Objects.requireNonNull(collectivity, "collectivity");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
    }

    public String collectivity() {
        return collectivity;
    }

    /** A key of this collectivity ({@code storage-key-invalid} for a path with {@code ..}, {@code /x}...). */
    public ObjectKey key(String path) {
        return ObjectKey.of(collectivity, path);
    }

    /** A user's upload: size-limited, scanned, then stored (see {@link ScannedUploads}). */
    public StoredObject upload(ObjectKey key, String contentType, InputStream content) {
        return uploads.store(own(key), contentType, content);
    }

    public StoredObject upload(ObjectKey key, String contentType, long limit, InputStream content) {
        return uploads.store(own(key), contentType, limit, content);
    }

    public StoredFile get(ObjectKey key) {
        return uploads.store().get(own(key));
    }

    public boolean delete(ObjectKey key) {
        return uploads.store().delete(own(key));
    }

    public boolean exists(ObjectKey key) {
        return uploads.store().exists(own(key));
    }

    private ObjectKey own(ObjectKey key) {
        if (!key.collectivity().equals(collectivity)) {
            throw new NotAllowed("storage-key-foreign", collectivity).with("key", key.path());
        }
        return key;
    }
}
