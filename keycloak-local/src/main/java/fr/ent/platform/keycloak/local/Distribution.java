package fr.ent.platform.keycloak.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Finding the Keycloak distribution zip and unpacking it once into a home directory. */
final class Distribution {

    /** Written last by {@link #unpack}: its presence (with the version) means the home is complete. */
    private static final String MARKER = ".ent-unpacked";

    private Distribution() {
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Distribution.class.getResourceAsStream("keycloak-local.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("keycloak-local.properties missing from the keycloak-local jar", e);
        }
        return p.getProperty("keycloak.version");
    }

    static Path locate() {
        String configured = System.getProperty("ent.keycloak.dist");
        Path zip;
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            zip = Paths.get(configured);
        } else {
            String repository = System.getProperty("maven.repo.local",
                    Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
            String v = version();
            zip = Paths.get(repository, "org", "keycloak", "keycloak-quarkus-dist", v,
                    "keycloak-quarkus-dist-" + v + ".zip");
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + ": run "
                    + "'mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + version() + ":zip'"
                    + " or set the system property ent.keycloak.dist to the zip");
        }
        return zip;
    }

    /** What a home holds of its own (realms, log, hosts file): never copied into another home. */
    private static final java.util.Set<String> OWN = java.util.Set.of("data", "keycloak.log", "hosts", MARKER);

    /** {@link LocalKeycloak#copyBuiltHome}: the marker is written last, so a cut copy is made again next time. */
    static boolean copyBuilt(Path builtHome, Path home) throws IOException {
        String v = version();
        if (complete(home, v) || !complete(builtHome, v) || builtHome.equals(home)) {
            return false;
        }
        try (var paths = Files.walk(builtHome)) {
            for (Path p : paths.sorted().toList()) {
                Path relative = builtHome.relativize(p);
                if (relative.getNameCount() > 0 && OWN.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = home.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.writeString(home.resolve(MARKER), v + "\n");
        return true;
    }

    private static boolean complete(Path home, String version) throws IOException {
        Path marker = home.resolve(MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(version);
    }

    /**
     * Unpacks the zip into {@code home} (without its top-level folder) unless a complete unpacking of the same
     * version is already there; returns whether it unpacked. {@code data/} (realms) is never touched.
     */
    static boolean unpack(Path zip, Path home) throws IOException {
        String v = version();
        if (complete(home, v)) {
            return false;
        }
        Path marker = home.resolve(MARKER);
        Files.createDirectories(home);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the home directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // java.util.zip does not carry Unix modes: the scripts are made executable here.
        try (var scripts = Files.list(home.resolve("bin"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.writeString(marker, v + "\n");
        return true;
    }
}
