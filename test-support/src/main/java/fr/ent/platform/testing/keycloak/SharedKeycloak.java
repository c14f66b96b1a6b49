package fr.ent.platform.testing.keycloak;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Keycloak per test JVM ({@link LocalKeycloak}: the server distribution on free loopback ports), shared by
 * the classes of a module's run and stopped when the JVM exits. Its home is {@code ent.keycloak.home} (the unpacked
 * distribution is kept between runs, so only the first run pays the build step); its database is fresh at each
 * run, because tests reuse realm names.
 */
public final class SharedKeycloak {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-tests";
    /**
     * How the tests' realms hash passwords ({@code ENT_KEYCLOAK_PASSWORD_HASHING}, tenant-manager's PasswordHashing):
     * one PBKDF2 round instead of Keycloak's default Argon2, whose cost at every password set and password sign-in was
     * a large share of the CI's CPU (docs/benchmarks.md, PasswordHashBench). Test passwords are known strings on a
     * loopback server: slow hashing protects nothing here. Realm {@code master} gets it too (its administrator signs
     * in with a password for every admin token). Production keeps Keycloak's default.
     */
    public static final String PASSWORD_HASHING = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";

    private static LocalKeycloak shared;

    private SharedKeycloak() {
    }

    public static synchronized LocalKeycloak server() {
        if (shared == null) {
            Path home = Path.of(System.getProperty("ent.keycloak.home", "target/keycloak"));
            deleteTree(home.resolve("data"));
            LocalKeycloak.Builder builder = LocalKeycloak.builder(home);
            // ent.keycloak.base: the build's shared home, already built, copied into this module's own home (a
            // module whose tests may run beside another's in a parallel build: two servers cannot share a home)
            String base = System.getProperty("ent.keycloak.base", "");
            if (!base.isBlank() && !base.startsWith("${")) {
                builder.copiedFrom(Path.of(base));
            }
            shared = builder.admin(ADMIN_USERNAME, ADMIN_PASSWORD).option("--log-level=warn")
                    .progress(System.out::println)
                    // ~60 s on an idle 2-core machine; several times that when the machine is shared
                    .timeout(Duration.ofMinutes(10)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
            MasterRealm.hashPasswordsWith(shared, PASSWORD_HASHING);
        }
        return shared;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the Keycloak database " + root, e);
        }
    }
}
