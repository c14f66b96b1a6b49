package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.backup.BackupPolicy;
import fr.ent.platform.tenants.backup.BackupScheduler;
import fr.ent.platform.tenants.backup.BackupSchedules;
import fr.ent.platform.tenants.backup.BackupSettings;
import fr.ent.platform.tenants.backup.BackupView;
import fr.ent.platform.tenants.backup.Backups;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.DirectoryAccounts;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.transfer.CollectivityTransfers;
import fr.ent.platform.transfer.ArchiveWriter;
import fr.ent.platform.testing.database.TestDatabase;
import fr.ent.platform.transfer.TableRows;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups and restores (ADR 0040) against a real database and realm. The runtime's part (the export it writes to
 * the spool, the files it puts back) is played by a small loop here over the collectivity's own tables; the real one
 * runs in ReversibilityIT. What is checked is tenant-manager's: encryption and storage, the verification by a
 * scratch schema, the refusal of a changed byte or another collectivity's backup before anything is written, and the
 * restore into a new schema switched over, the audit trail carried over rather than rolled back.
 */
@ResourceLock("ent.transfer.dir") // sets the JVM-wide spool directory property, as CollectivityTransferTest does
class BackupsTest {

    @TempDir
    static Path spool;
    @TempDir
    static Path store;

