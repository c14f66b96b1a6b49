package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static fr.ent.platform.tenants.RealmProvisioningTest.claims;
import static fr.ent.platform.tenants.RealmProvisioningTest.parse;
import static fr.ent.platform.tenants.RealmProvisioningTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.lifecycle.RealmReconciliation;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The synthetic probe's client {@code ent-probe} in each collectivity realm, against a real Keycloak: created with
 * the realm, confidential, a service account with role PROBE only and the ent-api audience; its secret generated
 * once, kept by Keycloak across reconciliations and read back; added to realms that predate it by the start-up
 * reconciliation, which walks only realms behind the realm definition version; hand-made drift
 * (extra roles, the secret's grant types) undone; a realm's probe secret useless in another realm.
 */
class ProbeAccountTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final CollectivityService service = new CollectivityService(registry, new Provisioner(db, registry,
            new TenantDatabase(db, Optional.empty()), realms, StepGuard.NONE,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
            new TenantDatabase(db, Optional.empty()), realms, Runnable::run);
    private final HttpClient http = HttpClient.newHttpClient();
    private final RealmEndpoints keycloak = RealmEndpoints.of(TestKeycloak.server().baseUrl().toString(),
            TestKeycloak.server().baseUrl().toString());

    @Test
    void provisioningGivesTheRealmAProbeClientWhoseTokensCarryTheApiAudienceAndOnlyTheProbeRole() {
        String slug = uniqueSlug("probe");
        Collectivity c = service.create(request(slug));
        String realm = "ent-" + slug;

        JsonObject client = client(realm);
        assertThat(client.getBoolean("publicClient")).isFalse();
        assertThat(client.getBoolean("serviceAccountsEnabled")).isTrue();
        assertThat(client.getBoolean("standardFlowEnabled")).isFalse();
        assertThat(client.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(client.getBoolean("implicitFlowEnabled")).isFalse();

        String secret = realms.probeSecret(c).orElseThrow();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
        JsonObject claims = claims(new ClientCredentials(keycloak.token(realm), "ent-probe", secret).token());
        assertThat(claims.getString("iss")).endsWith("/realms/" + realm);
        assertThat(audiences(claims.get("aud"))).contains("ent-api");
        assertThat(claims.getString("azp")).isEqualTo("ent-probe");
        List<String> roles = strings(claims.getJsonObject("realm_access").getJsonArray("roles"));
        assertThat(roles).contains("PROBE").doesNotContainAnyElementsOf(
                List.of("Student", "Relative", "Teacher", "Personnel", "Guest", "SUPER_ADMIN", "ADMIN_LOCAL",
                        "CLASS_ADMIN"));
    }

    @Test
    void reconciliationKeepsTheSecretAndUndoesDrift() {
        String slug = uniqueSlug("probeidem");
        Collectivity c = service.create(request(slug));
        String realm = "ent-" + slug;
        String secret = realms.probeSecret(c).orElseThrow();
        JsonObject client = client(realm);
        // By hand: the password grant opened, SUPER_ADMIN given to the probe's service account.
        admin.put(realm + "/clients/" + client.getString("id"), Json.createObjectBuilder(client)
                .add("directAccessGrantsEnabled", true).build());
        String account = admin.get(realm + "/clients/" + client.getString("id") + "/service-account-user").object()
                .getString("id");
        admin.post(realm + "/users/" + account + "/role-mappings/realm",
                Json.createArrayBuilder().add(admin.get(realm + "/roles/SUPER_ADMIN").object()).build());

        realms.ensureRealm(c);
        realms.ensureRealm(c);

        assertThat(realms.probeSecret(c)).contains(secret);
        assertThat(admin.get(realm + "/clients?clientId=ent-probe").array()).hasSize(1);
        assertThat(client(realm).getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(admin.get(realm + "/users/" + account + "/role-mappings/realm").array().stream()
                .map(r -> r.asJsonObject().getString("name")).toList()).contains("PROBE").doesNotContain("SUPER_ADMIN");
        JsonObject claims = claims(new ClientCredentials(keycloak.token(realm), "ent-probe", secret).token());
        assertThat(strings(claims.getJsonObject("realm_access").getJsonArray("roles"))).doesNotContain("SUPER_ADMIN");
    }

    @Test
    void theStartUpReconciliationGivesARealmFromBeforeTheProbeItsClientAndLeavesCurrentRealmsAlone() {
        // A registry of its own: the reconciliation walks what the registry says is behind, and this test is about
        // its two collectivities, not about every realm the other tests of this JVM made.
        DataSource own = EmbeddedDatabase.emptyDatabase("probe_" + Long.toString(System.nanoTime(), 36));
        fr.ent.platform.tenants.registry.PlatformSchema.migrate(own);
        CollectivityRepository ownRegistry = new CollectivityRepository(own);
        CollectivityService ownService = new CollectivityService(ownRegistry, new Provisioner(own, ownRegistry,
                new TenantDatabase(own, Optional.empty()), realms, StepGuard.NONE,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                new TenantDatabase(own, Optional.empty()), realms, Runnable::run);
        Collectivity old = ownService.create(request(uniqueSlug("probeold")));
        Collectivity current = ownService.create(request(uniqueSlug("probecur")));
        assertThat(ownRegistry.realmsBehind(RealmDefinition.VERSION)).isEmpty(); // provisioning records it
        // A realm provisioned by an earlier version: no probe client, no PROBE role, and no definition version in
        // the registry (as migration V6 leaves every realm made before it).
        withoutProbe(old);
        ownRegistry.markRealmOutOfDate(old.id());
        // The same change by hand in a realm the registry knows to be current: a start-up does not walk it.
        withoutProbe(current);

        assertThat(new RealmReconciliation(ownRegistry, realms).run()).isEmpty();

        String secret = realms.probeSecret(old).orElseThrow();
        JsonObject claims = claims(new ClientCredentials(keycloak.token(old.names().realm()), "ent-probe", secret)
                .token());
        assertThat(strings(claims.getJsonObject("realm_access").getJsonArray("roles"))).contains("PROBE");
        assertThat(realms.probeSecret(current)).isEmpty();
        assertThat(ownRegistry.realmsBehind(RealmDefinition.VERSION)).isEmpty();
    }

    private void withoutProbe(Collectivity c) {
        String realm = c.names().realm();
        admin.delete(realm + "/clients/" + client(realm).getString("id"));
        admin.delete(realm + "/roles/PROBE");
        assertThat(realms.probeSecret(c)).isEmpty();
    }

    @Test
    void eachRealmHasItsOwnSecretUselessInAnotherRealm() throws Exception {
        String a = uniqueSlug("probea");
        String b = uniqueSlug("probeb");
        Collectivity ca = service.create(request(a));
        Collectivity cb = service.create(request(b));
        String secretOfA = realms.probeSecret(ca).orElseThrow();

        assertThat(realms.probeSecret(cb)).isPresent().get().isNotEqualTo(secretOfA);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(keycloak.token("ent-" + b))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=ent-probe"
                        + "&client_secret=" + secretOfA)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(parse(refused.body()).getString("error")).isEqualTo("unauthorized_client");
    }

    @Test
    void theSecretIsNeverLogged() {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger identity = Logger.getLogger("fr.ent.platform");
        identity.addHandler(capture);
        try {
            String slug = uniqueSlug("probelog");
            Collectivity c = service.create(request(slug));
            realms.ensureRealm(c);
            String secret = realms.probeSecret(c).orElseThrow();
            assertThat(messages).isNotEmpty().noneMatch(m -> m.contains(secret));
        } finally {
            identity.removeHandler(capture);
        }
    }

    private JsonObject client(String realm) {
        return admin.get(realm + "/clients?clientId=ent-probe").array().getJsonObject(0);
    }

    private static List<String> audiences(JsonValue aud) {
        return aud instanceof JsonString s ? List.of(s.getString()) : strings(aud.asJsonArray());
    }
}
