package fr.ent.platform.keycloak.local;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Installs our login theme (module keycloak-theme, on this module's class path) into a Keycloak home as
 * {@code themes/ent}: a folder Keycloak reads at run time, without the build step a jar in {@code providers/} would
 * trigger. The folder is replaced at every start, so that a changed or removed template never lingers.
 */
final class LoginTheme {

    static final String NAME = "ent";
    private static final String ROOT = "theme/" + NAME;

    private LoginTheme() {
    }

    static void install(Path home) throws IOException {
        URL marker = LoginTheme.class.getClassLoader().getResource(ROOT + "/login/theme.properties");
        if (marker == null) {
            throw new IllegalStateException("the login theme (module keycloak-theme) is not on the class path");
        }
        Path target = home.resolve("themes").resolve(NAME);
        deleteTree(target);
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("unreadable theme location " + marker, e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.getPath("/" + ROOT), target);
            }
        } else {
            // target/classes of the reactor: .../theme/ent/login/theme.properties
            copyTree(Path.of(uri).getParent().getParent(), target);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
