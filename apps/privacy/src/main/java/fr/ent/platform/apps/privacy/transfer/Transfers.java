package fr.ent.platform.apps.privacy.transfer;

import fr.ent.platform.apps.privacy.PrivacyApp;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.audit.AuditTrail;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.runtime.storage.StoredFile;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.tenant.JobLeases;
import fr.ent.platform.runtime.tenant.TenantJobs;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.transfer.ArchiveReader;
import fr.ent.platform.transfer.ArchiveWriter;
import fr.ent.platform.transfer.CorruptArchive;
import fr.ent.platform.transfer.Manifest;
import fr.ent.platform.transfer.TransferFormat;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A whole collectivity out of the platform, or into it (reversibility, issue 18 item 5, ADR 0033): jobs in
 * {@code collectivity_transfer}, run inside the collectivity ({@code TenantJobs.as}), one step per app whose
 * {@link DataContract#collectivityTransfer()} is built, progress written after each.
 *
 * <p>Export: the archive ({@code ent-collectivity-export/1}, docs/reversibility-format.md) is written to a local
 * temporary file, stored in the collectivity's files once whole, then read back from the store and verified (every
 * checksum): only then is it READY, with {@code verified_at}, the tested export the {@code reversibility} rule looks
 * at. Import: the archive tenant-manager verified and spooled is verified again, then each app fills its tables (one
 * transaction per app) and its files; a failure marks the job FAILED, and tenant-manager removes the collectivity it
 * made for it. A running job beats ({@link JobLeases}): one a crash interrupted stops moving, and the sweep reports it
 * failed once it has not moved for {@code ent.transfer.stalled-seconds} (120 by default, ADR 0041), deleting the
 * archive it may have stored already; the person asks again (an import's collectivity is removed by tenant-manager).
 */
@ApplicationScoped
public class Transfers {

    private static final Logger LOG = Logger.getLogger(Transfers.class.getName());
    /** A running job's row moves at least this often (JobLeases): a crash is told within the stall time. */
    static final Duration DEFAULT_STALLED_AFTER = Duration.ofMinutes(2);
    private static final String COLUMNS = "id, kind, state, requested_by, steps_done, steps_total, current_step, size,"
            + " sha256, rows, files, verified_at, failure, requested_at, finished_at";

    @PersistenceUnit(unitName = PrivacyApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    TenantContext context;

    @Inject
    TenantJobs jobs;

    @Inject
    Instance<DataContract> contracts;

    @Inject
    Instance<AuditTrail> trail;

    @Inject
    FileStorage storage;

    @Inject
    Clock clock;

    @Inject
    JobLeases leases;

    @Inject
    SettingReader settings;

    @Resource
    ManagedExecutorService executor;

    /** The collectivity's exports and imports, the latest first (at most 20). */
    public List<TransferJob> list() {
        return data.read(unit, em -> rows(em, "true ORDER BY requested_at DESC LIMIT 20"));
    }

    /** One job of this collectivity; an unknown id (or another collectivity's) is not found. */
    public TransferJob find(UUID id) {
        return data.read(unit, em -> rows(em, "id = ?1", id)).stream().findFirst()
                .orElseThrow(() -> new NotFound("collectivity-transfer-not-found", id.toString()));
    }

    /**
     * Asks for the collectivity's archive: a new export started now, or the one already at work. {@code by}: who
     * (an administrator's login), {@code from}: their address, for the trail.
     */
    public TransferJob export(String by, String from) {
        Optional<TransferJob> working = data.read(unit, em -> rows(em, "kind = 'EXPORT' AND state IN ('QUEUED', 'RUNNING')"))
                .stream().findFirst();
        if (working.isPresent()) {
            return working.get();
        }
        UUID id = UUID.randomUUID();
        try {
            insert(id, "EXPORT", by, null);
        } catch (RuntimeException raced) {
            return data.read(unit, em -> rows(em, "kind = 'EXPORT' AND state IN ('QUEUED', 'RUNNING')")).stream()
                    .findFirst().orElseThrow(() -> raced);
        }
        audit(by, "COLLECTIVITY_EXPORT_REQUESTED", id, true, "depuis " + from);
        start(context.current(), id);
        return find(id);
    }

    /** A ready export's archive, opened for download (the caller closes it); recorded in the trail. */
    public Download download(UUID id, String by, String from) {
        TransferJob job = find(id);
        if (job.kind() != TransferJob.Kind.EXPORT || job.state() != TransferJob.State.READY) {
            throw new Conflict("collectivity-transfer-not-ready", id.toString());
        }
        String key = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return (String) em.createNativeQuery("SELECT object_key FROM collectivity_transfer WHERE id = ?1")
                    .setParameter(1, id).getSingleResult();
        });
        StoredFile file = storage.current().get(ObjectKey.parse(key));
        audit(by, "COLLECTIVITY_EXPORT_DOWNLOADED", id, true, "depuis " + from);
        String day = job.requestedAt().toString().substring(0, 10);
        return new Download("export-" + context.current().slug() + "-" + day + ".zip", file, job.sha256());
    }

    /** An archive being sent: its file name, its content and its SHA-256 (sent as a header too). */
    public record Download(String name, StoredFile file, String sha256) {
    }

    /**
     * For the current collectivity: reports failed the jobs a restart interrupted, and starts the jobs queued by
     * tenant-manager (an operator's export, an import). Cheap when there is nothing to do (one indexed query).
     */
    public int sweep() {
        OffsetDateTime now = now();
        OffsetDateTime stalledBefore = now.minus(stalledAfter());
        List<Object[]> due = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> r = em.createNativeQuery("SELECT id, state FROM collectivity_transfer WHERE state = 'QUEUED'"
                    + " OR (state = 'RUNNING' AND updated_at < ?1)").setParameter(1, stalledBefore).getResultList();
            return r;
        });
        for (Object[] row : due) {
            UUID id = (UUID) row[0];
            if ("RUNNING".equals(row[1])) {
                interrupted(id, now, stalledBefore);
            } else {
                start(context.current(), id);
            }
        }
        return due.size();
    }

    /**
     * A running job that stopped moving: its process died (a crash, a kill). Reported failed (one sweep only: the
     * conditional update), the archive it may have stored already deleted, the failure in the trail.
     */
    private void interrupted(UUID id, OffsetDateTime now, OffsetDateTime stalledBefore) {
        @SuppressWarnings("unchecked")
        List<Object[]> failed = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE collectivity_transfer SET state = 'FAILED', current_step = NULL,"
                            + " failure = 'interrompu (arrêt du serveur en cours de travail) : à redemander',"
                            + " finished_at = ?2, updated_at = ?2 WHERE id = ?1 AND state = 'RUNNING' AND updated_at < ?3"
                            + " RETURNING kind, requested_by, object_key").setParameter(1, id).setParameter(2, now)
                    .setParameter(3, stalledBefore).getResultList();
        });
        if (failed.isEmpty()) {
            return; // it moved meanwhile, or another replica's sweep reported it
        }
        Object[] job = failed.get(0);
        LOG.warning(() -> "tenant=" + context.current().slug() + " collectivity " + job[0] + " " + id
                + " interrupted (no progress for " + stalledAfter() + "): reported failed");
        if (job[2] != null) {
            try {
                storage.current().delete(ObjectKey.parse((String) job[2]));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "archive of interrupted export " + id + " not deleted: " + job[2], e);
            }
        }
        audit((String) job[1], "EXPORT".equals(job[0]) ? "COLLECTIVITY_EXPORT_FAILED" : "COLLECTIVITY_IMPORT_FAILED",
                id, false, "interrompu");
    }

    private Duration stalledAfter() {
        return Duration.ofSeconds(settings.integer("ent.transfer.stalled-seconds",
                (int) DEFAULT_STALLED_AFTER.toSeconds(), 5, 86_400));
    }

    /** Beats for job {@code id} while it runs (see {@link JobLeases}). */
    private JobLeases.Heartbeat heartbeat(UUID id) {
        return leases.keep(context.current(), JobLeases.beat(stalledAfter()), "collectivity transfer " + id,
                () -> data.write(unit, em -> {
                    TenantData.nativeSqlInSchema(em);
                    return em.createNativeQuery("UPDATE collectivity_transfer SET updated_at = ?2 WHERE id = ?1"
                            + " AND state = 'RUNNING'").setParameter(1, id).setParameter(2, now()).executeUpdate();
                }));
    }

    private void start(Tenant tenant, UUID id) {
        executor.execute(() -> {
            try {
                jobs.as(tenant, () -> {
                    run(id);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "collectivity transfer " + id + " of " + tenant.slug() + " did not run", e);
            }
        });
    }

    /** Claims a queued job (one worker only) and runs it. */
    void run(UUID id) {
        Object[] claimed = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> r = em.createNativeQuery("UPDATE collectivity_transfer SET state = 'RUNNING', updated_at = ?2"
                            + " WHERE id = ?1 AND state = 'QUEUED' RETURNING kind, requested_by, source")
                    .setParameter(1, id).setParameter(2, now()).getResultList();
            return r.isEmpty() ? null : r.get(0);
        });
        if (claimed == null) {
            return; // another worker has it, or it is no longer queued
        }
        String by = (String) claimed[1];
        try (JobLeases.Heartbeat beating = heartbeat(id)) {
            if ("EXPORT".equals(claimed[0])) {
                runExport(id, by);
            } else if ("RESTORE_FILES".equals(claimed[0])) {
                runRestoreFiles(id, by, (String) claimed[2]);
            } else {
                runImport(id, by, (String) claimed[2]);
            }
        }
    }

    private void runExport(UUID id, String by) {
        Path zip = null;
        Path back = null;
        ObjectKey key = null;
        Tenant tenant = context.current();
        try {
            zip = Files.createTempFile("collectivity-export-", ".zip");
            List<DataContract> all = all();
            List<DataContract> moving = all.stream().filter(c -> c.collectivityTransfer().isDone()).toList();
            steps(id, moving.size() + 2);
            CollectivityFiles files = storage.current();
            long rows = 0;
            long fileCount = 0;
            try (ArchiveWriter writer = new ArchiveWriter(zip, tenant.slug(), tenant.displayName(), clock.instant())) {
                for (DataContract c : all) {
                    writer.app(c.app(), c.collectivityTransfer().isDone() ? "DONE"
                            : c.collectivityTransfer().support() + ": " + c.collectivityTransfer().why());
                }
                int done = 0;
                for (DataContract c : moving) {
                    step(id, done++, c.app());
                    ArchiveSinks.Out out = new ArchiveSinks.Out(writer, c.app(), files);
                    c.exportCollectivity(out);
                    rows += out.rows;
                    fileCount += out.fileCount;
                }
                step(id, done, "archive");
                writer.finish();
            }
            key = files.key(PrivacyApp.ID + "/collectivity/" + id + "/" + UUID.randomUUID() + ".zip");
            storing(id, key); // named before it exists: a crash while storing leaves no archive nobody knows of
            long size = storage.uploads().store().putFile(key, "application/zip", zip).size();
            step(id, moving.size() + 1, "verification");
            // the tested export: the stored copy, read back whole, gives every checksum of its manifest
            back = Files.createTempFile("collectivity-export-check-", ".zip");
            String sha256;
            try (StoredFile stored = files.get(key); InputStream in = new DigestInputStream(stored.content(),
                    MessageDigest.getInstance("SHA-256"))) {
                Files.copy(in, back, StandardCopyOption.REPLACE_EXISTING);
                sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            Manifest verified = ArchiveReader.verify(back);
            if (by.startsWith("operator:")) {
                // an operator downloads through tenant-manager, which has no file store: the verified copy waits in
                // the spool both applications of the server share (docs/reversibility-format.md)
                Files.createDirectories(TransferFormat.spool());
                Files.copy(back, TransferFormat.spool().resolve(id + ".zip"), StandardCopyOption.REPLACE_EXISTING);
            }
            OffsetDateTime now = now();
            String objectKey = key.value();
            long total = rows;
            long filesTotal = fileCount;
            int ready = data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE collectivity_transfer SET state = 'READY', steps_done = steps_total,"
                                + " current_step = NULL, object_key = ?2, size = ?3, sha256 = ?4, rows = ?5, files = ?6,"
                                + " verified_at = ?7, finished_at = ?7, updated_at = ?7 WHERE id = ?1 AND state = 'RUNNING'")
                        .setParameter(1, id).setParameter(2, objectKey).setParameter(3, size).setParameter(4, sha256)
                        .setParameter(5, total).setParameter(6, filesTotal).setParameter(7, now).executeUpdate();
            });
            if (ready == 0) {
                files.delete(key); // reported failed meanwhile: no orphan archive
                return;
            }
            audit(by, "COLLECTIVITY_EXPORT_READY", id, true, size + " octets, " + verified.entries().size()
                    + " entrées vérifiées, sha256 " + sha256);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "collectivity export " + id + " of " + tenant.slug() + " failed", e);
            if (key != null) {
                storage.current().delete(key);
            }
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            audit(by, "COLLECTIVITY_EXPORT_FAILED", id, false, e.getClass().getSimpleName());
        } finally {
            deleteQuietly(zip);
            deleteQuietly(back);
        }
    }

    private void runImport(UUID id, String by, String source) {
        Tenant tenant = context.current();
        Path spooled = null;
        try {
            spooled = TransferFormat.spooled(source);
            try (ArchiveReader reader = ArchiveReader.open(spooled)) {
                Manifest manifest = reader.manifest();
                List<DataContract> moving = all().stream().filter(c -> c.collectivityTransfer().isDone()).toList();
                steps(id, moving.size());
                CollectivityFiles files = storage.current();
                long rows = 0;
                long fileCount = 0;
                int done = 0;
                for (DataContract c : moving) {
                    step(id, done++, c.app());
                    if (!"DONE".equals(manifest.apps().get(c.app()))) {
                        continue; // the archive has nothing of this app (its tables stay empty)
                    }
                    ArchiveSinks.In in = new ArchiveSinks.In(reader, c.app(), files, storage.uploads());
                    c.importCollectivity(in);
                    rows += in.rows;
                    fileCount += in.stored.size();
                }
                long total = rows;
                long filesTotal = fileCount;
                OffsetDateTime now = now();
                data.write(unit, em -> {
                    TenantData.nativeSqlInSchema(em);
                    return em.createNativeQuery("UPDATE collectivity_transfer SET state = 'DONE', steps_done = steps_total,"
                                    + " current_step = NULL, rows = ?2, files = ?3, finished_at = ?4, updated_at = ?4"
                                    + " WHERE id = ?1").setParameter(1, id).setParameter(2, total)
                            .setParameter(3, filesTotal).setParameter(4, now).executeUpdate();
                });
                audit(by, "COLLECTIVITY_IMPORTED", id, true, "depuis " + manifest.collectivity() + " (archive du "
                        + manifest.createdAt() + "), " + total + " lignes, " + filesTotal + " fichiers");
            }
        } catch (CorruptArchive e) {
            fail(id, e.code() + ": " + e.detail());
            audit(by, "COLLECTIVITY_IMPORT_FAILED", id, false, e.code());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "collectivity import " + id + " into " + tenant.slug() + " failed", e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            audit(by, "COLLECTIVITY_IMPORT_FAILED", id, false, e.getClass().getSimpleName());
        } finally {
            deleteQuietly(spooled);
        }
    }

    /**
     * A restore's files (ADR 0040): every file of the backup's archive (verified by tenant-manager, spooled) that the
     * store no longer has is put back under its own key; those still there are left (a key is never reused, so its
     * bytes are the same). Run before tenant-manager switches the collectivity to the restored schema, while it is
     * still served: a file put back early is only an orphan until then, and one left out if the restore fails.
     */
    private void runRestoreFiles(UUID id, String by, String source) {
        Tenant tenant = context.current();
        Path spooled = null;
        try {
            spooled = TransferFormat.spooled(source);
            try (ArchiveReader reader = ArchiveReader.open(spooled)) {
                List<DataContract> moving = all().stream().filter(c -> c.collectivityTransfer().isDone()).toList();
                steps(id, moving.size());
                CollectivityFiles files = storage.current();
                long back = 0;
                long present = 0;
                int done = 0;
                for (DataContract c : moving) {
                    step(id, done++, c.app());
                    ArchiveSinks.In in = new ArchiveSinks.In(reader, c.app(), files, storage.uploads());
                    for (String path : in.files()) {
                        if (files.exists(files.key(path))) {
                            present++;
                        } else {
                            in.restoreFile(path);
                            back++;
                        }
                    }
                }
                long restored = back;
                long kept = present;
                OffsetDateTime now = now();
                data.write(unit, em -> {
                    TenantData.nativeSqlInSchema(em);
                    return em.createNativeQuery("UPDATE collectivity_transfer SET state = 'DONE', steps_done = steps_total,"
                                    + " current_step = NULL, rows = 0, files = ?2, finished_at = ?3, updated_at = ?3"
                                    + " WHERE id = ?1").setParameter(1, id).setParameter(2, restored)
                            .setParameter(3, now).executeUpdate();
                });
                LOG.info(() -> "tenant=" + tenant.slug() + " restore " + id + ": " + restored + " files put back, "
                        + kept + " still there");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "files of restore " + id + " into " + tenant.slug() + " failed", e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            audit(by, "COLLECTIVITY_RESTORE_FAILED", id, false, e.getClass().getSimpleName());
        } finally {
            deleteQuietly(spooled);
        }
    }

    /** Every contract, in app id order (the manifest names each app's statement). */
    private List<DataContract> all() {
        return contracts.stream().sorted(Comparator.comparing(DataContract::app)).toList();
    }

    private void insert(UUID id, String kind, String by, String source) {
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("INSERT INTO collectivity_transfer (id, kind, state, requested_by, source,"
                            + " requested_at, updated_at) VALUES (?1, ?2, 'QUEUED', ?3, ?4, ?5, ?5)")
                    .setParameter(1, id).setParameter(2, kind).setParameter(3, by).setParameter(4, source)
                    .setParameter(5, now).executeUpdate();
        });
    }

    private void steps(UUID id, int total) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE collectivity_transfer SET steps_total = ?2, updated_at = ?3 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, Math.max(1, total)).setParameter(3, now()).executeUpdate();
        });
    }

    private void storing(UUID id, ObjectKey key) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE collectivity_transfer SET object_key = ?2, updated_at = ?3 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, key.value()).setParameter(3, now()).executeUpdate();
        });
    }

    private void step(UUID id, int done, String current) {
        leases.beforeStep(context.current());
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE collectivity_transfer SET steps_done = ?2, current_step = ?3,"
                            + " updated_at = ?4 WHERE id = ?1 AND state = 'RUNNING'")
                    .setParameter(1, id).setParameter(2, done).setParameter(3, current).setParameter(4, now())
                    .executeUpdate();
        });
    }

    private void fail(UUID id, String why) {
        String failure = why.length() > 2000 ? why.substring(0, 2000) : why;
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("UPDATE collectivity_transfer SET state = 'FAILED', current_step = NULL,"
                            + " failure = ?2, finished_at = ?3, updated_at = ?3 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, failure).setParameter(3, now).executeUpdate();
        });
    }

    private void audit(String by, String action, UUID id, boolean done, String detail) {
        if (trail.isUnsatisfied()) {
            LOG.severe("no audit trail in this runtime: " + action + " " + id + " by " + by);
            return;
        }
        trail.get().record(new AuditTrail.Entry(by, action, "collectivity", context.current().slug(),
                context.current().displayName(), Set.of(), done, "job " + id + (detail == null ? "" : ", " + detail)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.FINE, "temporary file left: " + file, e);
            }
        }
    }

    private static List<TransferJob> rows(EntityManager em, String where, Object... params) {
        TenantData.nativeSqlInSchema(em);
        jakarta.persistence.Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM collectivity_transfer WHERE "
                + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = q.getResultList();
        return result.stream().map(Transfers::job).toList();
    }

    private static TransferJob job(Object[] r) {
        return new TransferJob((UUID) r[0], TransferJob.Kind.valueOf((String) r[1]), TransferJob.State.valueOf(
                (String) r[2]), (String) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[6],
                longOrNull(r[7]), (String) r[8], longOrNull(r[9]), longOrNull(r[10]), instant(r[11]), (String) r[12],
                instant(r[13]), instant(r[14]));
    }

    private static Long longOrNull(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
