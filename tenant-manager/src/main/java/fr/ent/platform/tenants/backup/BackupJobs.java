package fr.ent.platform.tenants.backup;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.OperationFailed;
import fr.ent.platform.tenants.registry.JobRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The rows of {@code platform.collectivity_backup}: a job's record and its progress (ADR 0040). */
final class BackupJobs {

    private static final String COLUMNS = "id, kind, state, source_backup, requested_by, steps_done, steps_total,"
            + " current_step, key_version, size, sha256, rows, files, verified_at, failure, requested_at, finished_at, slot, expired_at";

    private final DataSource dataSource;
    private final Clock clock;
    private final JobRows rows;

    BackupJobs(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.rows = new JobRows(dataSource, clock, "platform.collectivity_backup");
    }

    /** A new QUEUED job; {@link Conflict} when the collectivity already has one at work. */
    BackupView insert(UUID id, UUID collectivity, String slug, String kind, UUID source, String by, int steps) {
        return insert(id, collectivity, slug, kind, source, by, steps, null);
    }

    /**
     * As above, for the scheduled backup of {@code slot} (null: not scheduled). {@link Conflict}
     * {@code backup-slot-taken} when that day's backup is at work or good already (another replica, or before a
     * restart: ADR 0046).
     */
    BackupView insert(UUID id, UUID collectivity, String slug, String kind, UUID source, String by, int steps,
            LocalDate slot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " platform.collectivity_backup (id, collectivity_id, slug, kind, state, source_backup, requested_by,"
                + " steps_total, requested_at, updated_at, slot) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setObject(1, id);
            ps.setObject(2, collectivity);
            ps.setString(3, slug);
            ps.setString(4, kind);
            ps.setObject(5, source);
            ps.setString(6, by);
            ps.setInt(7, steps);
            ps.setTimestamp(8, now);
            ps.setTimestamp(9, now);
            ps.setObject(10, slot);
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("one_per_slot")) {
                throw new Conflict("backup-slot-taken", slug, String.valueOf(slot));
            }
            if ("23505".equals(e.getSQLState())) {
                BackupView working = list(collectivity).stream().filter(j -> j.state().equals("QUEUED")
                        || j.state().equals("RUNNING")).findFirst().orElse(null);
                throw new Conflict("backup-busy", slug, working == null ? "?" : working.kind() + " " + working.id());
            }
            throw new OperationFailed("backup-failed", slug, e.getMessage());
        }
        return find(collectivity, id).orElseThrow();
    }

    List<BackupView> list(UUID collectivity) {
        return select("collectivity_id = ? ORDER BY requested_at DESC LIMIT 50", collectivity, null);
    }

    java.util.Optional<BackupView> find(UUID collectivity, UUID id) {
        return select("collectivity_id = ? AND id = ?", collectivity, id).stream().findFirst();
    }

    BackupView require(UUID collectivity, String id) {
        return JobRows.id(id).flatMap(uuid -> find(collectivity, uuid))
                .orElseThrow(() -> new NotFound("backup-not-found", String.valueOf(id)));
    }

    String objectName(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT object_name FROM platform.collectivity_backup WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many scheduled backups of {@code slot} failed (the next round tries again while it is below a limit). */
    int failedAttempts(UUID collectivity, LocalDate slot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*)"
                + " FROM platform.collectivity_backup WHERE collectivity_id = ? AND slot = ? AND state = 'FAILED'")) {
            ps.setObject(1, collectivity);
            ps.setObject(2, slot);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup: " + e.getMessage(), e);
        }
    }

    /** How many scheduled backups are queued or running (the schedule starts few at once). */
    int scheduledAtWork() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*)"
                + " FROM platform.collectivity_backup WHERE slot IS NOT NULL AND state IN ('QUEUED', 'RUNNING')")) {
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup: " + e.getMessage(), e);
        }
    }

    /** True when the slot's backup is at work, good, or was good and expired (nothing to do for that day). */
    boolean slotTaken(UUID collectivity, LocalDate slot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM"
                + " platform.collectivity_backup WHERE collectivity_id = ? AND slot = ? AND state IN ('QUEUED',"
                + " 'RUNNING', 'GOOD', 'EXPIRED')")) {
            ps.setObject(1, collectivity);
            ps.setObject(2, slot);
            try (ResultSet r = ps.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup: " + e.getMessage(), e);
        }
    }

    /** Every GOOD backup of the collectivity (all of them, not the API's last 50), for the retention. */
    List<Retention.Kept> good(UUID collectivity) {
        List<Retention.Kept> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id,"
                + " requested_at FROM platform.collectivity_backup WHERE collectivity_id = ? AND kind = 'BACKUP' AND"
                + " state = 'GOOD'")) {
            ps.setObject(1, collectivity);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(new Retention.Kept(r.getObject(1, UUID.class), r.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Marks a GOOD backup EXPIRED (before its file is deleted: a crash between leaves a file without a restorable
     * record, never a record whose file is gone). False when it was no longer GOOD.
     */
    boolean expire(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE"
                + " platform.collectivity_backup SET state = 'EXPIRED', expired_at = ?, updated_at = ? WHERE id = ?"
                + " AND state = 'GOOD'")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup " + id + ": " + e.getMessage(), e);
        }
    }

    /** The heartbeat of a job at work (ADR 0041's lease): its row moves while the job lives. */
    void touch(UUID id) {
        update("state = state", id);
    }

    /** The schemas the job makes, written before each is made (ADR 0046). */
    void workSchemas(UUID id, String schemas) {
        update("work_schemas = ?", id, schemas);
    }

    void step(UUID id, int done, String current) {
        update("state = 'RUNNING', steps_done = ?, current_step = ?", id, done, current);
    }

    void stored(UUID id, String objectName, int keyVersion, long size, String sha256) {
        update("object_name = ?, key_version = ?, size = ?, sha256 = ?", id, objectName, keyVersion, size, sha256);
    }

    void finish(UUID id, String state, Long rows, Long files, boolean verified) {
        Timestamp now = Timestamp.from(clock.instant());
        update("state = ?, steps_done = steps_total, current_step = NULL, rows = ?, files = ?, finished_at = ?,"
                + " verified_at = coalesce(?, verified_at)", id, state, rows, files, now, verified ? now : null);
    }

    /** A restore a crash interrupted after its switch: its data is the backup's, so it is DONE. */
    void doneAfterCrash(UUID id, String note) {
        update("state = 'DONE', steps_done = steps_total, current_step = NULL, failure = ?, finished_at = ?", id, note,
                Timestamp.from(clock.instant()));
    }

    void fail(UUID id, String why) {
        String failure = why == null ? "?" : why.length() > 2000 ? why.substring(0, 2000) : why;
        update("state = 'FAILED', current_step = NULL, failure = ?, finished_at = ?", id, failure,
                Timestamp.from(clock.instant()));
    }

    private void update(String set, UUID id, Object... values) {
        rows.update(set, id, values);
    }

    private List<BackupView> select(String where, UUID collectivity, UUID id) {
        return rows.select(COLUMNS, where, r -> {
            Instant requested = instant(r.getTimestamp(16));
            Instant finished = instant(r.getTimestamp(17));
            return new BackupView(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                    r.getInt(6), r.getInt(7), r.getString(8), (Integer) r.getObject(9), (Long) r.getObject(10),
                    r.getString(11), (Long) r.getObject(12), (Long) r.getObject(13), instant(r.getTimestamp(14)),
                    r.getString(15), requested, finished,
                    finished == null ? null : (finished.toEpochMilli() - requested.toEpochMilli()) / 1000.0,
                    r.getObject(18, LocalDate.class), instant(r.getTimestamp(19)));
        }, id == null ? new Object[] {collectivity} : new Object[] {collectivity, id});
    }

    private static Instant instant(Timestamp t) {
        return JobRows.instant(t);
    }
}
