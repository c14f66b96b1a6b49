package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.runtime.antivirus.ClamdScanner;
import fr.ent.platform.runtime.antivirus.ScanVerdict;
import fr.ent.platform.runtime.antivirus.VirusScanner;
import fr.ent.platform.runtime.storage.DiskFileStore;
import fr.ent.platform.runtime.storage.FileStore;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.runtime.storage.S3FileStore;
import fr.ent.platform.runtime.storage.ScannedUploads;
import fr.ent.platform.runtime.storage.StoredFile;
import fr.ent.platform.testing.antivirus.LocalClamd;
import fr.ent.platform.testing.s3.LocalS3;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Upload and download throughput of one large file (issue 15: 50 MB) on the two file stores, side by side in one
 * run: {@link DiskFileStore} on a local directory, and {@link S3FileStore} against S3Proxy (the tests' S3 server,
 * in this JVM, over HTTP on the loopback, with its file-system back-end), each with and without the antivirus
 * scan (a real clamd over INSTREAM, with our one-signature database). Per store, in each of
 * {@code bench.files.rounds} rounds: a plain put (no scan), an upload as users' files go (spool within the limit,
 * clamd scan, put), a scan alone, and a download read to the end. Medians of MB/s (MB = 10^6 bytes) over the
 * rounds, after one warm-up round. The file is random bytes read from a local file (page cache warm).
 *
 * <p>What it does not say: a provider's S3 is over a WAN with TLS and its own limits; S3Proxy measures the
 * client, the SDK and the local spooling. clamd with the full official database scans slower than with one
 * signature (more patterns to match).
 */
public final class FileStoreBench {

    private FileStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = Bench.intProperty("bench.files.megabytes", 50);
        int rounds = Bench.intProperty("bench.files.rounds", 3);
        long bytes = megabytes * 1_000_000L;
        say("FileStoreBench: one file of " + megabytes + " MB, " + rounds + " rounds (+1 warm-up); "
                + Bench.machineLine());
        Path work = Files.createTempDirectory("files-bench");
        Path source = work.resolve("source.bin");
        writeRandom(source, bytes);
        try (LocalClamd clamd = LocalClamd.start(Math.max(64, megabytes * 2));
                LocalS3 s3 = LocalS3.start("bench")) {
            VirusScanner scanner = new ClamdScanner(clamd.host(), clamd.port(), Duration.ofMinutes(5));
            Map<String, FileStore> stores = new LinkedHashMap<>();
            stores.put("disk", new DiskFileStore(work.resolve("disk")));
            S3FileStore s3Store = new S3FileStore(new S3FileStore.Endpoint(s3.endpoint(), LocalS3.REGION, "bench",
                    LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, true, Duration.ofMinutes(5)), work.resolve("s3-spool"));
            stores.put("s3 (S3Proxy)", s3Store);
            Table table = new Table("store", "put, no scan (MB/s)", "upload: spool + scan + put (MB/s)",
                    "scan alone (MB/s)", "download (MB/s)");
            JsonArrayBuilder json = Json.createArrayBuilder();
            for (Map.Entry<String, FileStore> entry : stores.entrySet()) {
                FileStore store = entry.getValue();
                ScannedUploads uploads = new ScannedUploads(store, scanner, work.resolve("spool"), bytes + 1);
                long[] put = new long[rounds];
                long[] upload = new long[rounds];
                long[] scan = new long[rounds];
                long[] download = new long[rounds];
                for (int round = -1; round < rounds; round++) {
                    ObjectKey key = ObjectKey.of("bench", "round-" + (round + 1) + ".bin");
                    ObjectKey scanned = ObjectKey.of("bench", "round-" + (round + 1) + "-scanned.bin");
                    long t0 = System.nanoTime();
                    try (InputStream in = Files.newInputStream(source)) {
                        store.put(key, "application/octet-stream", bytes, in);
                    }
                    long t1 = System.nanoTime();
                    try (InputStream in = Files.newInputStream(source)) {
                        uploads.store(scanned, "application/octet-stream", in);
                    }
                    long t2 = System.nanoTime();
                    try (InputStream in = Files.newInputStream(source)) {
                        ScanVerdict verdict = scanner.scan(in);
                        if (!(verdict instanceof ScanVerdict.Clean)) {
                            throw new IllegalStateException("scan of random bytes: " + verdict);
                        }
                    }
                    long t3 = System.nanoTime();
                    long read;
                    try (StoredFile file = store.get(key)) {
                        read = file.content().transferTo(OutputStream.nullOutputStream());
                    }
                    long t4 = System.nanoTime();
                    if (read != bytes) {
                        throw new IllegalStateException("read " + read + " bytes of " + bytes);
                    }
                    store.delete(key);
                    store.delete(scanned);
                    if (round >= 0) {
                        put[round] = t1 - t0;
                        upload[round] = t2 - t1;
                        scan[round] = t3 - t2;
                        download[round] = t4 - t3;
                    }
                }
                table.row(entry.getKey(), rate(bytes, put), rate(bytes, upload), rate(bytes, scan),
                        rate(bytes, download));
                json.add(Bench.object().add("store", entry.getKey())
                        .add("putMBps", Double.parseDouble(rate(bytes, put)))
                        .add("scannedUploadMBps", Double.parseDouble(rate(bytes, upload)))
                        .add("scanMBps", Double.parseDouble(rate(bytes, scan)))
                        .add("downloadMBps", Double.parseDouble(rate(bytes, download))));
            }
            s3Store.close();
            say("");
            say(table.text());
            String markdown = "### FileStoreBench (" + Bench.machineLine() + ")\n\n"
                    + "One file of " + megabytes + " MB, median of " + rounds + " rounds after a warm-up.\n\n"
                    + table.markdown();
            Bench.writeResults("file-store", Bench.object().add("machine", Bench.machine())
                    .add("megabytes", megabytes).add("rounds", rounds).add("stores", json).build(), markdown);
        } finally {
            Bench.deleteTree(work);
        }
    }

    /** Median throughput in MB/s (10^6 bytes) of transfers of {@code bytes} that took {@code nanos}. */
    private static String rate(long bytes, long[] nanos) {
        double seconds = Bench.median(nanos) / 1e9;
        return Bench.fmt(bytes / 1e6 / seconds, 1);
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        Random random = new Random(15);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, bytes - written));
            }
        }
    }
}
