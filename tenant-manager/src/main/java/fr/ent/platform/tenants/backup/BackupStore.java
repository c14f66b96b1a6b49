package fr.ent.platform.tenants.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where encrypted backups are kept (ADR 0040): a directory locally ({@link DirectoryBackupStore}), an S3-compatible
 * bucket in the residency region in production ({@link S3BackupStore}). The store only ever sees encrypted bytes;
 * names are {@code <collectivity id>/<backup id>.entbk}, made by tenant-manager, never taken from a request.
 */
public interface BackupStore {

    Pattern NAME = Pattern.compile("[0-9a-f-]{36}/[0-9a-f-]{36}\\.entbk");

    /** Stores {@code file} under {@code name}, whole or not at all. */
    void put(String name, Path file) throws IOException;

    /** The stored bytes; {@link java.nio.file.NoSuchFileException} when there is no such backup. */
    InputStream open(String name) throws IOException;

    void delete(String name) throws IOException;

    /** Where it is, for logs and the job's report (no secret). */
    String describe();

    static String name(java.util.UUID collectivity, java.util.UUID backup) {
        return collectivity + "/" + backup + ".entbk";
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a backup name: " + name);
        }
        return name;
    }
}
