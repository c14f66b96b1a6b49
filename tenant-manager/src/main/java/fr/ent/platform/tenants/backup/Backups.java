package fr.ent.platform.tenants.backup;

import static fr.ent.platform.tenancy.TenantNames.quote;

import fr.ent.platform.backup.BackupCipher;
import fr.ent.platform.backup.BackupHeader;
import fr.ent.platform.backup.BackupKeyring;
import fr.ent.platform.backup.UnreadableBackup;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.OperationFailed;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityAudit;
import fr.ent.platform.tenants.time.Heartbeat;
import fr.ent.platform.tenants.transfer.CollectivityTransfers;
import fr.ent.platform.tenants.transfer.TransferView;
import fr.ent.platform.transfer.ArchiveReader;
import fr.ent.platform.transfer.CorruptArchive;
import fr.ent.platform.transfer.Manifest;
import fr.ent.platform.transfer.TransferFormat;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * A collectivity's backups and restores (issue 18 item 4, ADR 0040), run by tenant-manager for the hosting operators.
 *
 * <p>Backup: the runtime exports the collectivity ({@code ent-collectivity-export/1}, verified by reading back, ADR
 * 0033); its realm is snapshot ({@link RealmSnapshot}); both go into one ZIP, encrypted with the collectivity's key
 * ({@link BackupCipher}) and stored ({@link BackupStore}). Then the stored copy is read back, decrypted, its archive
 * verified, and restored whole into a scratch schema that is dropped afterwards: only then is the backup GOOD.
 *
 * <p>Restore: the backup is decrypted and its archive verified BEFORE anything is written (one byte changed: a 400
 * problem, nothing done). Then the runtime puts back the files the store lost, the collectivity is suspended, its data
 * is loaded into a new schema, and the new schema takes the collectivity's schema's name in one transaction (the old
 * one is dropped after); the collectivity is resumed. Any failure before the switch drops the new schema and resumes
 * the collectivity on its old data, untouched.
 */
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final int BACKUP_STEPS = 4;
    private static final int RESTORE_STEPS = 5;

    private final DataSource dataSource;
    private final CollectivityService collectivities;
    private final CollectivityTransfers transfers;
    private final IdentityRealms realms;
    private final BackupSettings settings;
    private final Executor executor;
    private final Clock clock;
    private final Duration patience;
    private final BackupJobs jobs;
    private final CollectivityAudit audit;
    private final TenantSchemaMigrator migrator;
    private volatile BackupStore store;
    /** A job whose row has not moved for this long is one whose process died (ADR 0041's lease, ADR 0046). */
    private final Duration stalled;
    private final ScheduledExecutorService beats;
    private volatile boolean recovered;

    /** For tests and tools: a heartbeat thread of its own, a job deemed interrupted after 120 s without a beat. */
    private static final ScheduledExecutorService OWN_BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backup-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public Backups(DataSource dataSource, CollectivityService collectivities, CollectivityTransfers transfers,
            IdentityRealms realms, BackupSettings settings, Executor executor, Clock clock, Duration patience) {
        this(dataSource, collectivities, transfers, realms, settings, executor, clock, patience,
                Duration.ofSeconds(120), OWN_BEATS);
    }

    /**
     * {@code stalled}: a job whose row has not moved for that long is taken up as interrupted; {@code beats} writes
     * the row of each job at work every sixth of it (the managed scheduler in the server).
     */
    public Backups(DataSource dataSource, CollectivityService collectivities, CollectivityTransfers transfers,
            IdentityRealms realms, BackupSettings settings, Executor executor, Clock clock, Duration patience,
            Duration stalled, ScheduledExecutorService beats) {
        this.stalled = stalled;
        this.beats = beats;
        this.dataSource = dataSource;
        this.collectivities = collectivities;
        this.transfers = transfers;
        this.realms = realms;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.patience = patience;
        this.jobs = new BackupJobs(dataSource, clock);
        this.audit = new CollectivityAudit(dataSource);
        this.migrator = TenantSchemaMigrator.ofInstalledApps(dataSource, Backups.class.getClassLoader());
    }

    /** True once {@link #recoverInterrupted} has run: the schedule waits for it (ADR 0046). */
    public boolean recovered() {
        return recovered;
    }

    /**
     * The jobs a stop or a crash interrupted, at start and then every few seconds ({@link BackupScheduleTask}): a
     * job at work beats (its row's {@code updated_at}, every sixth of the stall time, ADR 0041's lease), so a row
     * that has not moved for the stall time is one whose process died, whichever replica ran it. Such a backup is
     * marked FAILED and the schemas it made are dropped (its scheduled slot is free again: the schedule takes it
     * again). A restore: the switch is one transaction, so the collectivity's data is either the old or the
     * restored one, whole; the new schema of a restore cut before the switch is dropped and the restore marked
     * FAILED, the schema it replaced after the switch is dropped and the restore marked DONE; either way the
     * collectivity it had suspended is resumed. Returns how many jobs were taken up.
     */
    public synchronized int recoverInterrupted() {
        int interrupted = 0;
        try (Connection conn = dataSource.getConnection()) {
            List<String[]> rows = new java.util.ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, slug, kind, coalesce(current_step, ''),"
                    + " coalesce(work_schemas, '') FROM platform.collectivity_backup WHERE state IN ('QUEUED',"
                    + " 'RUNNING') AND updated_at < ?")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(clock.instant().minus(stalled)));
                try (java.sql.ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5)});
                    }
                }
            }
            for (String[] row : rows) {
                interrupted++;
                takeUp(conn, UUID.fromString(row[0]), row[1], row[2], row[3], List.of(row[4].split(" ")).stream()
                        .filter(n -> n.matches("(bk|rs|old)_[0-9a-f]{12}")).toList());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "interrupted backups could not be recovered, the next round retries", e);
        }
        recovered = true;
        return interrupted;
    }

    private void takeUp(Connection conn, UUID id, String slug, String kind, String step, List<String> schemas)
            throws SQLException {
        boolean restore = kind.equals("RESTORE");
        // a restore at its switch: switched when its new schema is gone (renamed to the collectivity's schema)
        String made = schemas.stream().filter(n -> n.startsWith("rs_")).findFirst().orElse(null);
        boolean switched = restore && (step.equals("reprise")
                || (step.equals("bascule") && made != null && !SchemaLoad.exists(conn, made)));
        for (String schema : schemas) {
            SchemaLoad.drop(conn, schema);
        }
        if (switched) {
            jobs.doneAfterCrash(id, "interrompue après la bascule (redémarrage) : données restaurées");
        } else {
            jobs.fail(id, "interrompu (redémarrage de tenant-manager)");
        }
        LOG.warning(() -> "tenant=" + slug + " " + kind + " " + id + " interrupted at step " + step + ": "
                + (switched ? "restored, " : "marked FAILED, ") + "schemas dropped " + schemas);
        if (restore && List.of("suspension", "schéma", "bascule", "reprise").contains(step)) {
            try {
                Collectivity c = collectivities.get(slug);
                if (c.state() == TenantState.SUSPENDED) {
                    collectivities.resume(c.slug());
                }
                audit(c, "tenant-manager", switched ? "BACKUP_RESTORED" : "BACKUP_RESTORE_FAILED", switched,
                        "restauration " + id + " interrompue (redémarrage) à l'étape " + step + " ; "
                                + (switched ? "données restaurées" : "données inchangées") + ", collectivité reprise");
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "tenant=" + slug + " after an interrupted restore: resume it by hand", e);
            }
        }
    }

    /** The job's heartbeat while it runs (closed when it ends, one way or the other). */
    private AutoCloseable beat(UUID id) {
        return Heartbeat.beat(beats, stalled, "backup job " + id, () -> jobs.touch(id));
    }

    public List<BackupView> list(Collectivity c) {
        return jobs.list(c.id());
    }

    /** One job of this collectivity; another's id, or a guessed one, is not found. */
    public BackupView find(Collectivity c, String id) {
        return jobs.require(c.id(), id);
    }

    /** Starts a backup of an active collectivity. */
    public BackupView backup(Collectivity c, String by) {
        requireActive(c, "BACKUP");
        keyring();
        UUID id = UUID.randomUUID();
        BackupView queued = jobs.insert(id, c.id(), c.slug(), "BACKUP", null, by, BACKUP_STEPS);
        executor.execute(() -> runBeating(id, () -> runBackup(c, id, by)));
        return queued;
    }

    private void runBeating(UUID id, Runnable job) {
        try (AutoCloseable beating = beat(id)) {
            job.run();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "backup job " + id, e);
        }
    }

    /**
     * Starts the scheduled backup of {@code slot} (ADR 0046). {@link Conflict} {@code backup-slot-taken} when that
     * day's backup is at work or was good (another replica or round took it), {@code backup-busy} when another job
     * of the collectivity is at work (the next round tries again).
     */
    public BackupView scheduled(Collectivity c, java.time.LocalDate slot) {
        requireActive(c, "BACKUP");
        keyring();
        UUID id = UUID.randomUUID();
        BackupView queued = jobs.insert(id, c.id(), c.slug(), "BACKUP", null, SCHEDULE, BACKUP_STEPS, slot);
        executor.execute(() -> runBeating(id, () -> runBackup(c, id, SCHEDULE)));
        return queued;
    }

    /** Who a scheduled backup or an expiry is by, in the rows and the audit trail. */
    public static final String SCHEDULE = "tenant-manager:schedule";

    /** Records an operator's change of the collectivity's schedule in its audit trail. */
    public void recordScheduleChange(Collectivity c, String by, String detail) {
        audit(c, by, "BACKUP_SCHEDULE_SET", true, detail);
    }

    BackupJobs jobs() {
        return jobs;
    }

    /**
     * Removes from the store the good backups {@code policy} lets go ({@link Retention}; the newest good one is
     * always kept). Each is marked EXPIRED before its file is deleted. Returns how many were removed.
     */
    public int applyRetention(Collectivity c, BackupPolicy policy) {
        List<UUID> expired = Retention.expired(jobs.good(c.id()), policy);
        int removed = 0;
        for (UUID id : expired) {
            String name = jobs.objectName(id);
            if (!jobs.expire(id)) {
                continue;
            }
            removed++;
            if (name != null) {
                deleteStored(name);
            }
            audit(c, SCHEDULE, "BACKUP_EXPIRED", true, "sauvegarde " + id + " retirée du stockage (conservation : "
                    + policy.keepDaily() + " quotidiennes, " + policy.keepWeekly() + " hebdomadaires)");
        }
        return removed;
    }

    /** A good backup's encrypted file, for the operator to keep a copy elsewhere (the caller closes it). */
    public InputStream file(Collectivity c, String id) throws IOException {
        BackupView job = find(c, id);
        if (!"BACKUP".equals(job.kind()) || !"GOOD".equals(job.state())) {
            throw new Conflict("backup-not-good", id);
        }
        return store().open(jobs.objectName(UUID.fromString(job.id())));
    }

    /** Restores a good backup of the store. Checked whole before anything is written. */
    public BackupView restore(Collectivity c, String backupId, String by) {
        BackupView backup = find(c, backupId);
        if (!"BACKUP".equals(backup.kind()) || !"GOOD".equals(backup.state())) {
            throw new Conflict("backup-not-good", backupId);
        }
        requireActive(c, "RESTORE");
        try (InputStream in = store().open(jobs.objectName(UUID.fromString(backup.id())))) {
            return startRestore(c, in, UUID.fromString(backup.id()), by);
        } catch (NoSuchFileException e) {
            throw new OperationFailed("backup-failed", c.slug(), "fichier absent du stockage : " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores a backup file the operator sends (a copy kept elsewhere). Checked whole before anything is written. */
    public BackupView restore(Collectivity c, InputStream file, String by) {
        requireActive(c, "RESTORE");
        return startRestore(c, file, null, by);
    }

    // --- backup

    void runBackup(Collectivity c, UUID id, String by) {
        Path work = null;
        String name = BackupStore.name(c.id(), id);
        boolean stored = false;
        TransferView export = null;
        try {
            work = Files.createTempDirectory(workRoot(), "backup-");
            jobs.step(id, 0, "export");
            export = awaitExport(c);
            Path exported = TransferFormat.spool().resolve(export.id() + ".zip");
            jobs.step(id, 1, "royaume");
            Path realm = work.resolve("realm.json");
            long users;
            try (OutputStream out = Files.newOutputStream(realm)) {
                users = RealmSnapshot.write(realms, c.names().realm(), out);
            }
            jobs.step(id, 2, "chiffrement");
            Instant created = clock.instant();
            Path plain = work.resolve("backup.zip");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
                zip.putNextEntry(new ZipEntry("backup.json"));
                zip.write(Json.createObjectBuilder().add("format", BackupHeader.FORMAT).add("backup", id.toString())
                        .add("collectivity", c.id().toString()).add("slug", c.slug()).add("name", c.displayName())
                        .add("createdAt", created.toString()).add("schemaVersion", String.valueOf(c.schemaVersion()))
                        .add("export", export.id()).add("realmUsers", users).build().toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("realm.json"));
                Files.copy(realm, zip);
                zip.closeEntry();
                zip.setLevel(Deflater.NO_COMPRESSION); // the export is compressed already
                zip.putNextEntry(new ZipEntry("export.zip"));
                Files.copy(exported, zip);
                zip.closeEntry();
            }
            Files.deleteIfExists(realm);
            Path sealed = work.resolve("backup.entbk");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            BackupHeader header;
            try (InputStream in = Files.newInputStream(plain);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(sealed), sha)) {
                header = BackupCipher.encrypt(keyring(), new BackupHeader(c.id(), c.slug(), id, 0, created), in, out);
            }
            Files.delete(plain);
            store().put(name, sealed);
            stored = true;
            jobs.stored(id, name, header.keyVersion(), Files.size(sealed), HexFormat.of().formatHex(sha.digest()));
            Files.delete(sealed);

            // the tested backup: the stored copy, decrypted, its archive verified and restored into a scratch schema
            jobs.step(id, 3, "vérification");
            Opened opened = open(c, store().open(name), work);
            long rows = scratchRestore(c, id, opened);
            jobs.finish(id, "GOOD", rows, opened.files, true);
            audit(c, by, "BACKUP_DONE", true, "sauvegarde " + id + " vérifiée : " + rows + " lignes, " + opened.files
                    + " fichiers, clé v" + header.keyVersion() + ", " + store().describe());
            LOG.info(() -> "tenant=" + c.slug() + " backup " + id + " GOOD (" + rows + " rows restored into a scratch"
                    + " schema)");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "tenant=" + c.slug() + " backup " + id + " failed", e);
            if (stored) {
                deleteStored(name);
            }
            jobs.fail(id, why(e));
            audit(c, by, "BACKUP_FAILED", false, "sauvegarde " + id + " : " + why(e));
        } finally {
            if (export != null) {
                deleteQuietly(TransferFormat.spool().resolve(export.id() + ".zip"));
            }
            deleteTree(work);
        }
    }

    /** The runtime's export of the collectivity, asked as an operator's (its verified copy lands in the spool). */
    private TransferView awaitExport(Collectivity c) throws InterruptedException {
        Instant deadline = clock.instant().plus(patience);
        TransferView job = transfers.export(c, "operator:backup");
        // an export the collectivity's administrator asked is at work: it leaves no operator copy; ours after it
        while (!"operator:backup".equals(job.requestedBy())) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("another export " + job.id() + " still at work after " + patience);
            }
            Thread.sleep(500);
            job = transfers.export(c, "operator:backup");
        }
        while (!"READY".equals(job.state())) {
            if ("FAILED".equals(job.state())) {
                throw new IllegalStateException("export " + job.id() + " failed: " + job.failure());
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("export " + job.id() + " not ready after " + patience);
            }
            Thread.sleep(500);
            job = transfers.find(c, job.id());
        }
        if (!Files.isRegularFile(TransferFormat.spool().resolve(job.id() + ".zip"))) {
            throw new IllegalStateException("export " + job.id() + " was the collectivity's own (no operator copy):"
                    + " back up again");
        }
        return job;
    }

    /** Restores the archive into a scratch schema owned by the collectivity's role, then drops it. */
    private long scratchRestore(Collectivity c, UUID id, Opened opened) throws SQLException {
        TenantNames scratch = new TenantNames("bk_" + shortId(), c.names().role());
        jobs.workSchemas(id, scratch.schema());
        try (Connection conn = dataSource.getConnection()) {
            SchemaLoad.create(conn, scratch);
            try {
                migrator.migrate(scratch);
                try (ArchiveReader reader = ArchiveReader.open(opened.export)) {
                    return SchemaLoad.load(conn, scratch, reader, null, opened.dir);
                }
            } finally {
                SchemaLoad.drop(conn, scratch.schema());
            }
        }
    }

    // --- restore

    private BackupView startRestore(Collectivity c, InputStream encrypted, UUID source, String by) {
        Path work;
        try {
            work = Files.createTempDirectory(workRoot(), "restore-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Opened opened;
        try {
            opened = open(c, encrypted, work);
        } catch (UnreadableBackup e) {
            deleteTree(work);
            audit(c, by, "BACKUP_RESTORE_REFUSED", false, e.code() + " : " + e.detail());
            throw e.problem();
        } catch (CorruptArchive e) {
            deleteTree(work);
            audit(c, by, "BACKUP_RESTORE_REFUSED", false, e.code() + " : " + e.detail());
            throw e.problem();
        } catch (RuntimeException e) {
            deleteTree(work);
            throw e;
        }
        UUID id = UUID.randomUUID();
        BackupView queued;
        try {
            queued = jobs.insert(id, c.id(), c.slug(), "RESTORE", source, by, RESTORE_STEPS);
        } catch (RuntimeException e) {
            deleteTree(work);
            throw e;
        }
        audit(c, by, "BACKUP_RESTORE_REQUESTED", true, "restauration " + id + " de la sauvegarde du "
                + opened.header.createdAt() + " (" + opened.header.backup() + ")");
        executor.execute(() -> {
            try {
                runBeating(id, () -> runRestore(c, id, opened, by));
            } finally {
                deleteTree(work);
            }
        });
        return queued;
    }

    void runRestore(Collectivity c, UUID id, Opened opened, String by) {
        TenantNames target = new TenantNames("rs_" + shortId(), c.names().role());
        boolean suspended = false;
        boolean created = false;
        boolean switched = false;
        try {
            jobs.step(id, 0, "fichiers");
            TransferView files = transfers.restoreFiles(c, opened.export, "operator:restore");
            Instant deadline = clock.instant().plus(patience);
            while (!"DONE".equals(files.state())) {
                if ("FAILED".equals(files.state())) {
                    throw new IllegalStateException("files: " + files.failure());
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("files not put back after " + patience);
                }
                Thread.sleep(500);
                files = transfers.find(c, files.id());
            }
            long filesBack = files.files() == null ? 0 : files.files();

            jobs.step(id, 1, "suspension");
            collectivities.suspend(c.slug());
            suspended = true;

            jobs.step(id, 2, "schéma");
            long rows;
            try (Connection conn = dataSource.getConnection()) {
                String old = "old_" + shortId();
                jobs.workSchemas(id, target.schema() + " " + old);
                SchemaLoad.create(conn, target);
                created = true;
                migrator.migrate(target);
                try (ArchiveReader reader = ArchiveReader.open(opened.export)) {
                    rows = SchemaLoad.load(conn, target, reader, c.names(), opened.dir);
                }

                jobs.step(id, 3, "bascule");
                boolean autoCommit = conn.getAutoCommit();
                conn.setAutoCommit(false);
                try (Statement s = conn.createStatement()) {
                    s.execute("ALTER SCHEMA " + quote(c.names().schema()) + " RENAME TO " + quote(old));
                    s.execute("ALTER SCHEMA " + quote(target.schema()) + " RENAME TO " + quote(c.names().schema()));
                    // the directory provider's role reads the schema now under that name (ADR 0043): its grants
                    // stayed on the replaced one, so they are given again in the switch's transaction
                    DirectoryFederationSetup.grantAgain(conn, c.names());
                    conn.commit();
                    switched = true;
                } catch (SQLException e) {
                    conn.rollback();
                    throw e;
                } finally {
                    conn.setAutoCommit(autoCommit);
                }
                try {
                    SchemaLoad.drop(conn, old);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "tenant=" + c.slug() + " restore " + id + ": the replaced schema " + old
                            + " is left, drop it by hand", e);
                }
            }

            jobs.step(id, 4, "reprise");
            collectivities.resume(c.slug());
            suspended = false;
            jobs.finish(id, "DONE", rows, filesBack, false);
            audit(c, by, "BACKUP_RESTORED", true, "restauration " + id + " : sauvegarde du "
                    + opened.header.createdAt() + " (" + opened.header.backup() + "), " + rows + " lignes, "
                    + filesBack + " fichiers remis ; le journal d'audit est conservé tel quel");
            LOG.info(() -> "tenant=" + c.slug() + " restore " + id + " DONE: " + rows + " rows");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "tenant=" + c.slug() + " restore " + id + " failed"
                    + (switched ? " after the switch" : ", the collectivity's data is as it was"), e);
            if (created && !switched) {
                try (Connection conn = dataSource.getConnection()) {
                    SchemaLoad.drop(conn, target.schema());
                } catch (SQLException dropFailed) {
                    LOG.log(Level.WARNING, "schema " + target.schema() + " left, drop it by hand", dropFailed);
                }
            }
            if (suspended) {
                try {
                    collectivities.resume(c.slug());
                } catch (RuntimeException resumeFailed) {
                    LOG.log(Level.SEVERE, "tenant=" + c.slug() + " stays suspended after a failed restore", resumeFailed);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            jobs.fail(id, why(e));
            audit(c, by, "BACKUP_RESTORE_FAILED", false, "restauration " + id + " : " + why(e)
                    + (switched ? "" : " ; données inchangées"));
        }
    }

    // --- reading a backup

    /** A backup decrypted and verified in {@code dir}: its header, its export archive, how many files it holds. */
    record Opened(BackupHeader header, Path dir, Path export, long files) {
    }

    /**
     * Decrypts {@code encrypted} (closed here) into {@code dir} with {@code c}'s key and verifies every checksum of
     * its archive. {@link UnreadableBackup} or {@link CorruptArchive} before anything else is done.
     */
    private Opened open(Collectivity c, InputStream encrypted, Path dir) {
        Path plain = dir.resolve("backup.zip");
        BackupHeader header;
        try (InputStream in = encrypted; OutputStream out = Files.newOutputStream(plain)) {
            header = BackupCipher.decrypt(keyring(), c.id(), in, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path export = dir.resolve("export.zip");
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            ZipEntry entry = zip.getEntry("export.zip");
            if (entry == null || zip.getEntry("realm.json") == null || zip.getEntry("backup.json") == null) {
                throw new UnreadableBackup("backup-format", "backup.json, realm.json ou export.zip manquant");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, export);
            }
        } catch (IOException e) {
            throw new UnreadableBackup("backup-format", "contenu illisible (" + e.getClass().getSimpleName() + ")");
        }
        try {
            Files.delete(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Manifest manifest = ArchiveReader.verify(export);
        long files = manifest.entries().stream().filter(e -> e.path().startsWith("files/")).count();
        return new Opened(header, dir, export, files);
    }

    // --- helpers

    private BackupKeyring keyring() {
        try {
            return settings.keyring().orElseThrow(() -> new OperationFailed("backup-failed", "-",
                    "aucune clé de sauvegarde (ent.backup.keys) : rien n'est sauvegardé en clair"));
        } catch (IllegalArgumentException e) {
            throw new OperationFailed("backup-failed", "-", e.getMessage());
        }
    }

    private BackupStore store() {
        BackupStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    store = settings.store();
                    LOG.info(() -> "backup store: " + store.describe());
                }
                s = store;
            }
        }
        return s;
    }

    private Path workRoot() throws IOException {
        return Files.createDirectories(settings.workDirectory());
    }

    private static void requireActive(Collectivity c, String what) {
        if (c.state() != TenantState.ACTIVE) {
            throw new Conflict("illegal-transition", c.slug(), c.state(), what);
        }
    }

    /** Records in the collectivity's audit trail; never fails the job. */
    private void audit(Collectivity c, String by, String action, boolean done, String detail) {
        audit.record(c, by, action, done, detail);
    }

    private static String why(Exception e) {
        if (e instanceof UnreadableBackup u) {
            return u.code() + ": " + u.detail();
        }
        if (e instanceof CorruptArchive a) {
            return a.code() + ": " + a.detail();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void deleteStored(String name) {
        try {
            store().delete(name);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "backup " + name + " left in the store", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "left: " + file, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(Backups::deleteQuietly);
        } catch (IOException e) {
            LOG.log(Level.FINE, "left: " + dir, e);
        }
    }
}
