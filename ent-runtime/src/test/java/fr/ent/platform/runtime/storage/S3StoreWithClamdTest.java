package fr.ent.platform.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.problem.TooLarge;
import fr.ent.platform.problem.UnacceptableContent;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.runtime.antivirus.ClamdScanner;
import fr.ent.platform.testing.antivirus.Eicar;
import fr.ent.platform.testing.antivirus.LocalClamd;
import fr.ent.platform.testing.ports.FreePorts;
import fr.ent.platform.testing.s3.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 file store against a real S3-compatible server (S3Proxy, started here) and uploads scanned by a real
 * ClamAV daemon (clamd, started here with our own signature database): a clean file is stored and read back, the
 * EICAR test file is refused and never reaches the bucket, a foreign collectivity's key is refused, a file past
 * the limit leaves nothing. clamd must be installed (Debian clamav-daemon; .ci/run installs it).
 */
class S3StoreWithClamdTest {

    private static final String BUCKET = "ent-files";
    private static LocalS3 s3;
    private static LocalClamd clamd;
    private static S3FileStore store;
    private static ScannedUploads uploads;

    @TempDir
    static Path spool;

    @BeforeAll
    static void start() {
        assertThat(LocalClamd.installed()).as("clamd (Debian clamav-daemon) is needed: .ci/run installs it").isTrue();
        clamd = LocalClamd.start();
        s3 = LocalS3.start(BUCKET);
        store = new S3FileStore(new S3FileStore.Endpoint(s3.endpoint(), LocalS3.REGION, BUCKET, LocalS3.ACCESS_KEY,
                LocalS3.SECRET_KEY, true, Duration.ofSeconds(30)), spool.resolve("s3"));
        uploads = new ScannedUploads(store, new ClamdScanner(clamd.host(), clamd.port(), Duration.ofSeconds(30)),
                spool.resolve("uploads"), 8 * 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(StoredFile file) throws IOException {
        try (file) {
            return file.content().readAllBytes();
        }
    }

    @Test
    void putGetDeleteOnS3() throws IOException {
        ObjectKey key = ObjectKey.of("lyon", "documents/1/v1.bin");
        byte[] content = random(3 * 1024 * 1024 + 17, 1);
        assertThat(store.exists(key)).isFalse();

        StoredObject stored = store.put(key, "application/pdf", content.length, new ByteArrayInputStream(content));

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(store.exists(key)).isTrue();
        StoredFile file = store.get(key);
        assertThat(file.object().contentType()).isEqualTo("application/pdf");
        assertThat(file.object().size()).isEqualTo(content.length);
        assertThat(read(file)).isEqualTo(content);
        // the object's name is the whole key, collectivity first
        assertThat(s3.directory().resolve(BUCKET).resolve("lyon/documents/1/v1.bin")).exists();
        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(NotFound.class);
    }

    @Test
    void aFileTooLargeNeverReachesTheBucket() {
        ObjectKey key = ObjectKey.of("lyon", "too-large.bin");
        assertThatThrownBy(() -> store.put(key, "application/octet-stream", 1024,
                new ByteArrayInputStream(new byte[1025]))).isInstanceOf(TooLarge.class);
        assertThatThrownBy(() -> uploads.store(key, "application/octet-stream",
                new ByteArrayInputStream(new byte[8 * 1024 * 1024 + 1])))
                .isInstanceOfSatisfying(TooLarge.class, e -> assertThat(ProblemStatuses.status(e)).isEqualTo(413));
        assertThat(store.exists(key)).isFalse();
        assertNoSpoolLeft();
    }

    @Test
    void aCleanUploadIsScannedThenStored() throws IOException {
        CollectivityFiles lyon = new CollectivityFiles("lyon", uploads);
        byte[] content = "Devoirs pour demain : exercice 4 page 12.".getBytes(StandardCharsets.UTF_8);
        ObjectKey key = lyon.key("homework/2026-12-05.txt");

        lyon.upload(key, "text/plain; charset=UTF-8", new ByteArrayInputStream(content));

        assertThat(read(lyon.get(key))).isEqualTo(content);
        assertNoSpoolLeft();
    }

    @Test
    void theEicarFileIsRefusedAsInfectedAndNeverStored() {
        CollectivityFiles lyon = new CollectivityFiles("lyon", uploads);
        ObjectKey key = lyon.key("attachments/eicar.com");
        assertThatThrownBy(() -> lyon.upload(key, "application/octet-stream", new ByteArrayInputStream(Eicar.bytes())))
                .isInstanceOfSatisfying(UnacceptableContent.class, e -> {
                    assertThat(e.code()).isEqualTo("file-infected");
                    assertThat(e.extensions()).containsEntry("signature", LocalClamd.EICAR_SIGNATURE);
                    assertThat(ProblemStatuses.status(e)).isEqualTo(422);
                });
        assertThat(lyon.exists(key)).isFalse();
        assertNoSpoolLeft();
    }

    @Test
    void eicarInsideALargerFileIsFoundAcrossChunks() throws IOException {
        // the signature straddles the scanner's 64 KiB chunk boundary
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[64 * 1024 - 20]);
        out.write(Eicar.bytes());
        out.write(random(200_000, 2));
        ObjectKey key = ObjectKey.of("lyon", "attachments/hidden.bin");
        assertThatThrownBy(() -> uploads.store(key, "application/octet-stream",
                new ByteArrayInputStream(out.toByteArray()))).isInstanceOf(UnacceptableContent.class);
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void aForeignCollectivitysKeyIsRefusedOnS3() throws IOException {
        CollectivityFiles lyon = new CollectivityFiles("lyon", uploads);
        CollectivityFiles grenoble = new CollectivityFiles("grenoble", uploads);
        ObjectKey lyonKey = lyon.key("documents/secret.txt");
        lyon.upload(lyonKey, "text/plain", new ByteArrayInputStream("de Lyon".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> grenoble.get(lyonKey)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> grenoble.delete(lyonKey)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> grenoble.upload(lyonKey, "text/plain", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> grenoble.key("../lyon/documents/secret.txt"))
                .hasMessageContaining("storage-key-invalid");
        // Grenoble's own key of the same path is another object
        assertThat(grenoble.exists(grenoble.key("documents/secret.txt"))).isFalse();
        assertThat(read(lyon.get(lyonKey))).isEqualTo("de Lyon".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withTheScannerDownTheUploadIsRefusedAsUnavailable() {
        ScannedUploads noClamd = new ScannedUploads(store,
                new ClamdScanner("127.0.0.1", FreePorts.next(), Duration.ofSeconds(2)), spool.resolve("uploads"),
                1024 * 1024);
        ObjectKey key = ObjectKey.of("lyon", "unscanned.txt");
        assertThatThrownBy(() -> noClamd.store(key, "text/plain", new ByteArrayInputStream(new byte[100])))
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("file-scan-unavailable");
                    assertThat(ProblemStatuses.status(e)).isEqualTo(503);
                    assertThat(ProblemStatuses.headers(e)).containsKey("Retry-After");
                });
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void theS3StoreDownIsUnavailable() {
        S3FileStore down = new S3FileStore(new S3FileStore.Endpoint(
                java.net.URI.create("http://127.0.0.1:" + FreePorts.next()), LocalS3.REGION, BUCKET,
                LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, true, Duration.ofSeconds(2)), spool.resolve("down"));
        try (down) {
            assertThatThrownBy(() -> down.put(ObjectKey.of("lyon", "x"), "text/plain", 10,
                    new ByteArrayInputStream(new byte[3]))).isInstanceOfSatisfying(Unavailable.class,
                            e -> assertThat(e.code()).isEqualTo("storage-unavailable"));
        }
    }

    private static void assertNoSpoolLeft() {
        try (Stream<Path> left = Files.list(spool.resolve("uploads"))) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
