package fr.ent.platform.tenants.transfer;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.OperationFailed;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.transfer.ArchiveReader;
import fr.ent.platform.transfer.CorruptArchive;
import fr.ent.platform.transfer.Manifest;
import fr.ent.platform.transfer.TransferFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The operators' side of a collectivity's export and import (reversibility, ADR 0033). The work itself runs in the
 * runtime, where every app's data contract and the file store are: tenant-manager queues it in the collectivity's
 * own {@code collectivity_transfer} table (as the collectivity's role, {@link TenantTransactions}) and the runtime's
 * sweep starts it within seconds.
 *
 * <p>Import: the archive is spooled and verified whole (every SHA-256, {@link ArchiveReader}) BEFORE anything is
 * created; a refused archive leaves nothing. Then the collectivity is created and provisioned as any other (schema,
 * migrations, realm, seed), the import is queued, and a watcher waits for it: if provisioning or the import fails,
 * the new collectivity is archived and deleted (schema, role and realm dropped), so no half collectivity is left.
 * The watch is kept in the registry ({@code platform.collectivity_import}, written before the collectivity is
 * created): a tenant-manager that crashed takes every open one up again at start ({@link #resumeWatches}, ADR 0041).
 */
public class CollectivityTransfers {

    private static final Logger LOG = Logger.getLogger(CollectivityTransfers.class.getName());
    private static final String COLUMNS = "id, kind, state, requested_by, steps_done, steps_total, current_step, size,"
            + " sha256, rows, files, verified_at, failure, requested_at, finished_at";

    private final TenantTransactions tenants;
    private final DataSource registry;
    private final CollectivityService collectivities;
    private final Executor executor;
    private final Clock clock;
    private final Duration patience;

    public CollectivityTransfers(DataSource dataSource, CollectivityService collectivities, Executor executor,
            Clock clock, Duration patience) {
        this.tenants = new TenantTransactions(dataSource);
        this.registry = dataSource;
        this.collectivities = collectivities;
        this.executor = executor;
        this.clock = clock;
        this.patience = patience;
    }

    /** Queues an export of an active collectivity (or gives the one already at work). */
    public TransferView export(Collectivity c, String by) {
        requireActive(c);
        try {
            return tenants.write(c.names(), conn -> {
                Optional<TransferView> working = rows(conn, "kind = 'EXPORT' AND state IN ('QUEUED', 'RUNNING')", null)
                        .stream().findFirst();
                if (working.isPresent()) {
                    return working.get();
                }
                UUID id = UUID.randomUUID();
                insert(conn, id, "EXPORT", by, null);
                return rows(conn, "id = ?", id).get(0);
            });
        } catch (SQLException e) {
            throw new OperationFailed("collectivity-transfer-failed", c.slug(), e.getMessage());
        }
    }

    public List<TransferView> list(Collectivity c) {
        requireServed(c);
        try {
            return tenants.read(c.names(), conn -> rows(conn, "true ORDER BY requested_at DESC LIMIT 20", null));
        } catch (SQLException e) {
            throw new OperationFailed("collectivity-transfer-failed", c.slug(), e.getMessage());
        }
    }

    /** One job of this collectivity; another collectivity's id, or a guessed one, is not found. */
    public TransferView find(Collectivity c, String id) {
        requireServed(c);
        UUID uuid = uuid(id);
        try {
            return tenants.read(c.names(), conn -> rows(conn, "id = ?", uuid)).stream().findFirst()
                    .orElseThrow(() -> new NotFound("collectivity-transfer-not-found", id));
        } catch (SQLException e) {
            throw new OperationFailed("collectivity-transfer-failed", c.slug(), e.getMessage());
        }
    }

    /**
     * The archive of a ready export asked by an operator: the runtime leaves its copy in the spool
     * ({@code <id>.zip}) for this download, the one kept in the collectivity's files being the console's.
     */
    public Path archive(Collectivity c, String id) {
        TransferView job = find(c, id);
        Path file = TransferFormat.spool().resolve(job.id() + ".zip");
        if (!"EXPORT".equals(job.kind()) || !"READY".equals(job.state()) || !Files.isRegularFile(file)) {
            throw new Conflict("collectivity-transfer-not-ready", id);
        }
        return file;
    }

    /**
     * Queues the files of a restore (ADR 0040): {@code archive} (a verified export archive, from a backup) is copied
     * into the spool and the runtime puts back every file of it the store no longer has. The collectivity must be
     * active (the runtime's sweep serves active collectivities only). Follow it with {@link #find}.
     */
    public TransferView restoreFiles(Collectivity c, Path archive, String by) {
        requireActive(c);
        UUID id = UUID.randomUUID();
        Path spooled = TransferFormat.spool().resolve(id + ".zip");
        try {
            Files.createDirectories(spooled.getParent());
            Files.copy(archive, spooled, StandardCopyOption.REPLACE_EXISTING);
            return tenants.write(c.names(), conn -> {
                insert(conn, id, "RESTORE_FILES", by, spooled.getFileName().toString());
                return rows(conn, "id = ?", id).get(0);
            });
        } catch (IOException e) {
            deleteQuietly(spooled);
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            deleteQuietly(spooled);
            throw new OperationFailed("collectivity-transfer-failed", c.slug(), e.getMessage());
        }
    }

    /** The import just started: the new collectivity (PROVISIONING) and what its archive holds. */
    public record Started(Collectivity collectivity, String importId, Manifest manifest) {
    }

    /**
     * Verifies {@code archive} (spooled first, read whole), then creates {@code request}'s collectivity and fills it
     * from the archive in the background. {@link CorruptArchive} (nothing created) when any checksum fails.
     */
    public Started importArchive(InputStream archive, NewCollectivity request, String by) {
        UUID id = UUID.randomUUID();
        Path spool = TransferFormat.spool();
        Path part = spool.resolve(id + ".part");
        Path spooled = spool.resolve(id + ".zip");
        Manifest manifest;
        try {
            Files.createDirectories(spool);
            Files.copy(archive, part, StandardCopyOption.REPLACE_EXISTING);
            manifest = ArchiveReader.verify(part);
            Files.move(part, spooled, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        Instant started = clock.instant();
        Collectivity created;
        try {
            watch(id, request.slug().value(), spooled, by, started);
            created = collectivities.create(request);
        } catch (RuntimeException e) {
            unwatch(id); // nothing of ours to remove: the slug may be another collectivity's
            deleteQuietly(spooled);
            throw e;
        }
        LOG.info(() -> "tenant=" + created.slug() + " import " + id + " of " + manifest.collectivity() + "'s archive ("
                + manifest.createdAt() + ") queued behind its provisioning");
        executor.execute(() -> follow(created.slug(), id, by, spooled, started));
        return new Started(created, id.toString(), manifest);
    }

    /**
     * At start: the imports a crash left without a watcher are watched again (their collectivity was left
     * PROVISIONING, now FAILED, or ACTIVE and half filled). Gives how many.
     */
    public int resumeWatches() {
        List<Object[]> open = new ArrayList<>();
        try (Connection conn = registry.getConnection(); PreparedStatement s = conn.prepareStatement(
                "SELECT import_id, slug, spooled, requested_by, started_at FROM platform.collectivity_import");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                open.add(new Object[] {r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                        r.getTimestamp(5).toInstant()});
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "collectivity imports to watch again not read", e);
            return 0;
        }
        for (Object[] w : open) {
            UUID id = (UUID) w[0];
            String slug = (String) w[1];
            LOG.warning(() -> "tenant=" + slug + " import " + id + " was at work when the server stopped: watched again");
            executor.execute(() -> follow(slug, id, (String) w[3], Path.of((String) w[2]), (Instant) w[4]));
        }
        return open.size();
    }

    /**
     * Waits for provisioning, queues the import (unless queued before a crash), waits for it; removes the
     * collectivity if either fails.
     */
    void follow(String slug, UUID id, String by, Path spooled, Instant started) {
        Instant deadline = started.plus(patience);
        String why = null;
        try {
            Collectivity c;
            try {
                c = collectivities.get(slug);
            } catch (NotFound neverCreated) {
                LOG.warning(() -> "tenant=" + slug + " import " + id + ": the collectivity was never created");
                unwatch(id);
                deleteQuietly(spooled);
                return;
            }
            if (c.createdAt().isBefore(started.minusSeconds(1))) {
                // a crash between our row and the creation, which the slug's owner refused: not ours to remove
                LOG.warning(() -> "tenant=" + slug + " import " + id + ": the slug is an older collectivity's");
                unwatch(id);
                deleteQuietly(spooled);
                return;
            }
            while (c.state() == TenantState.PROVISIONING || c.state() == TenantState.REQUESTED) {
                if (clock.instant().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(500);
                c = collectivities.get(slug);
            }
            if (c.state() != TenantState.ACTIVE) {
                why = "provisioning ended " + c.state() + (c.failureReason() == null ? "" : ": " + c.failureReason());
            } else {
                TenantNames names = c.names();
                tenants.write(names, conn -> {
                    if (rows(conn, "id = ?", id).isEmpty()) {
                        insert(conn, id, "IMPORT", by, spooled.getFileName().toString());
                    }
                    return null;
                });
                while (why == null) {
                    if (clock.instant().isAfter(deadline)) {
                        why = "import not finished after " + patience;
                        break;
                    }
                    Thread.sleep(1000);
                    TransferView job = tenants.read(names, conn -> rows(conn, "id = ?", id)).get(0);
                    if ("DONE".equals(job.state())) {
                        LOG.info(() -> "tenant=" + slug + " import " + id + " done: " + job.rows() + " rows, "
                                + job.files() + " files");
                        unwatch(id);
                        return;
                    }
                    if ("FAILED".equals(job.state())) {
                        why = "import failed: " + job.failure();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        } catch (SQLException | RuntimeException e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String reason = why;
        LOG.warning(() -> "tenant=" + slug + " import " + id + " " + reason + "; the new collectivity is removed");
        // Keycloak may not answer yet (just after a start): tried again for a while before giving up on it
        for (int attempt = 1; attempt <= REMOVAL_ATTEMPTS; attempt++) {
            if (remove(slug, attempt == REMOVAL_ATTEMPTS)) {
                unwatch(id);
                deleteQuietly(spooled);
                return;
            }
            try {
                Thread.sleep(REMOVAL_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the row stays: the next start tries again
            }
        }
    }

    private static final int REMOVAL_ATTEMPTS = 20;
    private static final Duration REMOVAL_RETRY = Duration.ofSeconds(15);

    /** Archives then deletes a collectivity an import could not fill (schema, role and realm dropped). */
    private boolean remove(String slug, boolean last) {
        try {
            Collectivity c = collectivities.get(slug);
            if (c.state() == TenantState.ACTIVE || c.state() == TenantState.SUSPENDED) {
                collectivities.archive(slug);
            }
            if (c.state() != TenantState.DELETED) {
                collectivities.delete(slug, false);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(last ? Level.SEVERE : Level.WARNING, "tenant=" + slug + " could not be removed after a failed"
                    + " import" + (last ? ": delete it by hand" : ", trying again in " + REMOVAL_RETRY), e);
            return false;
        }
    }

    private void watch(UUID id, String slug, Path spooled, String by, Instant started) {
        try (Connection conn = registry.getConnection(); PreparedStatement s = conn.prepareStatement(
                "INSERT INTO platform.collectivity_import (import_id, slug, spooled, requested_by, started_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, slug);
            s.setString(3, spooled.toAbsolutePath().toString());
            s.setString(4, by);
            s.setTimestamp(5, Timestamp.from(started));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new OperationFailed("collectivity-transfer-failed", slug, e.getMessage());
        }
    }

    private void unwatch(UUID id) {
        try (Connection conn = registry.getConnection(); PreparedStatement s = conn.prepareStatement(
                "DELETE FROM platform.collectivity_import WHERE import_id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "import " + id + " still listed as watched (the next start looks again)", e);
        }
    }

    private static void requireActive(Collectivity c) {
        if (c.state() != TenantState.ACTIVE) {
            throw new Conflict("illegal-transition", c.slug(), c.state(), "EXPORT");
        }
    }

    private static void requireServed(Collectivity c) {
        if (c.state() != TenantState.ACTIVE && c.state() != TenantState.SUSPENDED && c.state() != TenantState.ARCHIVED) {
            throw new NotFound("collectivity-transfer-not-found", c.slug());
        }
    }

    private void insert(Connection conn, UUID id, String kind, String by, String source) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement s = conn.prepareStatement("INSERT INTO collectivity_transfer (id, kind, state,"
                + " requested_by, source, requested_at, updated_at) VALUES (?, ?, 'QUEUED', ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, kind);
            s.setString(3, by);
            s.setString(4, source);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
    }

    private static List<TransferView> rows(Connection conn, String where, UUID id) throws SQLException {
        List<TransferView> out = new ArrayList<>();
        try (PreparedStatement s = conn.prepareStatement("SELECT " + COLUMNS + " FROM collectivity_transfer WHERE " + where)) {
            if (id != null) {
                s.setObject(1, id);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new TransferView(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                            r.getInt(6), r.getString(7), (Long) r.getObject(8), r.getString(9), (Long) r.getObject(10),
                            (Long) r.getObject(11), instant(r.getTimestamp(12)), r.getString(13),
                            instant(r.getTimestamp(14)), instant(r.getTimestamp(15))));
                }
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("collectivity-transfer-not-found", String.valueOf(id));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "spool file left: " + file, e);
        }
    }
}
