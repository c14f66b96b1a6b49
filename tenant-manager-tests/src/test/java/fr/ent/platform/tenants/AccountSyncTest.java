package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static fr.ent.platform.tenants.RealmProvisioningTest.parse;
import static fr.ent.platform.tenants.RealmProvisioningTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Accounts for directory users, against a real Keycloak and a real collectivity schema. */
class AccountSyncTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database, realms, Runnable::run);
    private final AccountSync byImport = new AccountSync(db, realms, AccountSync.Method.PARTIAL_IMPORT, 7, 1);
    private final AccountSync byPosts = new AccountSync(db, realms, AccountSync.Method.PARALLEL_POSTS, 0, 4);

    @Test
    void createsMissingAccountsOnceWithLoginsRolesAttributesAndAWorkingActivationCode() throws Exception {
        String slug = uniqueSlug("acc");
        Collectivity c = service.create(request(slug));
        List<UUID> first = new ArrayList<>();
        first.add(insertUser(c, "Student", "Zoé", "Lefèvre"));
        first.add(insertUser(c, "Student", "Zoé", "Lefèvre")); // a homonym
        first.add(insertUser(c, "Teacher", "Jean-Pierre", "D'Artagnan"));
        for (int i = 0; i < 12; i++) {
            first.add(insertUser(c, i % 2 == 0 ? "Relative" : "Personnel", "Prénom" + i, "Nom"));
        }

        AccountSync.Result result = byImport.sync(c);

        assertThat(result.realm()).isEqualTo("ent-" + slug);
        assertThat(result.directoryUsers()).isEqualTo(15);
        assertThat(result.created()).hasSize(15);
        assertThat(result.notCreated()).isEmpty();
        assertThat(result.created()).extracting(AccountSync.NewAccount::login)
                .contains("zoe.lefevre", "zoe.lefevre.2", "jean-pierre.d-artagnan", "prenom0.nom").doesNotHaveDuplicates();
        assertThat(result.created()).extracting(AccountSync.NewAccount::activationCode)
                .allMatch(code -> code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")).doesNotHaveDuplicates();
        assertThat(result.created()).extracting(AccountSync.NewAccount::userId).containsExactlyInAnyOrderElementsOf(first);

        AccountSync.NewAccount teacher = result.created().stream()
                .filter(a -> a.login().equals("jean-pierre.d-artagnan")).findFirst().orElseThrow();
        JsonObject account = admin.get("ent-" + slug + "/users?exact=true&username=" + teacher.login()).array()
                .getJsonObject(0);
        assertThat(strings(account.getJsonObject("attributes").getJsonArray("ent_user_id")))
                .containsExactly(first.get(2).toString());
        assertThat(strings(account.getJsonObject("attributes").getJsonArray("ent_profile"))).containsExactly("Teacher");
        assertThat(strings(account.getJsonArray("requiredActions"))).containsExactly("UPDATE_PASSWORD");
        assertThat(admin.get("ent-" + slug + "/users/" + account.getString("id") + "/role-mappings/realm").array()
                .stream().map(r -> r.asJsonObject().getString("name")).toList()).contains("Teacher");
        // The activation code is the account's password (Keycloak then asks for a new one before any token).
        allowPasswordGrant("ent-" + slug);
        assertThat(grantError("ent-" + slug, teacher.login(), teacher.activationCode())).contains("not fully set up");
        assertThat(grantError("ent-" + slug, teacher.login(), "WRONG-CODE-0000")).contains("Invalid user credentials");

        // Idempotent: nothing new, nobody's code changes.
        AccountSync.Result again = byImport.sync(c);
        assertThat(again.created()).isEmpty();
        assertThat(again.alreadyThere()).isEqualTo(15);

        // New people in the directory: only they get accounts (here with the other method).
        UUID late = insertUser(c, "Student", "Zoé", "Lefèvre");
        AccountSync.Result later = byPosts.sync(c);
        assertThat(later.created()).extracting(AccountSync.NewAccount::login).containsExactly("zoe.lefevre.3");
        assertThat(later.created()).extracting(AccountSync.NewAccount::userId).containsExactly(late);
        String id = admin.get("ent-" + slug + "/users?exact=true&username=zoe.lefevre.3").array().getJsonObject(0)
                .getString("id");
        assertThat(admin.get("ent-" + slug + "/users/" + id + "/role-mappings/realm").array().stream()
                .map(r -> r.asJsonObject().getString("name")).toList()).contains("Student");
        assertThat(admin.get("ent-" + slug + "/users/count").body()).isEqualTo("16");
    }

    @Test
    void aCollectivitysSyncOnlyEverReadsItsOwnDirectoryAndWritesItsOwnRealm() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("acca")));
        Collectivity b = service.create(request(uniqueSlug("accb")));
        insertUser(a, "Student", "Alice", "Durand");
        insertUser(b, "Teacher", "Bob", "Martin");
        insertUser(b, "Teacher", "Carla", "Martin");

        assertThat(byPosts.sync(b).created()).extracting(AccountSync.NewAccount::login)
                .containsExactlyInAnyOrder("bob.martin", "carla.martin");

        assertThat(admin.get(a.names().realm() + "/users/count").body()).isEqualTo("0");
        assertThat(byImport.sync(a).created()).extracting(AccountSync.NewAccount::login).containsExactly("alice.durand");
        assertThat(admin.get(b.names().realm() + "/users/count").body()).isEqualTo("2");
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

    private void allowPasswordGrant(String realm) {
        JsonObject portal = admin.get(realm + "/clients?clientId=portal").array().getJsonObject(0);
        admin.put(realm + "/clients/" + portal.getString("id"),
                Json.createObjectBuilder(portal).add("directAccessGrantsEnabled", true).build());
    }

    private String grantError(String realm, String username, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        TestKeycloak.server().baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(400, 401);
        return parse(r.body()).getString("error_description");
    }
}
