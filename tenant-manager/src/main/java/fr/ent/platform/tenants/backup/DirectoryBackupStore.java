package fr.ent.platform.tenants.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Backups in a directory ({@code ent.backup.dir}): one sub-directory per collectivity id. A file is copied beside its
 * place then moved in one step, so that a crash never leaves a half backup under a backup's name. Locally and for a
 * mounted volume; it must not be the disk the database is on (a backup shares nothing with what it protects).
 */
public final class DirectoryBackupStore implements BackupStore {

    private final Path root;

    public DirectoryBackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String name, Path file) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    private Path resolve(String name) {
        return root.resolve(BackupStore.requireName(name)).normalize();
    }
}
