package fr.ent.platform.keycloak.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** The two reads the provider makes, each one statement on the collectivity's schema, as its federation role. */
final class DirectoryReads {

    private static final String COLUMNS = "SELECT u.id, a.login, u.profile, u.first_name, u.last_name,"
            + " u.rights_lost_at IS NOT NULL, a.activation_salt, a.activation_hash, a.activation_iterations,"
            + " a.activation_expires_at FROM %1$s.ent_account a JOIN %1$s.ent_user u ON u.id = a.user_id ";

    private final DirectoryConnections connections;

    DirectoryReads(DirectoryConnections connections) {
        this.connections = connections;
    }

    Optional<DirectoryAccount> byLogin(String login) {
        return one("WHERE a.login = ?", login);
    }

    Optional<DirectoryAccount> byUserId(UUID id) {
        return one("WHERE u.id = ?", id);
    }

    /**
     * The person the directory knows under this subject at this upstream provider ({@code ent_user_identity}, unique
     * by provider and subject), with their account: a brokered first login (DirectoryBrokerLink).
     */
    Optional<DirectoryAccount> byIdentity(String provider, String subject) {
        return one("WHERE u.id = (SELECT i.user_id FROM " + connections.settings().quotedSchema()
                + ".ent_user_identity i WHERE i.provider = ? AND i.subject = ?)", provider, subject);
    }

    /** The person's subjects at upstream identity providers ({@code ent_user_identity}): provider → subject. */
    java.util.Map<String, String> identities(UUID id) {
        String sql = "SELECT provider, subject FROM " + connections.settings().quotedSchema()
                + ".ent_user_identity WHERE user_id = ?";
        Connection c;
        try {
            c = connections.borrow();
        } catch (SQLException e) {
            throw new DirectoryUnavailable("directory " + connections.settings().schema() + " unreachable", e);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
            connections.giveBack(c);
            return found;
        } catch (SQLException e) {
            connections.discard(c);
            throw new DirectoryUnavailable("directory " + connections.settings().schema() + " not readable", e);
        }
    }

    private Optional<DirectoryAccount> one(String where, Object... keys) {
        String sql = COLUMNS.formatted(connections.settings().quotedSchema()) + where;
        Connection c;
        try {
            c = connections.borrow();
        } catch (SQLException e) {
            throw new DirectoryUnavailable("directory " + connections.settings().schema() + " unreachable", e);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                ps.setObject(i + 1, keys[i]);
            }
            Optional<DirectoryAccount> found;
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
            connections.giveBack(c);
            return found;
        } catch (SQLException e) {
            connections.discard(c);
            throw new DirectoryUnavailable("directory " + connections.settings().schema() + " not readable", e);
        }
    }

    private static DirectoryAccount account(ResultSet rs) throws SQLException {
        byte[] hash = rs.getBytes(8);
        DirectoryAccount.Activation activation = null;
        if (hash != null) {
            Timestamp expires = rs.getTimestamp(10);
            activation = new DirectoryAccount.Activation(rs.getBytes(7), hash, rs.getInt(9),
                    expires == null ? null : expires.toInstant());
        }
        return new DirectoryAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), activation);
    }

    /** The directory could not be read: the login fails (Keycloak answers an error page), nothing is imported. */
    static final class DirectoryUnavailable extends RuntimeException {
        DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
