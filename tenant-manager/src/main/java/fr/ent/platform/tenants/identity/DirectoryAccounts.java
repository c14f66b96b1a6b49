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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Accounts made in the directory itself, for a realm whose people come through the directory provider (ADR 0043):
 * a login and a hashed activation code per person in {@code ent_account}, written in one transaction as the
 * collectivity's role. Nothing is sent to Keycloak: the provider imports each person at their first login, so an
 * account is usable as soon as this returns. Same logins and codes as {@link AccountSync} (which copies accounts
 * into Keycloak), and the same result; people who already have a directory account are left alone. Rows can also be
 * made without codes ({@link #createWithoutCodes}, ADR 0053), a letter or a reset writing a code into them later
 * ({@link #newCodes}).
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
        return create(c, only, takenLogins, Map.of());
    }

    /**
     * The same, where some people already hold an account in the realm ({@code heldLogins}: their login there, by
     * directory id; an account copied before the switch, or made in Keycloak by hand). They are not missing an
     * account: their row is made without a code and with that login, as {@link #createWithoutCodes} makes it, and
     * they are counted as already there. A code for them would be a second way in under another login, and the
     * provider would import a second account for the same person at its first use.
     */
    public AccountSync.Result create(Collectivity c, Set<UUID> only, Set<String> takenLogins,
            Map<UUID, String> heldLogins) throws SQLException {
        long started = System.nanoTime();
        TenantNames names = c.names();
        Instant expiresAt = clock.instant().plus(validity);
        AccountSync.Result result = new TenantTransactions(dataSource).write(names, connection -> {
            Missing missing = withoutRow(connection, only, takenLogins, heldLogins);
            List<DirectoryUser> users = missing.people();
            List<AccountSync.NewAccount> created = new ArrayList<>();
            List<NewLogin> held = new ArrayList<>();
            for (NewLogin n : missing.logins()) {
                if (heldLogins.containsKey(n.user().id())) {
                    held.add(n);
                } else {
                    created.add(new AccountSync.NewAccount(n.login(), ActivationCodes.next(), n.user().id(),
                            n.user().profile(), expiresAt));
                }
            }
            insertWithoutCodes(connection, held);
            // Hashing the codes is most of the cost (PBKDF2, ActivationCodes.ITERATIONS each): on every core.
            byte[][] salts = new byte[created.size()][];
            byte[][] hashes = new byte[created.size()][];
            IntStream.range(0, created.size()).parallel().forEach(i -> {
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

    /** What {@link #createWithoutCodes} did: the collectivity's people, those who had a row, the rows made. */
    public record Bulk(int people, int alreadyThere, int created) {
    }

    /** A new activation code written into a person's row ({@link #newCodes}): shown once, never stored in clear. */
    public record Code(UUID userId, String login, String code, Instant expiresAt) {
    }

    /** What {@code ent_account.login} accepts (its CHECK, migration V9). */
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    /** Rows per INSERT of {@link #createWithoutCodes}: two arrays bound as two parameters, whatever the count. */
    private static final int ROWS_PER_INSERT = 5000;

    /**
     * Creates the missing {@code ent_account} rows of the collectivity's people <em>without</em> an activation code
     * (ADR 0053): logins as {@link #create} makes them (unique among the rows and {@code takenLogins}), no salt, hash
     * nor expiry. Such a row signs in through the realm's upstream providers at once (the brokered first login reads
     * the login only) and with a password only once a letter ({@link AccountActivation}) or a reset
     * ({@link AccountReset}) writes a code into it: codes are made when someone will read them, not for every
     * person imported (a PBKDF2 code costs 0.36 ms of CPU, most of a whole import's budget per person). Rows go
     * {@value #ROWS_PER_INSERT} per statement ({@code INSERT … SELECT FROM unnest(uuid[], text[])}); a person who got a
     * row meanwhile (a letter printed during the run) keeps theirs ({@code ON CONFLICT DO NOTHING}). For an import or
     * a reconciliation: {@link DirectoryAccountRows} after the runtime's imports, and the France bench.
     */
    public Bulk createWithoutCodes(Collectivity c, Set<String> takenLogins) throws SQLException {
        return createWithoutCodes(c, takenLogins, Map.of());
    }

    /**
     * The same, where some people already hold an account in the realm ({@code heldLogins}: their login there, by
     * directory id; an account copied before the switch): their row takes that login rather than a new one, so that
     * their brokered first login lands on that account (the provider's step finds it by the row's login and the same
     * {@code ent_user_id}) instead of importing a second account for them. A held login the table would refuse, or
     * that another row already has, is replaced by a new one as for anybody.
     */
    public Bulk createWithoutCodes(Collectivity c, Set<String> takenLogins, Map<UUID, String> heldLogins)
            throws SQLException {
        long started = System.nanoTime();
        TenantNames names = c.names();
        Bulk result = new TenantTransactions(dataSource).write(names, connection -> {
            Missing missing = withoutRow(connection, null, takenLogins, heldLogins);
            List<DirectoryUser> users = missing.people();
            int created = insertWithoutCodes(connection, missing.logins());
            return new Bulk(users.size(), users.size() - missing.logins().size(), created);
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "tenant=" + c.slug() + " directory accounts without codes: " + result.created() + " created in "
                + millis + " ms (" + result.alreadyThere() + " already there)");
        return result;
    }

    /**
     * Rows without a code for these logins, {@value #ROWS_PER_INSERT} per statement ({@code INSERT … SELECT FROM
     * unnest(uuid[], text[])}); a person who got a row meanwhile keeps theirs. Returns the rows made.
     */
    private static int insertWithoutCodes(Connection connection, List<NewLogin> logins) throws SQLException {
        List<UUID> ids = logins.stream().map(n -> n.user().id()).toList();
        List<String> made = logins.stream().map(NewLogin::login).toList();
        int created = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ent_account (user_id, login)"
                + " SELECT * FROM unnest(?::uuid[], ?::text[]) ON CONFLICT DO NOTHING")) {
            for (int from = 0; from < ids.size(); from += ROWS_PER_INSERT) {
                int to = Math.min(ids.size(), from + ROWS_PER_INSERT);
                insert.setArray(1, connection.createArrayOf("uuid", ids.subList(from, to).toArray()));
                insert.setArray(2, connection.createArrayOf("text", made.subList(from, to).toArray()));
                created += insert.executeUpdate();
            }
        }
        return created;
    }

    /**
     * How many people of the collectivity have no {@code ent_account} row, if its accounts are made in its directory
     * ({@link #enabled}); 0 otherwise. One statement (the setting, then an anti-join of the two primary keys), so that
     * the reconciliation ({@link DirectoryAccountRows}) reads no person and asks Keycloak nothing for a collectivity
     * where nothing is missing. Counts everyone {@link #createWithoutCodes} would give a row to.
     */
    public static int missing(DataSource dataSource, TenantNames names) throws SQLException {
        return new TenantTransactions(dataSource).read(names, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN EXISTS (SELECT 1 FROM tenant_setting"
                    + " WHERE name = ? AND value = ?) THEN (SELECT count(*) FROM ent_user u WHERE NOT EXISTS"
                    + " (SELECT 1 FROM ent_account a WHERE a.user_id = u.id)) ELSE 0 END")) {
                ps.setString(1, SETTING);
                ps.setString(2, DIRECTORY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * A new activation code in the rows of these people ({@code ent_account}, this collectivity's schema only: an id
     * of another collectivity's person finds no row and gets nothing), with a new expiry: whatever code the row held
     * (pending, expired and cleared, withdrawn, or none yet) stops working. For people Keycloak does not hold yet
     * (ADR 0043: the provider imports a person with the row's code at their first login); the callers check that.
     * One transaction; the codes hashed on every core. Returns the codes of the rows found, by person.
     */
    public Map<UUID, Code> newCodes(Collectivity c, Collection<UUID> userIds) throws SQLException {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Instant expiresAt = clock.instant().plus(validity);
        Map<UUID, Code> codes = new TenantTransactions(dataSource).write(c.names(), connection -> {
            Map<UUID, String> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT user_id, login FROM ent_account"
                    + " WHERE user_id = ANY (?) ORDER BY user_id FOR UPDATE")) {
                ps.setArray(1, connection.createArrayOf("uuid", userIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            List<UUID> ids = new ArrayList<>(rows.keySet());
            String[] clear = new String[ids.size()];
            byte[][] salts = new byte[ids.size()][];
            byte[][] hashes = new byte[ids.size()][];
            IntStream.range(0, ids.size()).parallel().forEach(i -> {
                clear[i] = ActivationCodes.next();
                salts[i] = ActivationCodes.salt();
                hashes[i] = ActivationCodes.hash(clear[i], salts[i]);
            });
            try (PreparedStatement ps = connection.prepareStatement("UPDATE ent_account SET activation_salt = ?,"
                    + " activation_hash = ?, activation_iterations = ?, activation_expires_at = ? WHERE user_id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setBytes(1, salts[i]);
                    ps.setBytes(2, hashes[i]);
                    ps.setInt(3, ActivationCodes.ITERATIONS);
                    ps.setTimestamp(4, Timestamp.from(expiresAt));
                    ps.setObject(5, ids.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<UUID, Code> made = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                made.put(ids.get(i), new Code(ids.get(i), rows.get(ids.get(i)), clear[i], expiresAt));
            }
            return made;
        });
        LOG.info(() -> "tenant=" + c.slug() + " directory accounts: " + codes.size() + " new activation code(s), until "
                + expiresAt);
        return codes;
    }

    /** Where a directory row stands for a person Keycloak does not hold yet ({@link AccountActivation#status}). */
    record RowState(String login, AccountActivation.State state) {
    }

    /**
     * The rows of these people in this collectivity's schema, with where their code stands at {@code now}: PENDING (a
     * code not expired), EXPIRED (a code past its expiry, cleared by the expiry pass or not yet), NONE (no code yet, or
     * withdrawn because the person signs in through an upstream provider). People without a row are absent.
     */
    Map<UUID, RowState> rowStates(Collectivity c, Collection<UUID> userIds) throws SQLException {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        return new TenantTransactions(dataSource).read(c.names(), connection -> {
            Map<UUID, RowState> states = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT user_id, login, activation_hash IS NOT NULL,"
                    + " activation_expires_at FROM ent_account WHERE user_id = ANY (?)")) {
                ps.setArray(1, connection.createArrayOf("uuid", userIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp expires = rs.getTimestamp(4);
                        boolean past = expires != null && !now.isBefore(expires.toInstant());
                        AccountActivation.State state = past ? AccountActivation.State.EXPIRED
                                : rs.getBoolean(3) ? AccountActivation.State.PENDING : AccountActivation.State.NONE;
                        states.put(rs.getObject(1, UUID.class), new RowState(rs.getString(2), state));
                    }
                }
            }
            return states;
        });
    }

    /**
     * Whether the collectivity's accounts are made in its directory: its setting {@value #SETTING} is
     * {@value #DIRECTORY} (the realm must have the directory provider, which the REALM step adds when the platform
     * configures {@code ent.identity.federation.jdbc-url}; the SEED step then sets this too, so a collectivity made
     * on such a platform has its accounts in its directory from the start). Otherwise AccountSync copies accounts
     * into Keycloak.
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

    /** A person without a row and the login they get. */
    private record NewLogin(DirectoryUser user, String login) {
    }

    /** The people considered, and those of them without a row with their new logins. */
    private record Missing(List<DirectoryUser> people, List<NewLogin> logins) {
    }

    /**
     * The collectivity's people ({@code only}: directory ids, null for everyone) and, for those without a row, a
     * login unique among the rows and {@code takenLogins} (logins held in the realm by accounts made otherwise). A
     * person in {@code heldLogins} (their login in the realm, an account copied before the switch) keeps it, unless
     * the table would refuse it or another row has it.
     */
    private static Missing withoutRow(Connection connection, Set<UUID> only, Set<String> takenLogins,
            Map<UUID, String> heldLogins) throws SQLException {
        Set<String> rowLogins = existingLogins(connection);
        Set<String> logins = new HashSet<>(takenLogins);
        logins.addAll(heldLogins.values());
        logins.addAll(rowLogins);
        List<DirectoryUser> people = DirectoryUser.readAll(connection).stream()
                .filter(u -> only == null || only.contains(u.id())).toList();
        Set<UUID> withAccount = withAccount(connection);
        List<NewLogin> made = new ArrayList<>();
        for (DirectoryUser user : people) {
            if (!withAccount.contains(user.id())) {
                String held = heldLogins.get(user.id());
                String login = held != null && LOGIN.matcher(held).matches() && rowLogins.add(held) ? held
                        : Logins.unique(Logins.base(user.firstName(), user.lastName()), logins);
                rowLogins.add(login);
                logins.add(login);
                made.add(new NewLogin(user, login));
            }
        }
        return new Missing(people, made);
    }

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
