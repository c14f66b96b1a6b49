package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.RealmAdminTokens;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Each collectivity realm's own administration account (ADR 0052), against the tests' Keycloak: tenant-manager's
 * routine calls inside a realm go with it, it administers its realm and no other, and a realm without a usable one
 * (made before it existed, disabled) is still administered by the platform administrator.
 */
class RealmAdminAccountTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final RealmAdminTokens accounts = admin.realmAccounts().orElseThrow();
    private final CollectivityService service = new CollectivityService(registry, new Provisioner(db, registry,
            database, realms, StepGuard.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
            database, realms, Runnable::run);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void routineCallsInsideARealmGoWithItsOwnAccount() {
        String realm = "ent-" + service.create(request(uniqueSlug("own"))).slug();

        long own = accounts.ownCalls(realm);
        long platform = accounts.platformCalls(realm);
        admin.get(realm + "/users?max=1");
        admin.get(realm + "/roles?briefRepresentation=true");

        assertThat(accounts.ownCalls(realm) - own).isEqualTo(2);
        assertThat(accounts.platformCalls(realm) - platform).isZero();
        JsonObject token = claims(token(realm));
        assertThat(token.getString("iss")).endsWith("/realms/" + realm);
        assertThat(token.getString("azp")).isEqualTo("ent-admin");
        // Not a caller of the ENT: the runtime accepts only tokens made for the ent-api audience.
        assertThat(String.valueOf(token.get("aud"))).doesNotContain(fr.ent.platform.identity.Realms.API_AUDIENCE);
    }

    @Test
    void aRealmsAccountAdministersItsRealmAndNoOther() throws Exception {
        String a = "ent-" + service.create(request(uniqueSlug("acca"))).slug();
        String b = "ent-" + service.create(request(uniqueSlug("accb"))).slug();
        String tokenOfA = token(a);

        assertThat(adminCall("GET", a + "/users?max=1", tokenOfA)).isEqualTo(200);
        assertThat(adminCall("GET", b + "/users?max=1", tokenOfA)).isIn(401, 403);
        assertThat(adminCall("GET", b + "/clients", tokenOfA)).isIn(401, 403);
        assertThat(adminCall("DELETE", b, tokenOfA)).isIn(401, 403);
        assertThat(adminCall("GET", "master/users?max=1", tokenOfA)).isIn(401, 403);
        assertThat(admin.find(b)).isPresent(); // still there
    }

    @Test
    void aRealmMadeBeforeItsAccountIsAdministeredMeanwhileAndGetsItAtReconciliation() {
        Collectivity c = service.create(request(uniqueSlug("old")));
        String realm = "ent-" + c.slug();
        // A realm of an older definition: no account of its own.
        String id = admin.get(realm + "/clients?clientId=ent-admin").array().getJsonObject(0).getString("id");
        admin.delete(realm + "/clients/" + id);

        long platform = accounts.platformCalls(realm);
        assertThat(admin.get(realm + "/users?max=1").array()).isNotNull();
        assertThat(accounts.platformCalls(realm) - platform).isPositive();

        realms.ensureRealm(c);

        long own = accounts.ownCalls(realm);
        platform = accounts.platformCalls(realm);
        admin.get(realm + "/users?max=1");
        assertThat(accounts.ownCalls(realm) - own).isEqualTo(1);
        assertThat(accounts.platformCalls(realm) - platform).isZero();
        assertThat(claims(token(realm)).getString("azp")).isEqualTo("ent-admin");
    }

    @Test
    void aDisabledRealmIsStillAdministeredAndEnabledAgain() {
        Collectivity c = service.create(request(uniqueSlug("off")));
        String realm = "ent-" + c.slug();
        admin.get(realm + "/users?max=1"); // its own token in hand

        realms.setEnabled(c, false); // includes logout-all, a routine call

        assertThat(admin.get(realm + "/users?max=1").array()).isNotNull();
        realms.setEnabled(c, true);
        assertThat(admin.get(realm).object().getBoolean("enabled")).isTrue();
        assertThat(claims(token(realm)).getString("azp")).isEqualTo("ent-admin"); // its account works again
    }

    /** A token of the realm's account, obtained as tenant-manager does: its secret, client credentials. */
    private String token(String realm) {
        String id = admin.get(realm + "/clients?clientId=ent-admin").array().getJsonObject(0).getString("id");
        String secret = admin.get(realm + "/clients/" + id + "/client-secret").object().getString("value");
        URI endpoint = admin.baseUrl().resolve("realms/" + realm + "/protocol/openid-connect/token");
        String form = "grant_type=client_credentials&client_id=ent-admin&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private int adminCall(String method, String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(admin.baseUrl().resolve("admin/realms/" + path))
                .header("Authorization", "Bearer " + bearer).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
