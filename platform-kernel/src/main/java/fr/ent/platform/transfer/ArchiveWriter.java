package fr.ent.platform.transfer;

import jakarta.json.Json;
import jakarta.json.JsonWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a collectivity's archive ({@link TransferFormat}) to a local file, one entry at a time, streaming: a table
 * goes out row by row ({@link #rows}), a file byte by byte ({@link #file}), each entry's SHA-256, size and row count
 * computed on the way; {@link #finish} adds {@code manifest.json} last. Nothing is held in memory but one row.
 */
public final class ArchiveWriter implements AutoCloseable {

    private final ZipOutputStream zip;
    private final String collectivity;
    private final String name;
    private final Instant createdAt;
    private final Map<String, String> apps = new LinkedHashMap<>();
    private final List<Manifest.Entry> entries = new ArrayList<>();
    private boolean open;

    public ArchiveWriter(Path file, String collectivity, String name, Instant createdAt) throws IOException {
        // buffered: the deflater hands its output on in pieces of 512 bytes, one write to the file each otherwise
        this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        this.collectivity = collectivity;
        this.name = name;
        this.createdAt = createdAt;
    }

    /** An app's statement about its part, written into the manifest. */
    public void app(String app, String statement) {
        apps.put(app, statement);
    }

    /** Opens {@code apps/<app>/<table>.jsonl}; write one JSON object per {@link Rows#write} and close it. */
    public Rows rows(String app, String table) {
        String path = TransferFormat.requireSafe("apps/" + app + "/" + table + ".jsonl");
        zip.setLevel(Deflater.DEFAULT_COMPRESSION); // JSON Lines shrink several times over
        return new Rows(path, begin(path));
    }

    /** Copies {@code content} (closed here) into {@code files/<path>}; returns the entry's path. */
    public String file(String path, InputStream content) {
        String entry = TransferFormat.requireSafe("files/" + path);
        // stored files are mostly compressed already (PDF, JPEG, office documents are ZIPs): the fastest level,
        // rather than the default that spends its time looking for repeats that are not there
        zip.setLevel(Deflater.BEST_SPEED);
        Counting out = begin(entry);
        try (InputStream in = content) {
            in.transferTo(out);
            end(entry, out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry;
    }

    /** Writes the manifest and closes the archive. */
    public Manifest finish() throws IOException {
        Manifest manifest = new Manifest(TransferFormat.FORMAT, collectivity, name, createdAt, apps, entries);
        zip.putNextEntry(new ZipEntry(TransferFormat.MANIFEST));
        Counting hashed = new Counting(zip);
        Writer w = new OutputStreamWriter(new FilterOutputStream(hashed) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, StandardCharsets.UTF_8);
        try (JsonWriter json = Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(w)) {
            json.writeObject(manifest.toJson());
        }
        zip.closeEntry();
        // the manifest's own checksum: one byte changed in the manifest is refused as in any other entry
        zip.putNextEntry(new ZipEntry(TransferFormat.MANIFEST_SHA256));
        zip.write((hashed.sha256() + "  " + TransferFormat.MANIFEST + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.close();
        return manifest;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private Counting begin(String path) {
        if (open) {
            throw new IllegalStateException("an entry is still open: close it before " + path);
        }
        try {
            zip.putNextEntry(new ZipEntry(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open = true;
        return new Counting(zip);
    }

    private void end(String path, Counting out, Long rows) throws IOException {
        zip.closeEntry();
        open = false;
        entries.add(new Manifest.Entry(path, out.sha256(), out.bytes, rows));
    }

    /** One table's JSON Lines entry being written. */
    public final class Rows implements AutoCloseable {
        private final String path;
        private final Counting out;
        private long count;

        private Rows(String path, Counting out) {
            this.path = path;
            this.out = out;
        }

        /** One row: a JSON object on one line (the caller gives it already serialised, without line breaks). */
        public void write(String jsonObject) {
            if (jsonObject.indexOf('\n') >= 0 || jsonObject.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a row spans lines");
            }
            try {
                byte[] line = (jsonObject + "\n").getBytes(StandardCharsets.UTF_8); // one write to the deflater
                out.write(line, 0, line.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        @Override
        public void close() {
            try {
                end(path, out, count);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Passes bytes to the ZIP entry, counting them and hashing them; never closes the ZIP. */
    static final class Counting extends OutputStream {
        private final OutputStream target;
        private final MessageDigest digest = sha256Digest();
        long bytes;

        Counting(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
