package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.DirectoryFederationTest.grant;
import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.access.LocalAdministration;
import fr.ent.platform.tenants.identity.AccountActivation;
import fr.ent.platform.tenants.identity.AccountActivation.State;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.DirectoryAccounts;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Activation codes made when letters are printed (ADR 0053): directory accounts made in bulk without a code, a
 * letter that writes a code into the row of a person Keycloak does not hold yet, and what such rows say and let in,
 * against the real Keycloak (with our provider) and the real collectivity schemas.
 */
class DirectoryLettersTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final DirectoryFederationSetup federation = new DirectoryFederationSetup(db, admin,
            "jdbc:postgresql://127.0.0.1:" + TestDatabase.shared().port() + "/postgres");
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Optional.of(federation)),
            database, realms, Runnable::run);
    private final DirectoryAccounts accounts = new DirectoryAccounts(db, Duration.ofDays(30), Clock.systemUTC());
    private final AccountActivation activation = activation(Clock.systemUTC());

    @Test
    void rowsWithoutCodesAreMadeOnceWithUniqueLoginsAndNoHashAndOpenNothingWithAPassword() throws Exception {
        Collectivity c = switched("nocode");
        UUID first = insertUser(c, "Student", "Zoé", "Martin");
        UUID second = insertUser(c, "Student", "Zoe", "Martin"); // the same login base
        UUID teacher = insertUser(c, "Teacher", "Léo", "Petit");
        // Léo already has a row with a code (a letter printed earlier): it is left as it is.
        accounts.create(c, Set.of(teacher), Set.of());
        byte[] leoHash = row(c, teacher).hash();

        // "zoe.martin" is held in the realm otherwise (an administrator, a copied account).
        DirectoryAccounts.Bulk made = accounts.createWithoutCodes(c, Set.of("zoe.martin"));
        assertThat(made).isEqualTo(new DirectoryAccounts.Bulk(3, 1, 2));
        assertThat(row(c, first)).isEqualTo(new Row("zoe.martin.2", null, null, null));
        assertThat(row(c, second)).isEqualTo(new Row("zoe.martin.3", null, null, null));
        assertThat(row(c, teacher).hash()).isEqualTo(leoHash);
        // A second run makes nothing, changes nothing; a newcomer gets the next free login.
        assertThat(accounts.createWithoutCodes(c, Set.of("zoe.martin"))).isEqualTo(
                new DirectoryAccounts.Bulk(3, 3, 0));
        UUID third = insertUser(c, "Relative", "Zoé", "Martin");
        assertThat(accounts.createWithoutCodes(c, Set.of("zoe.martin")).created()).isEqualTo(1);
        assertThat(row(c, third).login()).isEqualTo("zoe.martin.4");
        assertThat(count(c, "SELECT count(*) FROM %s.ent_account")).isEqualTo(4);
        assertThat(count(c, "SELECT count(DISTINCT login) FROM %s.ent_account")).isEqualTo(4);

        // Status: an account without a code yet.
        assertThat(activation.status(c, List.of(first))).containsExactly(
                new AccountActivation.Status(first, "zoe.martin.2", State.NONE));

        // No password opens a row without a code, and nothing is imported trying.
        allowPasswordGrant(c);
        for (String password : List.of("", "x", "ABCDEFGHJKLM", "zoe.martin.2")) {
            assertThat(grant(c, "zoe.martin.2", password).body()).contains("Invalid user credentials");
        }
        assertThat(admin.get(c.names().realm() + "/users/count").body()).isEqualTo("0");
    }

    @Test
    void aLetterForAPersonNeverImportedWritesACodeThatSignsInAndTheNextLetterReplacesIt() throws Exception {
        Collectivity c = switched("letter");
        UUID pupil = insertUser(c, "Student", "Inès", "Roux");
        UUID teacher = insertUser(c, "Teacher", "Marc", "Roux");
        accounts.createWithoutCodes(c, Set.of());

        // An expired letter: EXPIRED; then a letter now: PENDING with a new expiry.
        AccountActivation past = activation(Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC));
        assertThat(past.letters(c, List.of(teacher))).hasSize(1);
        assertThat(activation.status(c, List.of(teacher)).getFirst().state()).isEqualTo(State.EXPIRED);

        List<AccountActivation.Letter> first = activation.letters(c, List.of(pupil, teacher));
        assertThat(first).extracting(AccountActivation.Letter::entUserId).containsExactly(pupil, teacher);
        assertThat(first.getFirst().login()).isEqualTo("ines.roux");
        assertThat(first.getFirst().code()).isNotBlank();
        assertThat(Duration.between(row(c, pupil).expires(), first.getFirst().expiresAt()).abs())
                .isLessThan(Duration.ofMillis(1));
        assertThat(activation.status(c, List.of(pupil, teacher))).extracting(AccountActivation.Status::state)
                .containsExactly(State.PENDING, State.PENDING);
        assertThat(admin.get(c.names().realm() + "/users/count").body()).isEqualTo("0"); // nothing copied

        // A local administrator's letters: a person never imported holds no function (functions are Keycloak's
        // realm roles, given to accounts it holds; the provider imports the profile's role only): printed.
        List<AccountActivation.Letter> second = activation.letters(c, List.of(pupil),
                LocalAdministration::printsLetterFor);
        assertThat(second).hasSize(1);
        assertThat(second.getFirst().code()).isNotEqualTo(first.getFirst().code());
        // ...and a predicate that refuses leaves the row alone.
        byte[] hash = row(c, pupil).hash();
        assertThat(activation.letters(c, List.of(pupil), roles -> false)).isEmpty();
        assertThat(row(c, pupil).hash()).isEqualTo(hash);

        // The second letter's code signs in through the provider (first login: a new password to choose); the first
        // letter's no longer does. (The failure comes last: two within a second would lock the account, brute force.)
        allowPasswordGrant(c);
        assertThat(grant(c, "ines.roux", second.getFirst().code()).body()).contains("not fully set up");
        assertThat(admin.get(c.names().realm() + "/users/count").body()).isEqualTo("1");
        JsonObject ines = admin.get(c.names().realm() + "/users?exact=true&username=ines.roux").array()
                .getJsonObject(0);
        assertThat(ines.getString("federationLink")).isNotBlank();
        assertThat(RealmProvisioningTest.strings(ines.getJsonArray("requiredActions")))
                .containsExactly("UPDATE_PASSWORD");
        assertThat(grant(c, "ines.roux", first.getFirst().code()).body()).contains("Invalid user credentials");
        // Imported: Keycloak's account is the one that counts from now on.
        assertThat(activation.status(c, List.of(pupil)).getFirst()).isEqualTo(
                new AccountActivation.Status(pupil, "ines.roux", State.PENDING));
    }

    @Test
    void lettersAndStatusOfACollectivityAskedWithAnotherCollectivitysPeopleGiveNothingAndTouchNothing()
            throws Exception {
        Collectivity a = switched("crossa");
        Collectivity b = switched("crossb");
        insertUser(a, "Student", "Léa", "Blanc");
        UUID withoutCode = insertUser(b, "Student", "Léa", "Blanc");
        UUID withCode = insertUser(b, "Teacher", "Noé", "Blanc");
        accounts.createWithoutCodes(a, Set.of());
        accounts.createWithoutCodes(b, Set.of());
        accounts.newCodes(b, Set.of(withCode));
        Map<UUID, Row> before = new HashMap<>();
        for (UUID id : List.of(withoutCode, withCode)) {
            before.put(id, row(b, id));
        }

        assertThat(activation.status(a, List.of(withoutCode, withCode))).isEmpty();
        assertThat(activation.letters(a, List.of(withoutCode, withCode))).isEmpty();
        assertThat(activation.letters(a, List.of(withoutCode, withCode), LocalAdministration::printsLetterFor))
                .isEmpty();
        assertThat(accounts.newCodes(a, Set.of(withoutCode, withCode))).isEmpty();
        for (UUID id : List.of(withoutCode, withCode)) {
            assertThat(row(b, id)).isEqualTo(before.get(id));
        }
        assertThat(count(a, "SELECT count(*) FROM %s.ent_account")).isEqualTo(1); // a's own row only
        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("0");
        assertThat(admin.get(b.names().realm() + "/users/count").body()).isEqualTo("0");
    }

    private AccountActivation activation(Clock clock) {
        return new AccountActivation(db, realms, new AccountSync(db, realms, AccountSync.Method.PARTIAL_IMPORT, 50, 1,
                Duration.ofDays(30), clock), Duration.ofDays(30), clock);
    }

    /**
     * A collectivity whose realm has the directory provider and whose accounts are made in its directory: any made on
     * a platform with the provider (the SEED step's setting, ADR 0043).
     */
    private Collectivity switched(String prefix) {
        return service.create(request(uniqueSlug(prefix)));
    }

    /** A row of {@code ent_account}, as far as codes go (arrays compared by content). */
    private record Row(String login, byte[] hash, Integer iterations, Instant expires) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && login.equals(r.login) && java.util.Arrays.equals(hash, r.hash)
                    && java.util.Objects.equals(iterations, r.iterations) && java.util.Objects.equals(expires, r.expires);
        }

        @Override
        public int hashCode() {
            return login.hashCode();
        }
    }

    private Row row(Collectivity c, UUID userId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT login, activation_hash, activation_iterations, activation_expires_at, activation_salt FROM "
                        + c.names().schema() + ".ent_account WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                java.sql.Timestamp expires = rs.getTimestamp(4);
                assertThat(rs.getBytes(5) == null).isEqualTo(rs.getBytes(2) == null);
                return new Row(rs.getString(1), rs.getBytes(2), (Integer) rs.getObject(3),
                        expires == null ? null : expires.toInstant());
            }
        }
    }

    private long count(Collectivity c, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                sql.formatted(c.names().schema())); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private UUID insertUser(Collectivity c, String profile, String first, String last) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + c.names().schema() + ".ent_user (id, profile, first_name, last_name, search_key)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, profile);
            ps.setString(3, first);
            ps.setString(4, last);
            ps.setString(5, (last + " " + first).toLowerCase());
            ps.executeUpdate();
        }
        return id;
    }

    private void allowPasswordGrant(Collectivity c) {
        String realm = c.names().realm();
        JsonObject portal = admin.get(realm + "/clients?clientId=portal").array().getJsonObject(0);
        admin.put(realm + "/clients/" + portal.getString("id"),
                Json.createObjectBuilder(portal).add("directAccessGrantsEnabled", true).build());
    }
}
