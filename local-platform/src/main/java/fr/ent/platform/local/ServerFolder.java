package fr.ent.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Each running Liberty server's own server folder ({@code WLP_USER_DIR}), made from the assembled one.
 *
 * <p>Why not start every server from the assembled {@code usr/servers/entServer}: {@code WLP_OUTPUT_DIR} moves the
 * logs and the work area, but Liberty expands the applications ({@code autoExpand}) into the configuration folder,
 * {@code apps/expanded}. Two servers started from one folder (the platform's integration tests beside the operator's,
 * in a parallel build) then write the same expanded applications, and the first server's application monitor
 * restarts its applications from the second one's half-written files (seen: tenant-manager restarted without its
 * classes). So each server gets {@code <output>/usr/servers/entServer}: the configuration files copied (small, and a
 * benchmark may add overrides to its own copy), the applications and libraries linked (read only, 40 MB).
 */
final class ServerFolder {

    /** What the assembled folder holds that is a server's own state, never configuration. */
    private static final Set<String> STATE = Set.of("workarea", "logs", "dropins");

    private ServerFolder() {
    }

    /** Makes (or refreshes, on a restart) the server folder under {@code output}; returns its user directory. */
    static Path prepare(Path libertyHome, Path output) throws IOException {
        Path assembled = libertyHome.resolve("usr/servers").resolve(LibertyServer.SERVER_NAME).toAbsolutePath();
        Path own = configDirectory(output);
        Files.createDirectories(own.resolve("apps"));
        Files.createDirectories(own.resolve("dropins"));
        try (Stream<Path> entries = Files.list(assembled)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (STATE.contains(name)) {
                    continue;
                }
                if (name.equals("apps")) {
                    linkEach(entry, own.resolve("apps"));
                } else if (name.equals("configDropins")) {
                    copyTree(entry, own.resolve(name)); // a copy: a benchmark adds its overrides to its own

                } else if (Files.isDirectory(entry)) {
                    link(entry, own.resolve(name));
                } else {
                    Files.copy(entry, own.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return output.resolve("usr").toAbsolutePath();
    }

    static Path configDirectory(Path output) {
        return output.resolve("usr/servers").resolve(LibertyServer.SERVER_NAME).toAbsolutePath();
    }

    /** Links each application archive (not {@code expanded}, the server's own). */
    private static void linkEach(Path apps, Path ownApps) throws IOException {
        try (Stream<Path> archives = Files.list(apps)) {
            for (Path archive : archives.filter(Files::isRegularFile).toList()) {
                link(archive, ownApps.resolve(archive.getFileName().toString()));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void link(Path target, Path link) throws IOException {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            return;
        }
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }
}
