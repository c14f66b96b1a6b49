package fr.ent.platform.tenants.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The rows of a registry table of long jobs, each with its {@code id} and {@code updated_at} (the heartbeat's
 * column): backups and restores ({@code collectivity_backup}), realm moves ({@code realm_move}). Every update stamps
 * {@code updated_at}, so that any write of a job is also a beat.
 */
public final class JobRows {

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final String table;

    /** {@code table}: the registry table, schema-qualified ({@code platform.realm_move}). */
    public JobRows(DataSource dataSource, Clock clock, String table) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.table = table;
    }

    /** {@code UPDATE table SET set, updated_at = now WHERE id = ?}, the values filling {@code set}'s parameters. */
    public void update(String set, UUID id, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table + " SET " + set + ", updated_at = ? WHERE id = ?")) {
            int i = 1;
            for (Object v : values) {
                ps.setObject(i++, v);
            }
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            ps.setObject(i, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(table + " " + id + ": " + e.getMessage(), e);
        }
    }

    /** {@code SELECT columns FROM table WHERE where}, the values filling {@code where}'s parameters. */
    public <T> List<T> select(String columns, String where, Reader<T> reader, Object... values) {
        List<T> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + columns + " FROM " + table + " WHERE " + where)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(reader.read(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** An id as the API receives it: empty when it is not a UUID at all (then it names no job: not found). */
    public static Optional<UUID> id(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
