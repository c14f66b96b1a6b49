package fr.ent.platform.runtime.storage;

import fr.ent.platform.problem.UnacceptableContent;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.runtime.antivirus.ScanVerdict;
import fr.ent.platform.runtime.antivirus.VirusScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The way a user's file reaches a {@link FileStore}: spooled to a local temporary file within the size limit
 * ({@code file-too-large}, 413), scanned by the antivirus from there, and only when clean handed to the store. An
 * infected file is refused with {@code file-infected} (422, the signature in the problem) and a file that could
 * not be scanned with {@code file-scan-unavailable} (503, retry after a minute): in both cases nothing reaches the
 * store, and the temporary file is deleted whatever happens.
 *
 * <p>Spooling first costs one local write, and buys: the scan and the store read the same bytes, a refused file
 * never touches the store (nothing to clean up in a bucket), and the store gets a file of known length.
 */
public final class ScannedUploads {

    private static final Logger LOG = Logger.getLogger(ScannedUploads.class.getName());
    private static final Duration RETRY_SCAN = Duration.ofSeconds(60);

    private final FileStore store;
    private final VirusScanner scanner;
    private final Path spool;
    private final long maxBytes;

    public ScannedUploads(FileStore store, VirusScanner scanner, Path spool, long maxBytes) {
        this.store = Objects.requireNonNull(store, "store");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.spool = Objects.requireNonNull(spool, "spool");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new IllegalStateException("répertoire temporaire des envois " + spool + " : " + e.getMessage(), e);
        }
    }

    /** With the platform's size limit ({@code ent.storage.max-file-megabytes}). */
    public StoredObject store(ObjectKey key, String contentType, InputStream content) {
        return store(key, contentType, maxBytes, content);
    }

    /** With a smaller limit of the caller's (an app's own); never above the platform's. */
    public StoredObject store(ObjectKey key, String contentType, long limit, InputStream content) {
        long effective = Math.min(limit, maxBytes);
        Path file = null;
        try {
            file = Files.createTempFile(spool, "upload-", ".part");
            try (OutputStream out = Files.newOutputStream(file)) {
                Limits.copy(content, out, effective);
            }
            ScanVerdict verdict;
            try (InputStream in = Files.newInputStream(file)) {
                verdict = scanner.scan(in);
            }
            return switch (verdict) {
                case ScanVerdict.Clean clean -> store.putFile(key, contentType, file);
                case ScanVerdict.Infected infected -> {
                    LOG.log(Level.WARNING, "infected upload refused: {0} in {1}",
                            new Object[] {infected.signature(), key});
                    throw new UnacceptableContent("file-infected", infected.signature())
                            .with("signature", infected.signature());
                }
                case ScanVerdict.Unavailable none -> throw new Unavailable("file-scan-unavailable", none.reason())
                        .retryAfter(RETRY_SCAN);
            };
        } catch (IOException e) {
            LOG.log(Level.WARNING, "upload spool failed for " + key, e);
            throw new Unavailable("storage-unavailable", e.getClass().getSimpleName());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "temporary file left: " + file, e);
                }
            }
        }
    }

    public FileStore store() {
        return store;
    }

    public VirusScanner scanner() {
        return scanner;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