    private static final String KEYS = "1:" + key(7);

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE, new SimpleMeterRegistry()), database,
            realms, Runnable::run);
    private final CollectivityTransfers transfers = new CollectivityTransfers(db, service, Runnable::run,
            Clock.systemUTC(), Duration.ofSeconds(30));
    private final Backups backups = backups(KEYS);
    private final FakeRuntime runtime = new FakeRuntime();

    @BeforeAll
    static void spoolHere() {
        System.setProperty("ent.transfer.dir", spool.toString());
    }

    @AfterAll
    static void spoolBack() {
        System.clearProperty("ent.transfer.dir");
    }

    @AfterEach
    void stopRuntime() {
        runtime.stop();
    }

    @Test
    void aBackupIsVerifiedThenARestoreBringsTheDataBackKeepingTheTrail() throws Exception {
        Collectivity c = active(uniqueSlug("bku"));
        for (int i = 0; i < 3; i++) {
            flash(c, "Message " + i);
        }
        long trail = audits(c);
        runtime.serve(c);

        BackupView started = backups.backup(c, "operator:t");
        BackupView good = backups.find(c, started.id());
        assertThat(good.state()).as(String.valueOf(good.failure())).isEqualTo("GOOD");
        assertThat(good.verifiedAt()).isNotNull();
        assertThat(good.keyVersion()).isEqualTo(1);
        assertThat(good.rows()).as("the archive's rows, restored into the scratch schema").isEqualTo(3 + trail);
        assertThat(good.files()).isEqualTo(1);
        assertThat(schemas("bk_%")).as("the scratch schema is dropped").isEmpty();
        byte[] stored = storedFile(c, good);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("ENTBKP01").doesNotContain("Message 1");
        assertThat((long) stored.length).isEqualTo(good.size());

        // what changes after the backup: the messages go, an operator's action is recorded
        sql(c, "DELETE FROM flash_message");
        sql(c, "INSERT INTO console_audit (actor, action, target_kind, outcome) VALUES ('x', 'AFTER_BACKUP',"
                + " 'collectivity', 'DONE')");

        // one byte changed: refused with the problem, nothing written, nothing suspended
        byte[] changed = stored.clone();
        changed[changed.length - 40] ^= 0x01;
        assertThatThrownBy(() -> backups.restore(c, new ByteArrayInputStream(changed), "operator:t"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).code()).isEqualTo("backup-corrupt"));
        assertThat(count(c, "flash_message")).isZero();
        assertThat(service.get(c.slug()).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(schemas("rs_%")).isEmpty();

        // the same backup with the platform's keys replaced: unreadable
        assertThatThrownBy(() -> backups("1:" + key(8)).restore(c, good.id(), "operator:t"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).code()).isEqualTo("backup-corrupt"));

        BackupView restore = backups.restore(c, good.id(), "operator:t");
        BackupView done = await(c, restore.id());
        assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo("DONE");
        assertThat(done.sourceBackup()).isEqualTo(good.id());
        assertThat(count(c, "flash_message")).as("the messages are back").isEqualTo(3);
        assertThat(service.get(c.slug()).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(actions(db, c)).as("the trail is not rolled back")
                .contains("BACKUP_DONE", "AFTER_BACKUP", "BACKUP_RESTORE_REFUSED", "BACKUP_RESTORE_REQUESTED",
                        "BACKUP_RESTORED");
        assertThat(schemas("rs_%")).isEmpty();
        assertThat(schemas("old_%")).as("the replaced schema is dropped").isEmpty();
        // the trail goes on numbering after the rows carried over
        sql(c, "INSERT INTO console_audit (actor, action, target_kind, outcome) VALUES ('x', 'NEXT', 'collectivity',"
                + " 'DONE')");
    }

    @Test
    void aDirectoryAccountStillSignsInAfterARestoreAndTheRestoredSchemaStaysClosedToOtherRealms() throws Exception {
        KeycloakRealms keycloak = (KeycloakRealms) realms;
        DirectoryFederationSetup federation = new DirectoryFederationSetup(db, keycloak.admin(),
                "jdbc:postgresql://127.0.0.1:" + TestDatabase.shared().port() + "/postgres");
        CollectivityService federated = new CollectivityService(registry, new Provisioner(db, registry, database,
                realms, StepGuard.NONE, new SimpleMeterRegistry(), Optional.of(federation)), database, realms,
                Runnable::run);
        Collectivity c = federated.create(request(uniqueSlug("bkf")));
        Collectivity other = federated.create(request(uniqueSlug("bkg")));
        UUID pupil = UUID.randomUUID();
        sql(c, "INSERT INTO ent_user (id, profile, first_name, last_name, search_key) VALUES ('" + pupil
                + "', 'Student', 'Inès', 'Roux', 'roux ines')");
        AccountSync.NewAccount made = new DirectoryAccounts(db, Duration.ofDays(30), Clock.systemUTC())
                .create(c, null, java.util.Set.of()).created().get(0);
        String realm = c.names().realm();
        JsonObject portal = keycloak.admin().get(realm + "/clients?clientId=portal").array().getJsonObject(0);
        keycloak.admin().put(realm + "/clients/" + portal.getString("id"),
                Json.createObjectBuilder(portal).add("directAccessGrantsEnabled", true).build());
        runtime.withDirectory.add(c.slug());
        runtime.serve(c);
        BackupView good = backups.find(c, backups.backup(c, "operator:t").id());
        assertThat(good.state()).as(String.valueOf(good.failure())).isEqualTo("GOOD");

        BackupView done = await(c, backups.restore(c, good.id(), "operator:t").id());
        assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo("DONE");

        // The realm's provider reads the restored schema: the directory's code still signs in.
        assertThat(DirectoryFederationTest.grant(c, made.login(), made.activationCode()).body())
                .contains("not fully set up");
        // The grants given again are the collectivity's own role's, on its own schema only.
        try (Connection conn = db.getConnection(); Statement s = conn.createStatement()) {
            s.execute("SET ROLE kc_" + other.names().schema());
            assertThatThrownBy(() -> s.executeQuery("SELECT login FROM " + c.names().schema() + ".ent_account"))
                    .hasMessageContaining("permission denied");
            s.execute("RESET ROLE");
            s.execute("SET ROLE kc_" + c.names().schema());
            assertThatThrownBy(() -> s.executeQuery("SELECT birth_date FROM " + c.names().schema() + ".ent_user"))
                    .hasMessageContaining("permission denied");
            s.execute("RESET ROLE");
        }
    }

    @Test
    void oneCollectivitysBackupCannotBeRestoredIntoAnother() throws Exception {
        Collectivity c = active(uniqueSlug("bko"));
        Collectivity other = active(uniqueSlug("bkx"));
        flash(c, "À moi");
        runtime.withDirectory.add(c.slug());
        runtime.serve(c);
        BackupView good = backups.find(c, backups.backup(c, "operator:t").id());
        assertThat(good.state()).as(String.valueOf(good.failure())).isEqualTo("GOOD");
        byte[] file = storedFile(c, good);

        assertThatThrownBy(() -> backups.restore(other, new ByteArrayInputStream(file), "operator:t"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).code()).isEqualTo("backup-other-collectivity"));
        assertThatThrownBy(() -> backups.restore(other, good.id(), "operator:t"))
                .isInstanceOf(fr.ent.platform.problem.NotFound.class);
        assertThatThrownBy(() -> backups.find(other, good.id())).isInstanceOf(fr.ent.platform.problem.NotFound.class);
        assertThat(backups.list(other)).isEmpty();
        assertThat(count(other, "flash_message")).isZero();
    }

    @Test
    void aRestoreInterruptedByARestartIsReportedFailedItsSchemaDroppedAndTheCollectivityResumed() throws Exception {
        Collectivity c = active(uniqueSlug("bkr"));
        flash(c, "Toujours là");
        UUID job = UUID.randomUUID();
        String leftover = "rs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection conn = db.getConnection(); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO platform.collectivity_backup (id, collectivity_id, slug, kind, state, requested_by,"
                    + " current_step, requested_at, updated_at) VALUES ('" + job + "', '" + c.id() + "', '" + c.slug()
                    + "', 'RESTORE', 'RUNNING', 'operator:t', 'schéma', now() - interval '1 hour', now() - interval '1 hour')");
            s.execute("UPDATE platform.collectivity_backup SET work_schemas = '" + leftover + "' WHERE id = '" + job
                    + "'");
            s.execute("CREATE SCHEMA " + leftover);
        }
        service.suspend(c.slug());

        assertThat(backups.recoverInterrupted()).isGreaterThanOrEqualTo(1);

        BackupView failed = backups.find(c, job.toString());
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("redémarrage");
        assertThat(schemas(leftover)).isEmpty();
        assertThat(service.get(c.slug()).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(count(c, "flash_message")).isEqualTo(1);
        assertThat(actions(db, c)).contains("BACKUP_RESTORE_FAILED");

        // cut after its switch (the new schema renamed in, the replaced one left): DONE, the replaced one dropped
        UUID switched = UUID.randomUUID();
        String gone = "rs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String replaced = "old_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection conn = db.getConnection(); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO platform.collectivity_backup (id, collectivity_id, slug, kind, state, requested_by,"
                    + " current_step, requested_at, updated_at, work_schemas) VALUES ('" + switched + "', '" + c.id()
                    + "', '" + c.slug() + "', 'RESTORE', 'RUNNING', 'operator:t', 'bascule', now() - interval '1 hour',"
                    + " now() - interval '1 hour', '" + gone + " " + replaced + "')");
            s.execute("CREATE SCHEMA " + replaced);
        }
        service.suspend(c.slug());
        // a job of another process still beating is not taken
        UUID alive = UUID.randomUUID();
        Collectivity other = active(uniqueSlug("bkl"));
        try (Connection conn = db.getConnection(); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO platform.collectivity_backup (id, collectivity_id, slug, kind, state, requested_by,"
                    + " current_step, requested_at, updated_at) VALUES ('" + alive + "', '" + other.id() + "', '"
                    + other.slug() + "', 'BACKUP', 'RUNNING', 'operator:t', 'export', now() - interval '1 hour',"
                    + " now())");
        }
        backups.recoverInterrupted();
        BackupView done = backups.find(c, switched.toString());
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.failure()).contains("données restaurées");
        assertThat(schemas(replaced)).isEmpty();
        assertThat(service.get(c.slug()).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(actions(db, c)).contains("BACKUP_RESTORED");
        assertThat(backups.find(other, alive.toString()).state()).as("another replica's job at work").isEqualTo(
                "RUNNING");
    }

    @Test
    void scheduledBackupsTakeEachDayOnceAcrossARestartAndTheRetentionRemovesTheOldOnes() throws Exception {
        Collectivity c = active(uniqueSlug("bks"));
        flash(c, "Planifiée");
        runtime.serve(c);
        // the time moved as a setting moves a running server's (ent.clock.offset): days ahead, at 03:00 in Paris
        LocalDate day = LocalDate.now(PARIS).plusDays(3);
        MovedClock clock = new MovedClock(day.atTime(3, 0).atZone(PARIS).toInstant());
        Backups moved = backups(KEYS, clock);
        moved.recoverInterrupted();
        BackupSchedules schedules = new BackupSchedules(db, clock);
        // off by default here, on for this collectivity only (the other tests' collectivities share the registry)
        BackupPolicy defaults = new BackupPolicy(false, 2, PARIS, 7, 4);
        schedules.set(c.id(), new BackupPolicy.Override(Optional.of(true), Optional.empty(), Optional.empty(),
                Optional.of(2), Optional.of(0)), defaults, "operator:t");
        BackupScheduler scheduler = new BackupScheduler(registry, moved, schedules, defaults, 3, 2);

        assertThat(scheduler.round(clock.instant()).started()).isEqualTo(1);
        clock.plus(Duration.ofMinutes(5));
        assertThat(scheduler.round(clock.instant()).started()).as("the day's slot is taken").isZero();

        // a restart (a new process: its Backups and its schedule) in the same day: no second backup
        Backups restarted = backups(KEYS, clock);
        BackupScheduler again = new BackupScheduler(registry, restarted, schedules, defaults, 3, 2);
        assertThat(again.round(clock.instant()).started()).as("before the interrupted jobs are recovered").isZero();
        restarted.recoverInterrupted();
        assertThat(again.round(clock.instant()).started()).isZero();
        assertThat(scheduled(c, restarted)).hasSize(1).allSatisfy(b -> assertThat(b.state()).isEqualTo("GOOD"));

        // the next day's backup interrupted by a crash: marked FAILED at the restart, taken again once
        clock.plus(Duration.ofDays(1));
        try (Connection conn = db.getConnection(); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO platform.collectivity_backup (id, collectivity_id, slug, kind, state, requested_by,"
                    + " current_step, requested_at, updated_at, slot) VALUES ('" + UUID.randomUUID() + "', '" + c.id()
                    + "', '" + c.slug() + "', 'BACKUP', 'RUNNING', 'tenant-manager:schedule', 'export', now() -"
                    + " interval '1 hour', now() - interval '1 hour', '" + day.plusDays(1) + "')");
        }
        Backups third = backups(KEYS, clock);
        assertThat(third.recoverInterrupted()).isGreaterThanOrEqualTo(1);
        BackupScheduler thirdScheduler = new BackupScheduler(registry, third, schedules, defaults, 3, 2);
        assertThat(thirdScheduler.round(clock.instant()).started()).isEqualTo(1);
        assertThat(thirdScheduler.round(clock.instant()).started()).isZero();

        // two more days: keep 2 daily, so the first two leave the store (never the newest)
        clock.plus(Duration.ofDays(1));
        assertThat(thirdScheduler.round(clock.instant()).started()).isEqualTo(1);
        clock.plus(Duration.ofDays(1));
        BackupScheduler.Round last = thirdScheduler.round(clock.instant());
        assertThat(last.started()).isEqualTo(1);
        List<BackupView> all = scheduled(c, third);
        assertThat(all.stream().filter(b -> b.state().equals("GOOD")).map(BackupView::slot))
                .containsExactlyInAnyOrder(day.plusDays(2), day.plusDays(3));
        assertThat(all.stream().filter(b -> b.state().equals("EXPIRED")).map(BackupView::slot))
                .containsExactlyInAnyOrder(day, day.plusDays(1));
        assertThat(all.stream().filter(b -> b.state().equals("FAILED"))).hasSize(1);
        for (BackupView b : all) {
            assertThat(stored(c, b)).as(b.slot() + " " + b.state()).isEqualTo(b.state().equals("GOOD"));
        }
        assertThat(actions(db, c)).contains("BACKUP_EXPIRED");
        assertThatThrownBy(() -> third.restore(c, all.stream().filter(b -> b.state().equals("EXPIRED")).findFirst()
                .orElseThrow().id(), "operator:t")).isInstanceOf(fr.ent.platform.problem.Conflict.class);
    }

    private static List<BackupView> scheduled(Collectivity c, Backups b) {
        return b.list(c).stream().filter(v -> v.slot() != null).toList();
    }

    private static boolean stored(Collectivity c, BackupView v) {
        return Files.exists(store.resolve(c.id().toString()).resolve(v.id() + ".entbk"));
    }

    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    /** A clock the test moves. */
    private static final class MovedClock extends Clock {
        private volatile Instant now;

        MovedClock(Instant now) {
            this.now = now;
        }

        void plus(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    // --- the runtime's part, played here

    /** Serves the collectivity's queued exports (an archive of its flash messages and trail) and restores of files. */
    private final class FakeRuntime {
        private volatile boolean running = true;
        private final List<Thread> threads = new ArrayList<>();
        /** Collectivities whose exports carry their directory's people and accounts too (as the runtime's do). */
        final java.util.Set<String> withDirectory = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void serve(Collectivity c) {
            Thread t = Thread.ofVirtual().start(() -> {
                while (running) {
                    try {
                        tick(c);
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }
            });
            threads.add(t);
        }

        void stop() {
            running = false;
            threads.forEach(Thread::interrupt);
        }

        private void tick(Collectivity c) throws Exception {
            TenantTransactions tenants = new TenantTransactions(db);
            List<String[]> queued = tenants.read(c.names(), conn -> {
                List<String[]> out = new ArrayList<>();
                try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT id, kind, source FROM collectivity_transfer WHERE state = 'QUEUED'")) {
                    while (r.next()) {
                        out.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                    }
                }
                return out;
            });
            for (String[] job : queued) {
                if (job[1].equals("EXPORT")) {
                    Path zip = spool.resolve(job[0] + ".zip");
                    tenants.read(c.names(), conn -> {
                        try (ArchiveWriter w = new ArchiveWriter(zip, c.slug(), c.displayName(), Instant.now())) {
                            w.app("console", "DONE");
                            w.app("flash", "DONE");
                            try (ArchiveWriter.Rows rows = w.rows("console", "console_audit")) {
                                TableRows.export(conn, "console_audit", "seq", rows::write);
                            }
                            try (ArchiveWriter.Rows rows = w.rows("flash", "flash_message")) {
                                TableRows.export(conn, "flash_message", "id", rows::write);
                            }
                            if (withDirectory.contains(c.slug())) {
                                w.app("directory", "DONE");
                                try (ArchiveWriter.Rows rows = w.rows("directory", "ent_user")) {
                                    TableRows.export(conn, "ent_user", "id", rows::write);
                                }
                                try (ArchiveWriter.Rows rows = w.rows("directory", "ent_account")) {
                                    TableRows.export(conn, "ent_account", "user_id", rows::write);
                                }
                            }
                            w.file("documents/documents/a/b", new ByteArrayInputStream("%PDF".getBytes()));
                            w.finish();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return null;
                    });
                    finish(tenants, c, job[0], "READY", 0);
                } else {
                    Files.deleteIfExists(spool.resolve(job[2]));
                    finish(tenants, c, job[0], "DONE", 1);
                }
            }
        }

        private void finish(TenantTransactions tenants, Collectivity c, String id, String state, long files)
                throws SQLException {
            tenants.write(c.names(), conn -> {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE collectivity_transfer SET state = ?,"
                        + " files = ?, verified_at = now(), finished_at = now(), updated_at = now() WHERE id = ?")) {
                    ps.setString(1, state);
                    ps.setLong(2, files);
                    ps.setObject(3, UUID.fromString(id));
                    return ps.executeUpdate();
                }
            });
        }
    }

    // --- helpers

    private Backups backups(String keys) {
        return backups(keys, Clock.systemUTC());
    }

    private Backups backups(String keys, Clock clock) {
        BackupSettings settings = BackupSettings.from(SettingReader.of(Map.of("ent.backup.keys", keys,
                "ent.backup.dir", store.toString())));
        return new Backups(db, service, transfers, realms, settings, Runnable::run, clock, Duration.ofSeconds(30));
    }

    private Collectivity active(String slug) {
        service.create(request(slug));
        Collectivity c = service.get(slug);
        assertThat(c.state()).isEqualTo(TenantState.ACTIVE);
        return c;
    }

    private BackupView await(Collectivity c, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            BackupView v = backups.find(c, id);
            if (!v.state().equals("QUEUED") && !v.state().equals("RUNNING")) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " still at work");
    }

    private static byte[] storedFile(Collectivity c, BackupView v) throws Exception {
        try (Stream<Path> files = Files.walk(store)) {
            Path f = files.filter(p -> p.getFileName().toString().equals(v.id() + ".entbk")).findFirst().orElseThrow();
            assertThat(f.getParent().getFileName().toString()).isEqualTo(c.id().toString());
            return Files.readAllBytes(f);
        }
    }

    private void flash(Collectivity c, String title) throws SQLException {
        sql(c, "INSERT INTO flash_message (id, title, text, level, profiles, structures, starts_at, ends_at, author)"
                + " VALUES ('" + UUID.randomUUID() + "', '" + title + "', 'Texte', 'info', 'Student', '', now(),"
                + " now() + interval '1 day', 'x')");
    }

    private void sql(Collectivity c, String statement) throws SQLException {
        new TenantTransactions(db).write(c.names(), conn -> {
            try (Statement s = conn.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    private long count(Collectivity c, String table) throws SQLException {
        return new TenantTransactions(db).read(c.names(), conn -> {
            try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private long audits(Collectivity c) throws SQLException {
        return count(c, "console_audit");
    }

    /** The collectivity's audit trail, its actions in order (RealmMovesTest reads it too). */
    static List<String> actions(DataSource db, Collectivity c) throws SQLException {
        return new TenantTransactions(db).read(c.names(), conn -> {
            List<String> out = new ArrayList<>();
            try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT action FROM console_audit ORDER BY seq")) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    private List<String> schemas(String like) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE ?")) {
            ps.setString(1, like);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static String key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

}
