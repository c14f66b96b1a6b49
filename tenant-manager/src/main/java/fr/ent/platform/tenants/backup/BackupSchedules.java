package fr.ent.platform.tenants.backup;

import fr.ent.platform.problem.InvalidInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The hosting operator's schedule and retention for one collectivity, over the platform's defaults (registry
 * {@code collectivity_backup_schedule}, ADR 0046). A null column is the default.
 */
public final class BackupSchedules {

    private final DataSource dataSource;
    private final Clock clock;

    public BackupSchedules(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The collectivity's override; {@link BackupPolicy.Override#NONE} when the operator chose nothing. */
    public BackupPolicy.Override of(UUID collectivity) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT enabled,"
                + " at_hour, zone, keep_daily, keep_weekly FROM platform.collectivity_backup_schedule WHERE"
                + " collectivity_id = ?")) {
            ps.setObject(1, collectivity);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return BackupPolicy.Override.NONE;
                }
                return new BackupPolicy.Override(Optional.ofNullable((Boolean) r.getObject(1)),
                        Optional.ofNullable(r.getObject(2)).map(o -> ((Number) o).intValue()),
                        Optional.ofNullable(r.getString(3)), Optional.ofNullable((Integer) r.getObject(4)),
                        Optional.ofNullable((Integer) r.getObject(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup_schedule: " + e.getMessage(), e);
        }
    }

    /**
     * Records the operator's choices (replacing the former ones); {@link InvalidInput}
     * {@code backup-schedule-invalid} for an hour, a zone or a number of backups out of its rules.
     */
    public void set(UUID collectivity, BackupPolicy.Override o, BackupPolicy defaults, String by) {
        try {
            defaults.over(o); // checks every value against the policy's rules
        } catch (DateTimeException e) {
            throw new InvalidInput("backup-schedule-invalid", "zone : " + o.zone().orElse(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("backup-schedule-invalid", e.getMessage());
        }
        o.zone().ifPresent(ZoneId::of);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " platform.collectivity_backup_schedule (collectivity_id, enabled, at_hour, zone, keep_daily,"
                + " keep_weekly, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collectivity_id)"
                + " DO UPDATE SET enabled = excluded.enabled, at_hour = excluded.at_hour, zone = excluded.zone,"
                + " keep_daily = excluded.keep_daily, keep_weekly = excluded.keep_weekly, updated_by ="
                + " excluded.updated_by, updated_at = excluded.updated_at")) {
            ps.setObject(1, collectivity);
            ps.setObject(2, o.enabled().orElse(null), Types.BOOLEAN);
            ps.setObject(3, o.hour().orElse(null), Types.SMALLINT);
            ps.setString(4, o.zone().orElse(null));
            ps.setObject(5, o.keepDaily().orElse(null), Types.INTEGER);
            ps.setObject(6, o.keepWeekly().orElse(null), Types.INTEGER);
            ps.setString(7, by);
            ps.setTimestamp(8, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup_schedule: " + e.getMessage(), e);
        }
    }

    /** Back to the platform's defaults. */
    public void clear(UUID collectivity) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM"
                + " platform.collectivity_backup_schedule WHERE collectivity_id = ?")) {
            ps.setObject(1, collectivity);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("collectivity_backup_schedule: " + e.getMessage(), e);
        }
    }
}
