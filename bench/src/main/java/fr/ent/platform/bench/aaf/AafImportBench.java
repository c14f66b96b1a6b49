package fr.ent.platform.bench.aaf;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.aaf.AafImportReport;
import fr.ent.platform.apps.directory.aaf.AafImporter;
import fr.ent.platform.apps.directory.aaf.AafReader;
import fr.ent.platform.bench.Bench;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The AAF import's memory (issue 19: "a file of 500 MB must not need 500 MB of heap"), in two parts, both meant to
 * run with a small heap ({@code -Xmx128m}, {@code bench.aaf.heap}):
 * <ol>
 * <li><b>parse</b>: a pupils' file of {@code bench.aaf.mb} MB (500 by default) is generated on disk, then read by
 * {@link AafReader}; the peak of the heap is reported against the file's size;</li>
 * <li><b>import</b>: a complete export of {@code bench.aaf.structures} collèges of {@code bench.aaf.pupils} pupils
 * (two parents each, a teacher per class) is imported by {@link AafImporter} into a directory schema on embedded
 * PostgreSQL (staging, structures, people structure by structure), with its time and the peak of the heap.</li>
 * </ol>
 * {@code bench.aaf.mode}: parse, import or both (default). Not part of the build's tests (minutes, gigabytes of disk).
 */
public final class AafImportBench {

    private AafImportBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.aaf.mode", "both");
        say("AafImportBench (" + mode + "), max heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()
                / (1024 * 1024) + " MB; " + Bench.machineLine());
        Path dir = Files.createTempDirectory("aaf-bench");
        try {
            if (!"import".equals(mode)) {
                parse(dir, Bench.intProperty("bench.aaf.mb", 500));
            }
            if (!"parse".equals(mode)) {
                importInto(dir, Bench.intProperty("bench.aaf.structures", 20), Bench.intProperty("bench.aaf.pupils", 500));
            }
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private static void parse(Path dir, int megabytes) throws IOException {
        long t0 = System.nanoTime();
        Path file = AafGenerator.pupils(dir, megabytes);
        long size = Files.size(file);
        long generated = System.nanoTime();
        resetPeaks();
        AtomicLong records = new AtomicLong();
        AtomicLong values = new AtomicLong();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            AafReader.read(file.getFileName().toString(), in, r -> {
                records.incrementAndGet();
                r.attributes().values().forEach(v -> values.addAndGet(v.size()));
            });
        }
        long parsed = System.nanoTime();
        long peak = heapPeak();
        say(String.format("parse: file %d MB (%d pupils, %d values) generated in %d s, read in %.1f s (%.0f MB/s);"
                + " peak heap %d MB = %.3f of the file", size / (1024 * 1024), records.get(), values.get(),
                (generated - t0) / 1_000_000_000, (parsed - generated) / 1e9,
                size / (1024.0 * 1024) / ((parsed - generated) / 1e9), peak / (1024 * 1024), (double) peak / size));
        Files.delete(file);
    }

    private static void importInto(Path dir, int structures, int pupils) throws Exception {
        List<Path> files = AafGenerator.complete(dir, structures, pupils);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        Path pgdata = Files.createTempDirectory("aaf-bench-pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, Bench.freePort())) {
            String schema = "t_aafbench";
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + schema);
                s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
            }
            new TenantSchemaMigrator(database.dataSource(), List.of(DirectoryApp.ID),
                    AafImportBench.class.getClassLoader()).migrate(new TenantNames(schema, schema));
            EntityManagerFactory unit = Persistence.createEntityManagerFactory(DirectoryApp.ID, Map.of(
                    PersistenceUnitProperties.NON_JTA_DATASOURCE, database.dataSource(),
                    PersistenceUnitProperties.WEAVING, "false"));
            DirectoryData data = new DirectoryData() {
                @Override
                public <T> T read(Function<EntityManager, T> work) {
                    return inTransaction(unit, schema, work);
                }

                @Override
                public <T> T write(Function<EntityManager, T> work) {
                    return inTransaction(unit, schema, work);
                }
            };
            List<AafImporter.Source> sources = files.stream().map(p -> new AafImporter.Source(
                    p.getFileName().toString(), open(p))).toList();
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            AafImportReport report = new AafImporter(data).importFiles(sources, "bench");
            long t1 = System.nanoTime();
            long peak = heapPeak();
            say(String.format("import: %d structures x %d pupils (+%d parents, %d staff), files %d MB, in %.1f s"
                    + " (%.0f people/s); %s, %d rejected; peak heap %d MB", structures, pupils, 2 * pupils * structures,
                    structures * ((pupils + 24) / 25 + 1), bytes / (1024 * 1024), (t1 - t0) / 1e9,
                    (structures * (3.0 * pupils + (pupils + 24) / 25 + 1)) / ((t1 - t0) / 1e9), report.counts(),
                    report.rejected(), peak / (1024 * 1024)));
            unit.close();
        } finally {
            Bench.deleteTree(pgdata);
        }
    }

    private static InputStream open(Path p) {
        try {
            return new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T inTransaction(EntityManagerFactory unit, String schema, Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                schema));
        try {
            em.getTransaction().begin();
            em.createNativeQuery("SET LOCAL ROLE " + TenantNames.quote(schema)).executeUpdate();
            em.createNativeQuery("SET LOCAL search_path TO " + TenantNames.quote(schema)).executeUpdate();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the live heap's peak. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
