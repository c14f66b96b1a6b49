package fr.ent.platform.runtime.storage;

import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Unavailable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files in a directory: {@code <root>/<collectivity>/<path>}, one directory per collectivity, and each file's
 * content type beside it in {@code <root>/.types/<collectivity>/<path>} (a name no collectivity can take: slugs
 * do not start with a dot). The local platform's store, and a production one on a mounted volume.
 *
 * <p>Writes are atomic: the content goes to a temporary file under {@code <root>/.tmp} (same file system), then is
 * moved over the target in one step, so a reader sees the old file or the new one, never half of one, and a failed
 * put (too large, disk full) leaves the old one. The content type is moved in first: a visible file always has its
 * type. Every resolved path is checked to stay under its collectivity's directory, although {@link ObjectKey}
 * already makes leaving it impossible.
 */
public final class DiskFileStore implements FileStore {

    private static final Logger LOG = Logger.getLogger(DiskFileStore.class.getName());
    static final String DEFAULT_TYPE = "application/octet-stream";

    private final Path root;
    private final Path types;
    private final Path temporary;

    public DiskFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.types = this.root.resolve(".types");
        this.temporary = this.root.resolve(".tmp");
        try {
            Files.createDirectories(temporary);
            Files.createDirectories(types);
        } catch (IOException e) {
            throw new IllegalStateException("le répertoire des fichiers " + this.root + " ne peut pas être créé : "
                    + e.getMessage() + " (ent.storage.disk.directory)", e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredObject put(ObjectKey key, String contentType, long maxBytes, InputStream content) {
        Path target = place(root, key);
        Path spool = null;
        try {
            spool = Files.createTempFile(temporary, "put-", ".part");
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = Limits.copy(content, out, maxBytes);
            }
            return install(key, contentType, spool, target, size);
        } catch (IOException e) {
            throw unavailable(key, e);
        } finally {
            deleteQuietly(spool);
        }
    }

    @Override
    public StoredObject putFile(ObjectKey key, String contentType, Path file) {
        Path target = place(root, key);
        Path spool = null;
        try {
            spool = Files.createTempFile(temporary, "put-", ".part");
            Files.copy(file, spool, StandardCopyOption.REPLACE_EXISTING);
            return install(key, contentType, spool, target, Files.size(spool));
        } catch (IOException e) {
            throw unavailable(key, e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private StoredObject install(ObjectKey key, String contentType, Path spool, Path target, long size)
            throws IOException {
        String type = contentType == null || contentType.isBlank() ? DEFAULT_TYPE : contentType;
        Path typeFile = place(types, key);
        Path typeSpool = Files.createTempFile(temporary, "type-", ".part");
        try {
            Files.writeString(typeSpool, type, StandardCharsets.UTF_8);
            Files.createDirectories(typeFile.getParent());
            move(typeSpool, typeFile);
        } finally {
            deleteQuietly(typeSpool);
        }
        Files.createDirectories(target.getParent());
        move(spool, target);
        return new StoredObject(key, type, size);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory tree, so this only happens on odd file systems: still a single rename where it can
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public StoredFile get(ObjectKey key) {
        Path file = place(root, key);
        try {
            InputStream in = Files.newInputStream(file);
            long size = Files.size(file);
            return new StoredFile(new StoredObject(key, type(key), size), in);
        } catch (NoSuchFileException e) {
            throw new NotFound("storage-object-not-found", key.path());
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new NotFound("storage-object-not-found", key.path());
            }
            throw unavailable(key, e);
        }
    }

    private String type(ObjectKey key) {
        try {
            return Files.readString(place(types, key), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return DEFAULT_TYPE;
        }
    }

    @Override
    public boolean delete(ObjectKey key) {
        try {
            boolean deleted = Files.deleteIfExists(place(root, key));
            Files.deleteIfExists(place(types, key));
            return deleted;
        } catch (IOException e) {
            throw unavailable(key, e);
        }
    }

    @Override
    public boolean exists(ObjectKey key) {
        return Files.isRegularFile(place(root, key));
    }

    @Override
    public String kind() {
        return "disk";
    }

    /** The key's place under {@code base}, refused if it would leave its collectivity's directory. */
    private static Path place(Path base, ObjectKey key) {
        Path collectivity = base.resolve(key.collectivity()).normalize();
        Path file = collectivity.resolve(key.path()).normalize();
        if (!file.startsWith(collectivity) || file.equals(collectivity) || !collectivity.getParent().equals(base)) {
            throw new IllegalArgumentException("key escapes its collectivity: " + key);
        }
        return file;
    }

    private Unavailable unavailable(ObjectKey key, IOException e) {
        LOG.log(Level.WARNING, "disk store failed on " + key, e);
        return new Unavailable("storage-unavailable", e.getClass().getSimpleName());
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "temporary file left: " + file, e);
        }
    }
}
