package fr.ent.platform.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectivity archive's format: what is written is read back whole, and one byte changed is refused. */
class CollectivityArchiveTest {

    @TempDir
    Path dir;

    @Test
    void anArchiveIsReadBackWithItsManifestRowsAndFiles() throws IOException {
        Path zip = sample();
        try (ArchiveReader reader = ArchiveReader.open(zip)) {
            Manifest m = reader.manifest();
            assertThat(m.format()).isEqualTo("ent-collectivity-export/1");
            assertThat(m.collectivity()).isEqualTo("lyon");
            assertThat(m.apps()).containsEntry("documents", "DONE").containsKey("wiki");
            assertThat(m.rowsOf("documents")).extracting(Manifest.Entry::path)
                    .containsExactly("apps/documents/node.jsonl", "apps/documents/version.jsonl");
            assertThat(m.rowsOf("documents").get(0).rows()).isEqualTo(2);
            assertThat(m.entries()).allSatisfy(e -> assertThat(e.sha256()).hasSize(64));
            try (BufferedReader rows = reader.rows("apps/documents/node.jsonl")) {
                assertThat(rows.lines().toList()).containsExactly("{\"id\":\"a\",\"name\":\"Été\"}",
                        "{\"id\":\"b\",\"name\":\"x\"}");
            }
            assertThat(reader.filesOf("documents")).extracting(Manifest.Entry::path)
                    .containsExactly("files/documents/lyon/documents/a/v1");
            try (InputStream in = reader.open("files/documents/lyon/documents/a/v1")) {
                assertThat(in.readAllBytes()).isEqualTo("contenu du fichier".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Every byte of the archive, changed one at a time: the archive is refused, or (a byte of ZIP metadata that
     * carries no data, such as a header's time) what it gives back is exactly what was written. Never altered data.
     */
    @Test
    void oneByteChangedAnywhereIsRefusedOrChangesNothingRead() throws IOException {
        Path zip = sample();
        byte[] original = Files.readAllBytes(zip);
        Map<String, byte[]> content = contents(zip);
        int refused = 0;
        List<Integer> harmless = new ArrayList<>();
        Path changed = dir.resolve("changed.zip");
        for (int i = 0; i < original.length; i++) {
            byte[] bytes = original.clone();
            bytes[i] = (byte) (bytes[i] ^ 0x01);
            Files.write(changed, bytes);
            final int at = i;
            try {
                Map<String, byte[]> read = contents(changed);
                assertThat(read.keySet()).as("entries read with byte %d changed", i).isEqualTo(content.keySet());
                read.forEach((k, v) -> assertThat(v).as("%s with byte %d changed", k, at).isEqualTo(content.get(k)));
                harmless.add(i);
            } catch (CorruptArchive e) {
                refused++;
            }
        }
        assertThat(refused).as("changes refused").isGreaterThan(original.length / 2);
    }

    @Test
    void aChangedRowIsRefusedWithTheEntryNamed() throws IOException {
        Path zip = sample();
        // the same archive, one row's letter changed, its ZIP rebuilt (so ZIP's own CRC agrees): the checksum catches it
        Path forged = dir.resolve("forged.zip");
        Map<String, byte[]> content = contents(zip);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (var e : rawEntries(zip).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                byte[] b = e.getValue();
                if (e.getKey().equals("apps/documents/node.jsonl")) {
                    b = new String(b, StandardCharsets.UTF_8).replace("\"x\"", "\"y\"").getBytes(StandardCharsets.UTF_8);
                }
                out.write(b);
                out.closeEntry();
            }
        }
        assertThat(content).isNotEmpty();
        assertThatThrownBy(() -> ArchiveReader.verify(forged)).isInstanceOf(CorruptArchive.class)
                .hasMessageContaining("apps/documents/node.jsonl").hasMessageContaining("SHA-256");
    }

    @Test
    void anUnlistedEntryAMissingManifestOrAnotherFormatAreRefused() throws IOException {
        Path zip = sample();
        Map<String, byte[]> raw = rawEntries(zip);
        Path extra = dir.resolve("extra.zip");
        raw.put("apps/documents/evil.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8));
        write(extra, raw);
        assertThatThrownBy(() -> ArchiveReader.verify(extra)).isInstanceOf(CorruptArchive.class)
                .hasMessageContaining("absente du manifeste");
        Path noManifest = dir.resolve("nomanifest.zip");
        Map<String, byte[]> without = rawEntries(zip);
        without.remove("manifest.json");
        write(noManifest, without);
        assertThatThrownBy(() -> ArchiveReader.verify(noManifest)).isInstanceOf(CorruptArchive.class)
                .extracting(e -> ((CorruptArchive) e).code()).isEqualTo("export-archive-manifest");
        Path notZip = dir.resolve("notzip.zip");
        Files.writeString(notZip, "bonjour");
        assertThatThrownBy(() -> ArchiveReader.verify(notZip)).isInstanceOf(CorruptArchive.class)
                .hasMessageContaining("ZIP");
        assertThat(TransferFormat.safePath("files/documents/../../etc/passwd")).isFalse();
        assertThat(TransferFormat.safePath("/etc/passwd")).isFalse();
        assertThat(TransferFormat.safePath("apps/documents/node.jsonl")).isTrue();
    }

    private Path sample() throws IOException {
        Path zip = dir.resolve("lyon.zip");
        try (ArchiveWriter w = new ArchiveWriter(zip, "lyon", "Métropole de Lyon", Instant.parse("2026-12-04T10:00:00Z"))) {
            w.app("documents", "DONE");
            w.app("wiki", "NOT_YET: pas encore");
            try (ArchiveWriter.Rows rows = w.rows("documents", "node")) {
                rows.write("{\"id\":\"a\",\"name\":\"Été\"}");
                rows.write("{\"id\":\"b\",\"name\":\"x\"}");
            }
            try (ArchiveWriter.Rows rows = w.rows("documents", "version")) {
                rows.write("{\"node_id\":\"a\",\"number\":1}");
            }
            w.file("documents/lyon/documents/a/v1",
                    new ByteArrayInputStream("contenu du fichier".getBytes(StandardCharsets.UTF_8)));
            w.finish();
        }
        return zip;
    }

    /** What a verified archive gives back: every entry's bytes. */
    private static Map<String, byte[]> contents(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ArchiveReader reader = ArchiveReader.open(zip)) {
            for (Manifest.Entry e : reader.manifest().entries()) {
                try (InputStream in = reader.open(e.path())) {
                    out.put(e.path(), in.readAllBytes());
                }
            }
            out.put("manifest", reader.manifest().toJson().toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, byte[]> rawEntries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    private static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }
}
