package fr.ent.platform.keycloak.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Installs our user storage provider (module keycloak-federation, on this module's class path) into a Keycloak home
 * as {@code providers/ent-directory.jar}; the same jar carries the admin API extension that exports a realm for a
 * move between shards (ADR 0048). A provider jar, unlike the theme, is part of Keycloak's build step: the
 * file is rewritten only when its content changed, so that an unchanged provider costs no new build. In the reactor
 * the provider may be a classes folder rather than a jar: it is packed here, with fixed entry times so that the
 * same classes give the same bytes.
 */
final class DirectoryProvider {

    static final String FILE = "ent-directory.jar";
    static final String DRIVER_FILE = "ent-directory-postgresql.jar";
    private static final String MARKER = "fr/ent/platform/keycloak/federation/DirectoryFederationFactory.class";

    private DirectoryProvider() {
    }

    /**
     * {@code withDriver}: also put the PostgreSQL driver into {@code providers/}. A Keycloak built for its H2
     * database (start-dev's default) leaves its own PostgreSQL driver out of its class path, and the provider needs
     * one to reach the directory; a Keycloak on PostgreSQL (production, benchmarks) has it, and gets no second copy.
     */
    static void install(Path home, boolean withDriver) throws IOException {
        Path driver = home.resolve("providers").resolve(DRIVER_FILE);
        if (withDriver) {
            Path source;
            try {
                source = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation()
                        .toURI());
            } catch (URISyntaxException e) {
                throw new IOException("unreadable PostgreSQL driver location", e);
            }
            writeIfChanged(driver, Files.readAllBytes(source));
        } else {
            Files.deleteIfExists(driver);
        }
        install(home);
    }

    private static void install(Path home) throws IOException {
        URL marker = DirectoryProvider.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("the directory provider (module keycloak-federation) is not on the class path");
        }
        byte[] jar;
        String location = marker.toString();
        if (location.startsWith("jar:file:")) {
            String file = location.substring("jar:".length(), location.indexOf("!/"));
            try {
                jar = Files.readAllBytes(Path.of(new URL(file).toURI()));
            } catch (URISyntaxException e) {
                throw new IOException("unreadable provider location " + marker, e);
            }
        } else {
            try {
                Path classes = Path.of(marker.toURI());
                for (int i = 0; i < MARKER.split("/").length; i++) {
                    classes = classes.getParent();
                }
                jar = pack(classes);
            } catch (URISyntaxException e) {
                throw new IOException("unreadable provider location " + marker, e);
            }
        }
        writeIfChanged(home.resolve("providers").resolve(FILE), jar);
    }

    private static void writeIfChanged(Path target, byte[] content) throws IOException {
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    private static byte[] pack(Path classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (Path f : files) {
                JarEntry entry = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
                entry.setTime(0L);
                out.putNextEntry(entry);
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
