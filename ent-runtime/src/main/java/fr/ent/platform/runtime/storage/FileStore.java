package fr.ent.platform.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the platform keeps files (documents, attachments): on a disk directory ({@link DiskFileStore}, the local
 * platform's default) or in S3-compatible object storage ({@link S3FileStore}, production, at a sovereign
 * provider). Every key carries its collectivity ({@link ObjectKey}). A file is either wholly stored or not at all:
 * a put that fails (too large, store down) leaves nothing behind and keeps the previous version of the key.
 *
 * <p>Uploads from users go through {@link ScannedUploads}, which scans them with the antivirus before they reach
 * the store; the store itself does not scan.
 *
 * <p>Failures are domain problems: {@code file-too-large} ({@link fr.ent.platform.problem.TooLarge}, 413),
 * {@code storage-object-not-found} (404), {@code storage-unavailable} (503).
 */
public interface FileStore {

    /**
     * Stores {@code content} under {@code key}, replacing what was there. Reads at most {@code maxBytes}: one byte
     * more and the put is refused with {@code file-too-large}, nothing stored.
     */
    StoredObject put(ObjectKey key, String contentType, long maxBytes, InputStream content);

    /**
     * Stores a file already on local disk and already checked (size, scan), whose length is known: the stores
     * send or move it without reading it into a buffer first.
     */
    default StoredObject putFile(ObjectKey key, String contentType, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(key, contentType, Long.MAX_VALUE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file and its content as a stream (the caller closes it); {@code storage-object-not-found} if absent. */
    StoredFile get(ObjectKey key);

    /** Removes the file; false when there was none. */
    boolean delete(ObjectKey key);

    boolean exists(ObjectKey key);

    /** {@code disk} or {@code s3}, for logs and the health page. */
    String kind();
}
