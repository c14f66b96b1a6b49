package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.identity.DirectoryAccountRows;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation of directory accounts (ADR 0053, amended): people the runtime's imports add to a directory
 * collectivity get rows without codes at the next round, nobody else does, and a round stays in its collectivity;
 * real PostgreSQL schemas and the real Keycloak (with our provider).
 */
class DirectoryAccountRowsTest {

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
    /** Made before the platform had the provider: its accounts are copied into Keycloak. */
    private final CollectivityService copying = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database, realms, Runnable::run);
    private final DirectoryAccountRows rows = new DirectoryAccountRows(db, admin);

    @Test
    void peopleImportedIntoADirectoryCollectivityGetRowsWithoutCodesInOneRoundAndOthersGetNone() throws Exception {
        Collectivity directory = switched("recd");
        Collectivity copies = copying.create(request(uniqueSlug("recc"))); // accounts copied into Keycloak
        // What an import (BE1D, AAF) leaves in the directory: people, no account row.
        UUID zoe = insertUser(directory, "Student", "Zoé", "Martin");
        UUID zoe2 = insertUser(directory, "Relative", "Zoe", "Martin"); // the same login base
        UUID leo = insertUser(directory, "Teacher", "Léo", "Petit");
        insertUser(copies, "Student", "Zoé", "Martin");
        insertUser(copies, "Teacher", "Léo", "Petit");
        // The realm holds "leo.petit" (an administrator, tied to nobody in the directory) and "zoe.martin.2", the
        // account of the second Zoé, copied into Keycloak before the collectivity's switch.
        admin.post(directory.names().realm() + "/users", Json.createObjectBuilder().add("username", "leo.petit")
                .add("enabled", true).build());
        admin.post(directory.names().realm() + "/users", Json.createObjectBuilder().add("username", "zoe.martin.2")
                .add("enabled", true).add("attributes", Json.createObjectBuilder()
                        .add("ent_user_id", Json.createArrayBuilder().add(zoe2.toString()))).build());
        assertThat(DirectoryAccounts.missing(db, directory.names())).isEqualTo(3);
        assertThat(DirectoryAccounts.missing(db, copies.names())).isZero(); // not a directory collectivity

        assertThat(rows.round(List.of(directory, copies)))
                .isEqualTo(new DirectoryAccountRows.Round(2, 1, 3, List.of()));
        assertThat(login(directory, zoe)).isEqualTo("zoe.martin");
        assertThat(login(directory, zoe2)).isEqualTo("zoe.martin.2"); // her copied account's: brokering finds it
        assertThat(login(directory, leo)).isEqualTo("leo.petit.2"); // the administrator's login is not reused
        assertThat(count(directory, "SELECT count(*) FROM %s.ent_account WHERE activation_salt IS NULL"
                + " AND activation_hash IS NULL AND activation_iterations IS NULL AND activation_expires_at IS NULL"))
                .isEqualTo(3);
        assertThat(count(copies, "SELECT count(*) FROM %s.ent_account")).isZero();
        assertThat(admin.get(directory.names().realm() + "/users/count").body()).isEqualTo("2"); // nothing copied
        assertThat(admin.get(copies.names().realm() + "/users/count").body()).isEqualTo("0");

        // A second round finds nothing missing and changes nothing.
        String before = snapshot(directory);
        assertThat(rows.round(List.of(directory, copies)))
                .isEqualTo(new DirectoryAccountRows.Round(2, 0, 0, List.of()));
        assertThat(rows.reconcile(directory)).isEmpty();
        assertThat(snapshot(directory)).isEqualTo(before);

        // The next import's newcomer gets the next free login at the next round; the others' rows stay as they are.
        UUID newcomer = insertUser(directory, "Student", "Zoé", "Martin");
        assertThat(rows.reconcile(directory)).contains(new DirectoryAccounts.Bulk(4, 3, 1));
        assertThat(login(directory, newcomer)).isEqualTo("zoe.martin.3");
        assertThat(List.of(snapshot(directory).split("\n"))).hasSize(4).containsAll(List.of(before.split("\n")));
    }

    @Test
    void aRoundForOneCollectivityReadsAndWritesItsOwnSchemaOnly() throws Exception {
        Collectivity a = switched("reca");
        Collectivity b = switched("recb");
        UUID leaA = insertUser(a, "Student", "Léa", "Blanc");
        // b: a row with a code (a letter), a row without, and a person the next round of b would give a row to.
        UUID withCode = insertUser(b, "Teacher", "Noé", "Blanc");
        insertUser(b, "Student", "Léa", "Blanc");
        DirectoryAccounts accounts = new DirectoryAccounts(db, Duration.ofDays(30), Clock.systemUTC());
        accounts.createWithoutCodes(b, Set.of());
        accounts.newCodes(b, Set.of(withCode));
        UUID waiting = insertUser(b, "Student", "Ana", "Blanc");
        String bBefore = snapshot(b);

        assertThat(rows.reconcile(a)).contains(new DirectoryAccounts.Bulk(1, 0, 1));
        // a's logins are a's own: b's "lea.blanc" does not push a's Léa to ".2".
        assertThat(login(a, leaA)).isEqualTo("lea.blanc");
        assertThat(snapshot(b)).isEqualTo(bBefore);
        assertThat(DirectoryAccounts.missing(db, b.names())).isEqualTo(1);
        assertThat(count(a, "SELECT count(*) FROM %s.ent_account")).isEqualTo(1);

        // ...and b's round leaves a alone, giving its own newcomer a row.
        String aBefore = snapshot(a);
        assertThat(rows.reconcile(b)).contains(new DirectoryAccounts.Bulk(3, 2, 1));
        assertThat(login(b, waiting)).isEqualTo("ana.blanc");
        assertThat(snapshot(a)).isEqualTo(aBefore);
    }

    /**
     * A collectivity whose realm has the directory provider and whose accounts are made in its directory: any made on
     * a platform with the provider (the SEED step's setting, ADR 0043).
     */
    private Collectivity switched(String prefix) {
        return service.create(request(uniqueSlug(prefix)));
    }

    /** Every column of every row of the collectivity's {@code ent_account}, as PostgreSQL writes them out. */
    private String snapshot(Collectivity c) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT coalesce(string_agg(a::text, E'\\n' ORDER BY a.user_id), '') FROM " + c.names().schema()
                        + ".ent_account a"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String login(Collectivity c, UUID userId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT login FROM " + c.names().schema() + ".ent_account WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
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
}
