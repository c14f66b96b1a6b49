package fr.ent.platform.tenants.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.testing.s3.LocalS3;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both backup stores keep a file whole, give it back, forget it, and take no name they did not make (ADR 0040). */
class BackupStoresTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryStoreKeepsGivesBackAndForgets() throws Exception {
        roundTrip(new DirectoryBackupStore(dir.resolve("store")));
        try (var left = Files.walk(dir.resolve("store"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".part")).toList()).isEmpty();
        }
    }

    @Test
    void theS3StoreKeepsGivesBackAndForgets() throws Exception {
        try (LocalS3 s3 = LocalS3.start("ent-backups");
                S3BackupStore store = new S3BackupStore(s3.endpoint(), LocalS3.REGION, "ent-backups", "p/",
                        LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, Duration.ofSeconds(30))) {
            roundTrip(store);
        }
    }

    private void roundTrip(BackupStore store) throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 7];
        new Random(1).nextBytes(bytes);
        Path file = dir.resolve("in.entbk");
        Files.write(file, bytes);
        String name = BackupStore.name(UUID.randomUUID(), UUID.randomUUID());

        store.put(name, file);
        try (InputStream in = store.open(name)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        store.delete(name);
        assertThatThrownBy(() -> store.open(name)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(UUID.randomUUID() + ".entbk", file))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
