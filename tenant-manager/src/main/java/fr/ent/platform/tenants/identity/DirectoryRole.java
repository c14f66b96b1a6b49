package fr.ent.platform.tenants.identity;

import static fr.ent.platform.tenancy.TenantNames.quote;

import fr.ent.platform.tenancy.TenantNames;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database role a realm's directory provider logs in as, {@code kc_t_<slug>} (ADR 0043): it can log in, read the
 * columns of {@code ent_account}, {@code ent_user} and {@code ent_user_identity} that sign-in needs in its own
 * collectivity schema, and nothing else (no other schema grants anything to it, collectivity schemas grant nothing to PUBLIC). Its password is new at
 * each {@link #ensure}, and lives only in that realm's component (DirectoryFederationSetup).
 */
final class DirectoryRole {

    /** Connections one realm's provider may hold at once. */
    static final int CONNECTION_LIMIT = 8;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DirectoryRole() {
    }

    static String of(TenantNames names) {
        return "kc_" + names.schema();
    }

    /** Creates or updates the role with a new password, which it returns; the schema's tables must exist. */
    static String ensure(DataSource dataSource, TenantNames names) throws SQLException {
        String role = of(names);
        String password = password();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('ent-role:" + role + "'))");
                s.execute("""
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s NOLOGIN NOINHERIT;
                          END IF;
                        END $$""".formatted(role, quote(role)));
                // The password is letters and digits only (made here), so it can be spliced into ALTER ROLE.
                s.execute("ALTER ROLE " + quote(role) + " LOGIN NOINHERIT CONNECTION LIMIT " + CONNECTION_LIMIT
                        + " PASSWORD '" + password + "'");
                grant(s, names);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return password;
    }

    /** What the role may read in its collectivity's schema, and nothing more. */
    private static void grant(Statement s, TenantNames names) throws SQLException {
        String role = of(names);
        s.execute("GRANT USAGE ON SCHEMA " + quote(names.schema()) + " TO " + quote(role));
        s.execute("GRANT SELECT (user_id, login, activation_salt, activation_hash, activation_iterations,"
                + " activation_expires_at) ON " + quote(names.schema()) + ".ent_account TO " + quote(role));
        s.execute("GRANT SELECT (id, profile, first_name, last_name, rights_lost_at) ON "
                + quote(names.schema()) + ".ent_user TO " + quote(role));
        s.execute("GRANT SELECT (user_id, provider, subject) ON " + quote(names.schema())
                + ".ent_user_identity TO " + quote(role));
    }

    /** The grants again, on the connection's transaction, if the role exists (the collectivity is federated). */
    static void grantIfPresent(Connection c, TenantNames names) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, of(names));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            grant(s, names);
        }
    }

    /** Drops the role (its grants went with the schema, or go with DROP OWNED); nothing if absent. */
    static void drop(Connection c, TenantNames names) throws SQLException {
        String role = of(names);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ BEGIN
                      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        DROP OWNED BY %2$s;
                        DROP ROLE %2$s;
                      END IF;
                    END $$""".formatted(role, quote(role)));
        }
    }

    private static String password() {
        StringBuilder p = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            p.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return p.toString();
    }
}
