package fr.ent.platform.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.problem.TooLarge;
import fr.ent.platform.runtime.antivirus.VirusScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFileStoreTest {

    @TempDir
    Path root;

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(StoredFile file) throws IOException {
        try (file) {
            return new String(file.content().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void putGetDeleteExists() throws IOException {
        DiskFileStore store = new DiskFileStore(root);
        ObjectKey key = ObjectKey.of("lyon", "documents/42/v1");
        assertThat(store.exists(key)).isFalse();

        StoredObject stored = store.put(key, "application/pdf", 1000, text("bonjour"));

        assertThat(stored).isEqualTo(new StoredObject(key, "application/pdf", 7));
        assertThat(store.exists(key)).isTrue();
        assertThat(root.resolve("lyon/documents/42/v1")).hasContent("bonjour");
        StoredFile file = store.get(key);
        assertThat(file.object()).isEqualTo(stored);
        assertThat(read(file)).isEqualTo("bonjour");
        assertThat(store.delete(key)).isTrue();
        assertThat(store.delete(key)).isFalse();
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.get(key)).isInstanceOfSatisfying(NotFound.class,
                e -> assertThat(e.code()).isEqualTo("storage-object-not-found"));
    }

    @Test
    void aPutReplacesWholeAndATooLargeOneLeavesThePreviousVersionAndNoTemporaryFile() throws IOException {
        DiskFileStore store = new DiskFileStore(root);
        ObjectKey key = ObjectKey.of("lyon", "a.txt");
        store.put(key, "text/plain", 10, text("version 1"));
        store.put(key, "text/plain; charset=UTF-8", 10, text("v2"));
        assertThat(read(store.get(key))).isEqualTo("v2");
        assertThat(store.get(key).object().contentType()).isEqualTo("text/plain; charset=UTF-8");

        assertThatThrownBy(() -> store.put(key, "text/plain", 10, text("eleven byte")))
                .isInstanceOfSatisfying(TooLarge.class, e -> {
                    assertThat(e.code()).isEqualTo("file-too-large");
                    assertThat(ProblemStatuses.status(e)).isEqualTo(413);
                });
        assertThat(read(store.get(key))).isEqualTo("v2");
        try (Stream<Path> left = Files.list(root.resolve(".tmp"))) {
            assertThat(left).isEmpty();
        }
        // exactly the limit is accepted
        assertThat(store.put(key, "text/plain", 10, text("0123456789")).size()).isEqualTo(10);
    }

    @Test
    void collectivitiesLiveApartAndAForeignKeyIsRefused() throws IOException {
        DiskFileStore store = new DiskFileStore(root);
        ScannedUploads uploads = new ScannedUploads(store, VirusScanner.notScanning("test"), root.resolve("spool"),
                1000);
        CollectivityFiles lyon = new CollectivityFiles("lyon", uploads);
        CollectivityFiles grenoble = new CollectivityFiles("grenoble", uploads);
        ObjectKey lyonKey = lyon.key("documents/1");
        lyon.upload(lyonKey, "text/plain", text("de Lyon"));
        grenoble.upload(grenoble.key("documents/1"), "text/plain", text("de Grenoble"));

        assertThat(read(lyon.get(lyon.key("documents/1")))).isEqualTo("de Lyon");
        assertThat(read(grenoble.get(grenoble.key("documents/1")))).isEqualTo("de Grenoble");
        // Grenoble given Lyon's key (guessed, or forwarded in a link): refused before the store is asked
        for (Runnable attempt : List.<Runnable>of(() -> grenoble.get(lyonKey), () -> grenoble.delete(lyonKey),
                () -> grenoble.exists(lyonKey),
                () -> grenoble.upload(lyonKey, "text/plain", text("écrasé")))) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(NotAllowed.class, e -> {
                assertThat(e.code()).isEqualTo("storage-key-foreign");
                assertThat(ProblemStatuses.status(e)).isEqualTo(403);
            });
        }
        // nor can a path climb out of Grenoble's directory
        assertThatThrownBy(() -> grenoble.key("../lyon/documents/1")).hasMessageContaining("storage-key-invalid");
        assertThat(read(lyon.get(lyonKey))).isEqualTo("de Lyon");
    }

    @Test
    void concurrentPutsOfOneKeyLeaveOneWholeVersion() throws Exception {
        DiskFileStore store = new DiskFileStore(root);
        ObjectKey key = ObjectKey.of("lyon", "same-name.bin");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredObject>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] content = new byte[256 * 1024];
                java.util.Arrays.fill(content, (byte) i);
                puts.add(pool.submit(() -> store.put(key, "application/octet-stream", content.length,
                        new ByteArrayInputStream(content))));
            }
            for (Future<StoredObject> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
        byte[] stored;
        try (StoredFile file = store.get(key)) {
            stored = file.content().readAllBytes();
        }
        assertThat(stored).hasSize(256 * 1024);
        byte first = stored[0];
        for (byte b : stored) {
            assertThat(b).isEqualTo(first);
        }
    }
}
