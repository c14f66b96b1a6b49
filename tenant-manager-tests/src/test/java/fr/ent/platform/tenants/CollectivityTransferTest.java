package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.tenants.transfer.CollectivityTransfers;
import fr.ent.platform.tenants.transfer.TransferView;
import fr.ent.platform.transfer.ArchiveWriter;
import fr.ent.platform.transfer.CorruptArchive;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' side of reversibility (ADR 0033) against a real database and realm: an archive with one byte
 * changed is refused before anything is created; an import the runtime does not finish removes the collectivity it
 * made; an export is queued in the collectivity's own table, once, and reached by nobody else's slug.
 */
@ResourceLock("ent.transfer.dir") // sets the JVM-wide spool directory property, as BackupsTest does
class CollectivityTransferTest {

    @TempDir
    static Path spool;

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final IdentityRealms realms = TestKeycloak.realms();
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE, new SimpleMeterRegistry()), database,
            realms, Runnable::run);
    // synchronous (Runnable::run), and a short patience: no runtime runs the queued import in this test
    private final CollectivityTransfers transfers = new CollectivityTransfers(db, service, Runnable::run,
            Clock.systemUTC(), Duration.ofSeconds(2));

    @BeforeAll
    static void spoolHere() {
        System.setProperty("ent.transfer.dir", spool.toString());
    }

    @AfterAll
    static void spoolBack() {
        System.clearProperty("ent.transfer.dir");
    }

    @Test
    void anArchiveWithOneByteChangedIsRefusedAndNothingIsCreated() throws Exception {
        byte[] archive = archive("lyon");
        byte[] changed = archive.clone();
        int middle = archive.length / 3;
        changed[middle] = (byte) (changed[middle] ^ 0x20);
        String slug = uniqueSlug("imx");

        assertThatThrownBy(() -> transfers.importArchive(new ByteArrayInputStream(changed), newOne(slug), "operator:t"))
                .isInstanceOf(CorruptArchive.class)
                .satisfies(e -> {
                    InvalidInput problem = ((CorruptArchive) e).problem();
                    assertThat(problem.code()).startsWith("export-archive-");
                    assertThat(problem.arguments()[0].toString()).isNotBlank();
                });
        assertThat(registry.find(slug)).as("no collectivity recorded").isEmpty();
        assertThat(schemaExists(TenantNames.of(Slug.of(slug)).schema())).isFalse();
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left.toList()).as("nothing left in the spool").isEmpty();
        }
    }

    @Test
    void anImportThatDoesNotFinishRemovesTheCollectivityItMade() throws Exception {
        String slug = uniqueSlug("imp");
        CollectivityTransfers.Started started = transfers.importArchive(new ByteArrayInputStream(archive("lyon")),
                newOne(slug), "operator:t");

        assertThat(started.manifest().collectivity()).isEqualTo("lyon");
        Collectivity after = service.get(slug);
        assertThat(after.state()).as("removed: nothing half-imported stays").isEqualTo(TenantState.DELETED);
        assertThat(schemaExists(TenantNames.of(Slug.of(slug)).schema())).isFalse();
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void anExportIsQueuedOnceInTheCollectivitysOwnTableAndNotFoundElsewhere() {
        String slug = uniqueSlug("exq");
        String other = uniqueSlug("exo");
        service.create(request(slug));
        service.create(request(other));
        Collectivity c = service.get(slug);

        TransferView first = transfers.export(c, "operator:t");
        TransferView again = transfers.export(c, "operator:t");

        assertThat(first.state()).isEqualTo("QUEUED");
        assertThat(first.kind()).isEqualTo("EXPORT");
        assertThat(again.id()).as("one export at work at a time").isEqualTo(first.id());
        assertThat(transfers.find(c, first.id()).requestedBy()).isEqualTo("operator:t");
        assertThat(transfers.list(c)).extracting(TransferView::id).containsExactly(first.id());
        // another collectivity's slug, a guessed id, a malformed one: not found, as an unknown id
        assertThatThrownBy(() -> transfers.find(service.get(other), first.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> transfers.find(c, UUID.randomUUID().toString())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> transfers.find(c, "../x")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> transfers.archive(c, first.id())).as("not ready yet")
                .isInstanceOf(fr.ent.platform.problem.Conflict.class);
    }

    /**
     * A crash killed the watcher with the process (ADR 0041): at start, the watch kept in the registry is taken up;
     * the runtime reported the interrupted import failed, so the half-filled collectivity is removed. A watch whose
     * collectivity was never created, or whose slug is an older collectivity's, removes nothing.
     */
    @Test
    void aWatchACrashLeftIsTakenUpAtStartAndTheHalfImportedCollectivityRemoved() throws Exception {
        String slug = uniqueSlug("imc");
        Instant started = Instant.now();
        service.create(newOne(slug));
        Path spooled = Files.write(spool.resolve(UUID.randomUUID() + ".zip"), archive("lyon"));
        UUID id = UUID.randomUUID();
        watch(id, slug, spooled, started);
        sql("INSERT INTO t_" + slug.replace('-', '_') + ".collectivity_transfer (id, kind, state, requested_by, source, requested_at,"
                + " updated_at, failure) VALUES ('" + id + "', 'IMPORT', 'FAILED', 'operator:t', '" + spooled
                .getFileName() + "', now(), now(), 'interrompu (arrêt du serveur en cours de travail)')");
        String never = uniqueSlug("imn");
        watch(UUID.randomUUID(), never, spool.resolve("never.zip"), started);
        String older = uniqueSlug("imo");
        service.create(newOne(older));
        // an import asked after it was made, for its slug: the creation was refused, then the crash
        watch(UUID.randomUUID(), older, spool.resolve("older.zip"), Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(transfers.resumeWatches()).isEqualTo(3);

        assertThat(service.get(slug).state()).as("half-imported: removed").isEqualTo(TenantState.DELETED);
        assertThat(schemaExists(TenantNames.of(Slug.of(slug)).schema())).isFalse();
        assertThat(Files.exists(spooled)).isFalse();
        assertThat(service.get(older).state()).as("not the import's: kept").isEqualTo(TenantState.ACTIVE);
        assertThat(registry.find(never)).isEmpty();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM platform.collectivity_import WHERE slug IN ('"
                        + slug + "', '" + never + "', '" + older + "')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every watch closed").isZero();
        }
    }

    private void watch(UUID id, String slug, Path spooled, Instant started) throws Exception {
        sql("INSERT INTO platform.collectivity_import (import_id, slug, spooled, requested_by, started_at) VALUES ('"
                + id + "', '" + slug + "', '" + spooled + "', 'operator:t', '" + started + "')");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static NewCollectivity newOne(String slug) {
        return NewCollectivity.of(slug, "commune", "Import " + slug, List.of(slug + ".localhost"));
    }

    private static byte[] archive(String from) throws Exception {
        Path file = Files.createTempFile("archive-", ".zip");
        try {
            try (ArchiveWriter w = new ArchiveWriter(file, from, "Lyon", Instant.parse("2026-12-04T10:00:00Z"))) {
                w.app("flash", "DONE");
                try (ArchiveWriter.Rows rows = w.rows("flash", "flash_message")) {
                    for (int i = 0; i < 50; i++) {
                        rows.write("{\"id\":\"" + UUID.randomUUID() + "\",\"title\":\"Message " + i + "\"}");
                    }
                }
                try (InputStream in = new ByteArrayInputStream("x".repeat(4000).getBytes(StandardCharsets.UTF_8))) {
                    w.file("documents/documents/a/b", in);
                }
                w.finish();
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private boolean schemaExists(String schema) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
