package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Accounts made in the directory itself, for a realm whose people come through the directory provider (ADR 0043):
 * a login and a hashed activation code per person in {@code ent_account}, written in one transaction as the
 * collectivity's role. Nothing is sent to Keycloak: the provider imports each person at their first login, so an
 * account is usable as soon as this returns. Same logins and codes as {@link AccountSync} (which copies accounts
 * into Keycloak), and the same result; people who already have a directory account are left alone.
 */
public class DirectoryAccounts {

    private static final Logger LOG = Logger.getLogger(DirectoryAccounts.class.getName());

    private final DataSource dataSource;
    private final Duration validity;
    private final Clock clock;

    public DirectoryAccounts(DataSource dataSource, Duration validity, Clock clock) {
        this.dataSource = dataSource;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * Creates the missing accounts of the collectivity's people ({@code only}: directory ids, null for everyone).
     * {@code takenLogins}: logins already used in the realm by accounts made otherwise (administrators, accounts
     * copied before the switch), which the new ones must not take.
     */
    public AccountSync.Result create(Collectivity c, Set<UUID> only, Set<String> takenLogins) throws SQLException {
        long started = System.nanoTime();
        TenantNames names = c.names();
        Instant expiresAt = clock.instant().plus(validity);
        AccountSync.Result result = new TenantTransactions(dataSource).write(names, connection -> {
            Set<String> logins = new HashSet<>(takenLogins);
            logins.addAll(existingLogins(connection));
            List<DirectoryUser> users = DirectoryUser.readAll(connection).stream()
                    .filter(u -> only == null || only.contains(u.id())).toList();
            Set<UUID> withAccount = withAccount(connection);
            List<AccountSync.NewAccount> created = new ArrayList<>();
            for (DirectoryUser user : users) {
                if (!withAccount.contains(user.id())) {
                    String login = Logins.unique(Logins.base(user.firstName(), user.lastName()), logins);
                    created.add(new AccountSync.NewAccount(login, ActivationCodes.next(), user.id(), user.profile(),
                            expiresAt));
                }
            }
            // Hashing the codes is most of the cost (PBKDF2, ActivationCodes.ITERATIONS each): on every core.
            byte[][] salts = new byte[created.size()][];
            byte[][] hashes = new byte[created.size()][];
            java.util.stream.IntStream.range(0, created.size()).parallel().forEach(i -> {
                salts[i] = ActivationCodes.salt();
                hashes[i] = ActivationCodes.hash(created.get(i).activationCode(), salts[i]);
            });
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ent_account (user_id, login,"
                    + " activation_salt, activation_hash, activation_iterations, activation_expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < created.size(); i++) {
                    AccountSync.NewAccount account = created.get(i);
                    insert.setObject(1, account.userId());
                    insert.setString(2, account.login());
                    insert.setBytes(3, salts[i]);
                    insert.setBytes(4, hashes[i]);
                    insert.setInt(5, ActivationCodes.ITERATIONS);
                    insert.setTimestamp(6, Timestamp.from(expiresAt));
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return new AccountSync.Result(names.realm(), users.size(), users.size() - created.size(), created,
                    List.of());
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "tenant=" + c.slug() + " directory accounts: " + result.created().size() + " created in "
                + millis + " ms (" + result.alreadyThere() + " already there)");
        return result;
    }

    /**
     * Whether the collectivity's accounts are made in its directory: its setting {@value #SETTING} is
     * {@value #DIRECTORY} (the realm must have the directory provider, which the REALM step adds when the platform
     * configures {@code ent.identity.federation.jdbc-url}). Otherwise AccountSync copies accounts into Keycloak.
     */
    public static boolean enabled(DataSource dataSource, TenantNames names) throws SQLException {
        return new TenantTransactions(dataSource).read(names, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM tenant_setting WHERE name = ?")) {
                ps.setString(1, SETTING);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && DIRECTORY.equals(rs.getString(1));
                }
            }
        });
    }

    /** The collectivity setting that switches its accounts to the directory, and its value for that. */
    public static final String SETTING = "identity.accounts";
    public static final String DIRECTORY = "directory";

    private static Set<String> existingLogins(Connection c) throws SQLException {
        Set<String> logins = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT login FROM ent_account");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                logins.add(rs.getString(1));
            }
        }
        return logins;
    }

    private static Set<UUID> withAccount(Connection c) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM ent_account");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
