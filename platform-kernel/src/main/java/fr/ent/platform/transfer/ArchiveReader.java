package fr.ent.platform.transfer;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a collectivity's archive ({@link TransferFormat}). {@link #open} verifies it whole before handing it out:
 * the manifest is of this format, every entry it lists is there with the SHA-256, size and row count it states, and
 * no entry is unlisted or outside {@code apps/} and {@code files/}. One byte changed anywhere and the archive is
 * refused ({@link CorruptArchive}) before the caller writes anything. Reading is streaming (one row, or one buffer
 * of a file, at a time).
 */
public final class ArchiveReader implements AutoCloseable {

    private final ZipFile zip;
    private final Manifest manifest;

    private ArchiveReader(ZipFile zip, Manifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens and verifies the archive; {@link CorruptArchive} if any check fails (nothing is left open then). */
    public static ArchiveReader open(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // ZipException, or EOFException for a mangled end record: not a ZIP this reader can read whole
            throw new CorruptArchive("export-archive-corrupt", "ce n'est pas une archive ZIP lisible ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        try {
            Manifest manifest = verify(zip);
            return new ArchiveReader(zip, manifest);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** Verifies the archive and closes it: what the archive states, or {@link CorruptArchive}. */
    public static Manifest verify(Path file) {
        try (ArchiveReader reader = open(file)) {
            return reader.manifest();
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The rows of {@code apps/<app>/<table>.jsonl}, one JSON object a line (the caller closes the reader). */
    public BufferedReader rows(String path) {
        return new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8));
    }

    /** An entry's bytes (the caller closes the stream). */
    public InputStream open(String path) {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            throw new IllegalArgumentException("no entry " + path);
        }
        try {
            return zip.getInputStream(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files entries under {@code files/<app>/}, in the manifest's order. */
    public List<Manifest.Entry> filesOf(String app) {
        String prefix = "files/" + app + "/";
        return manifest.entries().stream().filter(e -> e.path().startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static Manifest verify(ZipFile zip) {
        ZipEntry manifestEntry = zip.getEntry(TransferFormat.MANIFEST);
        if (manifestEntry == null) {
            throw new CorruptArchive("export-archive-manifest", "manifest.json absent");
        }
        ZipEntry sumEntry = zip.getEntry(TransferFormat.MANIFEST_SHA256);
        if (sumEntry == null) {
            throw new CorruptArchive("export-archive-manifest", "manifest.sha256 absent");
        }
        byte[] manifestBytes;
        String stated;
        try (InputStream in = zip.getInputStream(manifestEntry); InputStream sum = zip.getInputStream(sumEntry)) {
            manifestBytes = in.readAllBytes();
            stated = new String(sum.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new CorruptArchive("export-archive-corrupt", "manifeste illisible (" + e.getMessage() + ")");
        }
        String actual = HexFormat.of().formatHex(ArchiveWriter.sha256Digest().digest(manifestBytes));
        if (!stated.equals(actual + "  " + TransferFormat.MANIFEST)) {
            throw new CorruptArchive("export-archive-corrupt", "somme de contrôle SHA-256 différente pour "
                    + TransferFormat.MANIFEST);
        }
        Manifest manifest;
        try (JsonReader json = Json.createReader(new java.io.ByteArrayInputStream(manifestBytes))) {
            manifest = Manifest.fromJson(json.readObject());
        } catch (CorruptArchive e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptArchive("export-archive-manifest", "manifest.json illisible (" + e.getMessage() + ")");
        }
        Map<String, Manifest.Entry> listed = new HashMap<>();
        for (Manifest.Entry e : manifest.entries()) {
            if (!TransferFormat.safePath(e.path()) || listed.put(e.path(), e) != null) {
                throw new CorruptArchive("export-archive-corrupt", "entrée invalide ou en double : " + e.path());
            }
        }
        Set<String> seen = new HashSet<>();
        try {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory() || entry.getName().equals(TransferFormat.MANIFEST)
                        || entry.getName().equals(TransferFormat.MANIFEST_SHA256)) {
                    continue;
                }
                Manifest.Entry expected = listed.get(entry.getName());
                if (expected == null) {
                    throw new CorruptArchive("export-archive-corrupt", "entrée absente du manifeste : " + entry.getName());
                }
                check(zip, entry, expected);
                seen.add(entry.getName());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptArchive corrupt) {
                throw corrupt;
            }
            // a local file that cannot be read back whole (a truncated or altered deflate stream: EOFException,
            // ZipException; a mangled entry name: IllegalArgumentException) is an altered archive
            throw new CorruptArchive("export-archive-corrupt", "archive ZIP abîmée (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        for (String path : listed.keySet()) {
            if (!seen.contains(path)) {
                throw new CorruptArchive("export-archive-corrupt", "entrée manquante : " + path);
            }
        }
        return manifest;
    }

    private static void check(ZipFile zip, ZipEntry entry, Manifest.Entry expected) throws IOException {
        MessageDigest digest = ArchiveWriter.sha256Digest();
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        if (!sha.equals(expected.sha256()) || bytes != expected.bytes()) {
            throw new CorruptArchive("export-archive-corrupt", "somme de contrôle SHA-256 différente pour "
                    + entry.getName() + " (attendue " + expected.sha256() + ", trouvée " + sha + ")");
        }
        if (expected.rows() != null && expected.rows() != lines) {
            throw new CorruptArchive("export-archive-corrupt", entry.getName() + " : " + lines + " lignes, "
                    + expected.rows() + " annoncées");
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing more to do with a file we only read
        }
    }
}
