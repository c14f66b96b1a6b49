package fr.ent.platform.apps.privacy.transfer;

import fr.ent.platform.runtime.data.CollectivityExport;
import fr.ent.platform.runtime.data.CollectivityImport;
import fr.ent.platform.runtime.data.TableTransfer;
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.ScannedUploads;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.transfer.ArchiveReader;
import fr.ent.platform.transfer.ArchiveWriter;
import fr.ent.platform.transfer.Manifest;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The archive as one app sees it: its own {@code apps/<app>/} and {@code files/<app>/}, nothing else. */
final class ArchiveSinks {

    private ArchiveSinks() {
    }

    /** One app's part of an export being written. Counts rows and files for the job's report. */
    static final class Out implements CollectivityExport {
        private final ArchiveWriter writer;
        private final String app;
        private final CollectivityFiles files;
        long rows;
        long fileCount;

        Out(ArchiveWriter writer, String app, CollectivityFiles files) {
            this.writer = writer;
            this.app = app;
            this.files = files;
        }

        @Override
        public String collectivity() {
            return files.collectivity();
        }

        @Override
        public long table(EntityManager em, String table, TableTransfer.Order order) {
            try (ArchiveWriter.Rows out = writer.rows(app, table)) {
                long n = TableTransfer.export(em, table, order, out::write);
                rows += n;
                return n;
            }
        }

        @Override
        public void file(ObjectKey key) {
            if (!key.collectivity().equals(files.collectivity())) {
                throw new IllegalArgumentException("a file of another collectivity: " + key);
            }
            writer.file(app + "/" + key.path(), files.get(key).content());
            fileCount++;
        }
    }

    /** One app's part of a verified archive being loaded into the new collectivity; remembers the files it stored. */
    static final class In implements CollectivityImport {
        private final ArchiveReader reader;
        private final String app;
        private final CollectivityFiles files;
        private final ScannedUploads store;
        final List<ObjectKey> stored = new ArrayList<>();
        long rows;

        In(ArchiveReader reader, String app, CollectivityFiles files, ScannedUploads store) {
            this.reader = reader;
            this.app = app;
            this.files = files;
            this.store = store;
        }

        @Override
        public String collectivity() {
            return files.collectivity();
        }

        @Override
        public String source() {
            return reader.manifest().collectivity();
        }

        @Override
        public long table(EntityManager em, String table, TableTransfer.Mode mode) {
            String path = "apps/" + app + "/" + table + ".jsonl";
            boolean present = reader.manifest().entries().stream().anyMatch(e -> e.path().equals(path));
            if (!present) {
                return TableTransfer.load(em, table, mode, null);
            }
            try (BufferedReader rowsIn = reader.rows(path)) {
                long n = TableTransfer.load(em, table, mode, rowsIn);
                rows += n;
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<String> files() {
            String prefix = "files/" + app + "/";
            return reader.filesOf(app).stream().map(Manifest.Entry::path).map(p -> p.substring(prefix.length())).toList();
        }

        @Override
        public void restoreFile(String path) {
            ObjectKey key = files.key(path);
            try (InputStream in = reader.open("files/" + app + "/" + path)) {
                // scanned as any upload: the archive may come from another provider
                store.store(key, "application/octet-stream", Long.MAX_VALUE, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stored.add(key);
        }
    }
}
