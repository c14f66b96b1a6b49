package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static fr.ent.platform.tenants.RealmProvisioningTest.parse;
import static fr.ent.platform.tenants.RealmProvisioningTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.adminapi.AccountStorageView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.tenants.identity.AccountReset;
import fr.ent.platform.tenants.identity.AccountStorage;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.ActivationExpiry;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Accounts federated from the directory (ADR 0043): two collectivities whose realms find their people through the
 * {@code ent-directory} provider, each with its own database role, against the real Keycloak (with our provider
 * jar) and the real collectivity schemas.
 */
class DirectoryFederationTest {

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

    @Test
    void eachRealmSignsInItsOwnDirectorysPeopleWithRolesFromTheDirectoryAndNobodyElses() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("feda")));
        Collectivity b = service.create(request(uniqueSlug("fedb")));
        UUID teacherA = insertUser(a, "Teacher", "Zoé", "Martin");
        insertUser(b, "Student", "Zoé", "Martin"); // the same login in the other collectivity
        UUID pupilB = insertUser(b, "Student", "Léo", "Petit");
        AccountSync.NewAccount zoeA = only(accounts.create(a, null, Set.of()), teacherA);
        AccountSync.Result madeB = accounts.create(b, null, Set.of());
        AccountSync.NewAccount leoB = only(madeB, pupilB);
        AccountSync.NewAccount zoeB = madeB.created().stream().filter(n -> !n.userId().equals(pupilB)).findFirst()
                .orElseThrow();
        assertThat(zoeA.login()).isEqualTo("zoe.martin").isEqualTo(zoeB.login());
        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("0"); // nothing copied
        allowPasswordGrant(a);
        allowPasswordGrant(b);
        // Zoé's EduConnect identity, known to a's directory and to a's realm (as Brokering makes it).
        update(a, "INSERT INTO ent_user_identity (provider, subject, user_id) VALUES ('educonnect', 'ec-zoe', ?)",
                teacherA);
        admin.post(a.names().realm() + "/identity-provider/instances", Json.createObjectBuilder()
                .add("alias", "educonnect").add("providerId", "oidc").add("enabled", true)
                .add("config", Json.createObjectBuilder().add("authorizationUrl", "http://127.0.0.1:9/auth")
                        .add("tokenUrl", "http://127.0.0.1:9/token").add("clientId", "ent")
                        .add("clientSecret", "s").add("clientAuthMethod", "client_secret_post"))
                .build());

        // The directory's activation code signs in (Keycloak then asks for a new password, as for a copied account).
        assertThat(grant(a, zoeA.login(), zoeA.activationCode()).body()).contains("not fully set up");
        // Same login, the other collectivity's code: refused in a, accepted in b; b's pupil is unknown in a.
        assertThat(grant(a, zoeB.login(), zoeB.activationCode()).body()).contains("Invalid user credentials");
        assertThat(grant(b, zoeB.login(), zoeB.activationCode()).body()).contains("not fully set up");
        assertThat(grant(a, leoB.login(), leoB.activationCode()).body()).contains("Invalid user credentials");
        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("1");

        // Imported once, tied to its person and to the provider, with the profile as attribute and realm role.
        JsonObject zoe = admin.get(a.names().realm() + "/users?exact=true&username=zoe.martin").array()
                .getJsonObject(0);
        assertThat(zoe.getString("federationLink")).isNotBlank();
        assertThat(strings(zoe.getJsonObject("attributes").getJsonArray("ent_user_id")))
                .containsExactly(teacherA.toString());
        assertThat(strings(zoe.getJsonArray("requiredActions"))).containsExactly("UPDATE_PASSWORD");
        assertThat(admin.get(a.names().realm() + "/users/" + zoe.getString("id") + "/federated-identity").array()
                .stream().map(l -> l.asJsonObject().getString("identityProvider") + "="
                        + l.asJsonObject().getString("userId")).toList()).containsExactly("educonnect=ec-zoe");
        choosePassword(a, zoe.getString("id"), "Un-mot-de-passe-2026!");
        JsonObject token = claims(grant(a, "zoe.martin", "Un-mot-de-passe-2026!"));
        assertThat(token.getString("ent_user_id")).isEqualTo(teacherA.toString());
        assertThat(token.getString("ent_profile")).isEqualTo("Teacher");
        assertThat(strings(token.getJsonObject("realm_access").getJsonArray("roles"))).contains("Teacher");

        // The directory decides at the next load: a new profile, then the end of rights.
        update(a, "UPDATE ent_user SET profile = 'Personnel' WHERE id = ?", teacherA);
        admin.post(a.names().realm() + "/clear-user-cache", Json.createObjectBuilder().build());
        JsonObject changed = claims(grant(a, "zoe.martin", "Un-mot-de-passe-2026!"));
        assertThat(changed.getString("ent_profile")).isEqualTo("Personnel");
        assertThat(strings(changed.getJsonObject("realm_access").getJsonArray("roles"))).contains("Personnel")
                .doesNotContain("Teacher");
        update(a, "UPDATE ent_user SET rights_lost_at = now() WHERE id = ?", teacherA);
        admin.post(a.names().realm() + "/clear-user-cache", Json.createObjectBuilder().build());
        assertThat(grant(a, "zoe.martin", "Un-mot-de-passe-2026!").body()).contains("Account disabled");
        update(a, "DELETE FROM ent_user WHERE id = ?", teacherA);
        admin.post(a.names().realm() + "/clear-user-cache", Json.createObjectBuilder().build());
        assertThat(grant(a, "zoe.martin", "Un-mot-de-passe-2026!").body()).contains("Invalid user credentials");
        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("0");
    }

    @Test
    void aRealmsProviderCanReadOnlyItsOwnSchemaAndItsSecretIsNotShown() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("fedx")));
        Collectivity b = service.create(request(uniqueSlug("fedy")));
        String roleA = "kc_" + a.names().schema();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET ROLE " + roleA);
            s.executeQuery("SELECT login FROM " + a.names().schema() + ".ent_account").close();
            assertThatThrownBy(() -> s.executeQuery("SELECT login FROM " + b.names().schema() + ".ent_account"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("SELECT id FROM " + b.names().schema() + ".ent_user"))
                    .hasMessageContaining("permission denied");
            // Only what sign-in needs, even in its own schema.
            assertThatThrownBy(() -> s.executeQuery("SELECT birth_date FROM " + a.names().schema() + ".ent_user"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("SELECT name FROM " + a.names().schema() + ".structure"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM platform.collectivity"))
                    .hasMessageContaining("permission denied");
            s.execute("RESET ROLE");
        }

        // The component's password is never shown by the admin API; pointing a's component at b's schema is refused.
        String realmA = a.names().realm();
        String realmId = admin.get(realmA).object().getString("id");
        String id = federation.componentId(realmA, realmId).orElseThrow();
        JsonObject component = admin.get(realmA + "/components/" + id).object();
        assertThat(strings(component.getJsonObject("config").getJsonArray("password"))).containsExactly("**********");
        JsonObject crossed = Json.createObjectBuilder(component).add("config", Json.createObjectBuilder(
                component.getJsonObject("config")).add("schema", Json.createArrayBuilder().add(b.names().schema())))
                .build();
        assertThat(admin.send("PUT", realmA + "/components/" + id, crossed).status()).isEqualTo(400);
    }

    @Test
    void aCollectivityMadeWithTheProviderMakesItsAccountsInItsDirectoryAndOneMadeBeforeStillCopiesIntoKeycloak()
            throws Exception {
        Collectivity switched = service.create(request(uniqueSlug("fedsw")));
        // made before the platform had the provider (its realm has none): its accounts are copied
        Collectivity copied = new CollectivityService(registry, new Provisioner(db, registry, database, realms,
                StepGuard.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database, realms,
                Runnable::run).create(request(uniqueSlug("fedcp")));
        assertThat(DirectoryAccounts.enabled(db, switched.names())).isTrue();
        assertThat(DirectoryAccounts.enabled(db, copied.names())).isFalse();
        UUID pupil = insertUser(switched, "Student", "Inès", "Roux");
        insertUser(copied, "Student", "Inès", "Roux");
        AccountSync sync = new AccountSync(db, realms, AccountSync.Method.PARTIAL_IMPORT, 50, 1);

        AccountSync.NewAccount made = only(sync.sync(switched), pupil);
        assertThat(admin.get(switched.names().realm() + "/users/count").body()).isEqualTo("0");
        assertThat(sync.sync(switched).created()).isEmpty(); // idempotent, like the copy
        allowPasswordGrant(switched);
        assertThat(grant(switched, made.login(), made.activationCode()).body()).contains("not fully set up");

        assertThat(sync.sync(copied).created()).hasSize(1);
        assertThat(admin.get(copied.names().realm() + "/users/count").body()).isEqualTo("1");
    }

    /**
     * A collectivity made before the platform had the provider, switched by a hosting operator: the account its realm
     * already holds keeps signing in from Keycloak, a person imported since gets a directory account, the realm's
     * provider reads its own schema, another collectivity made before is not switched with it, and a platform
     * without the provider refuses the switch and writes nothing.
     */
    @Test
    void aCollectivityMadeBeforeTheProviderIsSwitchedKeepingTheAccountsItsRealmHolds() throws Exception {
        CollectivityService withoutProvider = new CollectivityService(registry, new Provisioner(db, registry, database,
                realms, StepGuard.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database,
                realms, Runnable::run);
        Collectivity before = withoutProvider.create(request(uniqueSlug("fedmv")));
        Collectivity other = withoutProvider.create(request(uniqueSlug("fedst")));
        AccountSync sync = new AccountSync(db, realms, AccountSync.Method.PARTIAL_IMPORT, 50, 1);
        UUID teacher = insertUser(before, "Teacher", "Paul", "Girard");
        AccountSync.NewAccount copied = only(sync.sync(before), teacher);
        AccountStorage storage = new AccountStorage(db, Optional.of(federation));
        assertThat(storage.of(before)).isEqualTo(new AccountStorageView("keycloak", true));

        assertThat(storage.toDirectory(before)).isEqualTo(new AccountStorageView("directory", true));
        assertThat(storage.toDirectory(before).storage()).as("again: harmless").isEqualTo("directory");
        String realm = before.names().realm();
        JsonObject component = admin.get(realm + "/components/" + federation.componentId(realm,
                admin.get(realm).object().getString("id")).orElseThrow()).object();
        assertThat(strings(component.getJsonObject("config").getJsonArray("schema")))
                .containsExactly(before.names().schema());
        assertThat(storage.of(other).storage()).as("the other collectivity is not switched").isEqualTo("keycloak");

        UUID pupil = insertUser(before, "Student", "Inès", "Girard");
        AccountSync.Result afterSwitch = sync.sync(before);
        // the teacher the realm holds gets no second way in: a row with his Keycloak login and no code
        assertThat(afterSwitch.created()).extracting(AccountSync.NewAccount::userId).containsExactly(pupil);
        assertThat(row(before, teacher)).isEqualTo(copied.login() + " without code");
        AccountSync.NewAccount made = only(afterSwitch, pupil);
        assertThat(admin.get(realm + "/users/count").body()).as("no copy for the new person").isEqualTo("1");
        allowPasswordGrant(before);
        allowPasswordGrant(other);
        assertThat(grant(before, made.login(), made.activationCode()).body()).contains("not fully set up");
        assertThat(grant(before, copied.login(), copied.activationCode()).body()).contains("not fully set up");
        assertThat(grant(other, made.login(), made.activationCode()).body()).contains("Invalid user credentials");
        assertThatThrownBy(() -> storage.toKeycloak(before)).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.code()).isEqualTo("account-storage-one-way"));

        AccountStorage noProvider = new AccountStorage(db, Optional.empty());
        assertThatThrownBy(() -> noProvider.toDirectory(other)).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.code()).isEqualTo("directory-accounts-unavailable"));
        assertThat(noProvider.of(other)).isEqualTo(new AccountStorageView("keycloak", false));
    }

    @Test
    void anExpiredDirectoryCodeIsClearedAndAResetGivesANewOneInItsOwnCollectivityOnly() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("fedex")));
        Collectivity b = service.create(request(uniqueSlug("fedey")));
        UUID pupilA = insertUser(a, "Student", "Noé", "Blanc");
        UUID pupilB = insertUser(b, "Student", "Noé", "Blanc");
        // Codes given 31 days ago, valid 30 days: both expired.
        DirectoryAccounts past = new DirectoryAccounts(db, Duration.ofDays(30),
                Clock.fixed(java.time.Instant.now().minus(Duration.ofDays(31)), java.time.ZoneOffset.UTC));
        AccountSync.NewAccount noeA = only(past.create(a, null, Set.of()), pupilA);
        only(past.create(b, null, Set.of()), pupilB);
        allowPasswordGrant(a);
        allowPasswordGrant(b);
        assertThat(grant(a, noeA.login(), noeA.activationCode()).body()).contains("Invalid user credentials");

        // The expiry pass clears a's expired code, and touches nothing in b.
        byte[] hashB = activationHash(b, pupilB);
        assertThat(ActivationExpiry.expireDirectory(db, a.names(), java.time.Instant.now())).isEqualTo(1);
        assertThat(activationHash(a, pupilA)).isNull();
        assertThat(activationHash(b, pupilB)).isEqualTo(hashB);
        assertThat(ActivationExpiry.expireDirectory(db, a.names(), java.time.Instant.now())).isZero();

        // A reset of a person never imported rewrites the directory row; b's person cannot be reset through a.
        AccountReset reset = new AccountReset(realms, db, Duration.ofDays(30), Clock.systemUTC());
        assertThatThrownBy(() -> reset.reset(a, pupilB.toString(), "code")).isInstanceOf(NotFound.class);
        assertThat(activationHash(b, pupilB)).isEqualTo(hashB);
        assertThatThrownBy(() -> reset.reset(a, pupilA.toString(), "email")).isInstanceOf(Conflict.class)
                .satisfies(e -> assertThat(((Conflict) e).code()).isEqualTo("account-without-email"));
        AccountResetView fresh = reset.reset(a, pupilA.toString(), "code");
        assertThat(fresh.login()).isEqualTo(noeA.login());
        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("0"); // still not imported
        assertThat(grant(b, fresh.login(), fresh.activationCode()).body()).contains("Invalid user credentials");
        assertThat(grant(a, fresh.login(), noeA.activationCode()).body()).contains("Invalid user credentials");
        assertThat(grant(a, fresh.login(), fresh.activationCode()).body()).contains("not fully set up");
        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("1");

        // Imported: the reset is Keycloak's, as for a copied account; the previous code stops working. (The failed
        // attempt comes last: two failures within a second would lock the account for a minute, brute force.)
        AccountResetView again = reset.reset(a, pupilA.toString(), "code");
        assertThat(again.activationCode()).isNotEqualTo(fresh.activationCode());
        assertThat(grant(a, again.login(), again.activationCode()).body()).contains("not fully set up");
        assertThat(grant(a, again.login(), fresh.activationCode()).body()).contains("Invalid user credentials");
    }

    private byte[] activationHash(Collectivity c, UUID userId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT activation_hash FROM " + c.names().schema() + ".ent_account WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    /** A person's {@code ent_account} row: its login, and whether it holds a code. */
    private String row(Collectivity c, UUID userId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT login, activation_hash IS NULL FROM " + c.names().schema() + ".ent_account WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) + (rs.getBoolean(2) ? " without code" : " with a code") : "no row";
            }
        }
    }

    private static AccountSync.NewAccount only(AccountSync.Result result, UUID userId) {
        return result.created().stream().filter(n -> n.userId().equals(userId)).findFirst().orElseThrow();
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

    private void update(Collectivity c, String sql, UUID id) throws SQLException {
        try (Connection connection = db.getConnection(); Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + c.names().schema());
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }
    }

    private void allowPasswordGrant(Collectivity c) {
        String realm = c.names().realm();
        JsonObject portal = admin.get(realm + "/clients?clientId=portal").array().getJsonObject(0);
        admin.put(realm + "/clients/" + portal.getString("id"),
                Json.createObjectBuilder(portal).add("directAccessGrantsEnabled", true).build());
    }

    /** The password the person would choose at the UPDATE_PASSWORD step, set through the admin API. */
    private void choosePassword(Collectivity c, String userId, String password) {
        String realm = c.names().realm();
        admin.put(realm + "/users/" + userId + "/reset-password", Json.createObjectBuilder().add("type", "password")
                .add("value", password).add("temporary", false).build());
        JsonObject user = admin.get(realm + "/users/" + userId).object();
        admin.put(realm + "/users/" + userId, Json.createObjectBuilder(user)
                .add("requiredActions", Json.createArrayBuilder()).build());
    }

    static HttpResponse<String> grant(Collectivity c, String username, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestKeycloak.server().baseUrl()
                        + "/realms/" + c.names().realm() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal&scope=openid"
                        + "&username=" + java.net.URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject claims(HttpResponse<String> tokenResponse) {
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        String access = parse(tokenResponse.body()).getString("access_token");
        return parse(new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
