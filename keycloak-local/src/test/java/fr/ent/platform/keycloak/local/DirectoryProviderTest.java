package fr.ent.platform.keycloak.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryProviderTest {

    @Test
    void installsTheProviderJarOnceAndTheDriverOnlyForH2(@TempDir Path home) throws Exception {
        DirectoryProvider.install(home, true);
        Path jar = home.resolve("providers").resolve(DirectoryProvider.FILE);
        Path driver = home.resolve("providers").resolve(DirectoryProvider.DRIVER_FILE);
        try (JarFile provider = new JarFile(jar.toFile())) {
            assertThat(provider.getEntry("META-INF/services/org.keycloak.storage.UserStorageProviderFactory"))
                    .isNotNull();
        }
        try (JarFile postgres = new JarFile(driver.toFile())) {
            assertThat(postgres.getEntry("org/postgresql/Driver.class")).isNotNull();
        }

        // Unchanged content is not rewritten: Keycloak's build step is not triggered again.
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(jar, old);
        DirectoryProvider.install(home, false);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(old);
        assertThat(driver).doesNotExist(); // Keycloak on PostgreSQL has its own driver
    }
}
