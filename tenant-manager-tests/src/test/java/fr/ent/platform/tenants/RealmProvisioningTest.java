package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.branding.Branding;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PasswordHashing;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.registry.ProvisioningStep;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.registry.StepRecord;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityChange;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import fr.ent.platform.testing.ports.FreePorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The REALM step and the realm's lifecycle against a real Keycloak, read back through its Admin REST API. */
class RealmProvisioningTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final CollectivityService service = service(realms);
    private final HttpClient http = HttpClient.newHttpClient();

    private CollectivityService service(IdentityRealms identity) {
        return new CollectivityService(registry, new Provisioner(db, registry, database, identity, StepGuard.NONE,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                database, identity, Runnable::run);
    }

    @Test
    void provisioningCreatesTheRealmWithItsSettingsRolesClientsAndMappers() {
        String slug = uniqueSlug("realm");
        Collectivity c = service.create(request(slug));

        assertThat(c.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(service.steps(c)).extracting(StepRecord::step).containsExactly(ProvisioningStep.SCHEMA,
                ProvisioningStep.MIGRATIONS, ProvisioningStep.REALM, ProvisioningStep.SEED);
        JsonObject realm = admin.get("ent-" + slug).object();
        assertThat(realm.getString("displayName")).isEqualTo("Commune " + slug);
        assertThat(realm.getBoolean("enabled")).isTrue();
        assertThat(realm.getString("sslRequired")).isEqualTo("external");
        assertThat(realm.getString("passwordPolicy")).contains("length(12)").contains("notUsername")
                .contains("passwordHistory(3)");
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        assertThat(realm.getString("defaultLocale")).isEqualTo("fr");
        assertThat(strings(realm.getJsonArray("supportedLocales"))).containsExactlyInAnyOrder("fr", "en", "es");
        assertThat(realm.getString("loginTheme")).isEqualTo(RealmDefinition.LOGIN_THEME);
        assertThat(roles("ent-" + slug)).contains("Student", "Relative", "Teacher", "Personnel", "Guest",
                "SUPER_ADMIN", "ADMIN_LOCAL", "CLASS_ADMIN");

        JsonObject portal = client("ent-" + slug, "portal");
        assertThat(portal.getBoolean("publicClient")).isTrue();
        assertThat(portal.getBoolean("standardFlowEnabled")).isTrue();
        assertThat(portal.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(portal.getBoolean("implicitFlowEnabled")).isFalse();
        assertThat(portal.getBoolean("frontchannelLogout")).isFalse();
        assertThat(strings(portal.getJsonArray("redirectUris"))).containsExactly("http://" + slug + ".localhost:9080/*");
        assertThat(strings(portal.getJsonArray("webOrigins"))).containsExactly("http://" + slug + ".localhost:9080");
        JsonObject attributes = portal.getJsonObject("attributes");
        assertThat(attributes.getString("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(attributes.getString("backchannel.logout.url"))
                .isEqualTo("http://" + slug + ".localhost:9080/auth/backchannel-logout");
        assertThat(attributes.getString("backchannel.logout.session.required")).isEqualTo("true");
        assertThat(mappers("ent-" + slug, portal)).containsExactlyInAnyOrder("ent-api audience", "ent_user_id",
                "ent_profile", "admin_structures", "collectivity");
        JsonObject api = client("ent-" + slug, "ent-api");
        assertThat(api.getBoolean("standardFlowEnabled")).isFalse();
        assertThat(api.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(api.getBoolean("serviceAccountsEnabled")).isFalse();
    }

    @Test
    void reRunningTheStepIsIdempotentAndUndoesDrift() {
        String slug = uniqueSlug("idem");
        Collectivity c = service.create(request(slug));
        JsonObject portal = client("ent-" + slug, "portal");
        // Someone changed the realm by hand: the next run puts the definition back, without duplicating anything.
        admin.put("ent-" + slug + "/clients/" + portal.getString("id"), Json.createObjectBuilder(portal)
                .add("directAccessGrantsEnabled", true).add("redirectUris", Json.createArrayBuilder().add("*")).build());
        admin.put("ent-" + slug, Json.createObjectBuilder().add("bruteForceProtected", false).build());

        realms.ensureRealm(c);
        realms.ensureRealm(c);

        JsonObject again = client("ent-" + slug, "portal");
        assertThat(again.getString("id")).isEqualTo(portal.getString("id"));
        assertThat(again.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(strings(again.getJsonArray("redirectUris"))).containsExactly("http://" + slug + ".localhost:9080/*");
        assertThat(admin.get("ent-" + slug).object().getBoolean("bruteForceProtected")).isTrue();
        assertThat(admin.get("ent-" + slug + "/clients?clientId=portal").array()).hasSize(1);
        assertThat(mappers("ent-" + slug, again)).hasSize(5);
        assertThat(roles("ent-" + slug)).filteredOn(r -> r.equals("Teacher")).hasSize(1);
    }

    @Test
    void keycloakUnreachableLeavesFailedAtRealmAndRetryResumesThereAndCreatesIt() {
        String slug = uniqueSlug("kcdown");
        int closed = FreePorts.next();
        KeycloakRealms unreachable = new KeycloakRealms(new KeycloakAdmin(URI.create("http://127.0.0.1:" + closed),
                new AdminCredentials.Password("master", "admin", "admin")), new PortalUrls(TestKeycloak.PORTAL_TEMPLATE),
                Optional.empty());

        Collectivity failed = service(unreachable).create(request(slug));

        assertThat(failed.state()).isEqualTo(TenantState.FAILED);
        assertThat(failed.failedStep()).isEqualTo("REALM");
        assertThat(failed.failureReason()).contains("Keycloak unreachable");
        assertThat(service.steps(failed)).extracting(StepRecord::status).containsExactly("DONE", "DONE", "FAILED",
                "PENDING");
        assertThat(admin.find("ent-" + slug)).isEmpty();

        Collectivity retried = service.retry(slug);

        assertThat(retried.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(service.steps(retried)).extracting(StepRecord::attempts).containsExactly(1, 1, 2, 1);
        assertThat(admin.find("ent-" + slug)).isPresent();
    }

    @Test
    void withoutKeycloakConfiguredProvisioningIsRefusedWithAClearProblem() {
        String slug = uniqueSlug("nokc");
        assertThatThrownBy(() -> service(IdentityRealms.UNCONFIGURED).create(request(slug)))
                .isInstanceOfSatisfying(DomainException.class, p -> {
                    assertThat(ProblemStatuses.status(p)).isEqualTo(503);
                    assertThat(p.code()).isEqualTo("identity-not-configured");
                });
        assertThat(registry.find(slug)).isEmpty();

        String existing = uniqueSlug("nokcact");
        service.create(request(existing));
        CollectivityService unconfigured = service(IdentityRealms.UNCONFIGURED);
        assertThatThrownBy(() -> unconfigured.suspend(existing)).isInstanceOfSatisfying(DomainException.class,
                p -> assertThat(p.code()).isEqualTo("identity-not-configured"));
        assertThatThrownBy(() -> unconfigured.change(existing, CollectivityChange.of("X", null, null)))
                .isInstanceOf(DomainException.class);
        assertThat(service.get(existing).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(service.get(existing).displayName()).isEqualTo("Commune " + existing);
    }

    @Test
    void suspendDisablesResumeEnablesArchiveDisablesAndDeleteRemovesTheRealm() {
        String slug = uniqueSlug("life");
        service.create(request(slug));
        service.suspend(slug);
        assertThat(enabled("ent-" + slug)).isFalse();
        service.resume(slug);
        assertThat(enabled("ent-" + slug)).isTrue();
        service.archive(slug);
        assertThat(enabled("ent-" + slug)).isFalse();
        service.delete(slug, false);
        assertThat(admin.find("ent-" + slug)).isEmpty();
    }

    @Test
    void deleteRetainingDataKeepsTheRealmDisabled() {
        String slug = uniqueSlug("keep");
        service.create(request(slug));
        service.archive(slug);
        service.delete(slug, true);
        assertThat(admin.find("ent-" + slug)).isPresent();
        assertThat(enabled("ent-" + slug)).isFalse();
    }

    @Test
    void aKeycloakFailureDuringSuspendPutsTheStateBack() {
        String slug = uniqueSlug("susfail");
        service.create(request(slug));
        KeycloakRealms unreachable = new KeycloakRealms(new KeycloakAdmin(
                URI.create("http://127.0.0.1:" + FreePorts.next()),
                new AdminCredentials.Password("master", "admin", "admin")), new PortalUrls(TestKeycloak.PORTAL_TEMPLATE),
                Optional.empty());

        assertThatThrownBy(() -> service(unreachable).suspend(slug)).isInstanceOfSatisfying(DomainException.class,
                p -> assertThat(p.code()).isEqualTo("identity-failed"));
        assertThat(service.get(slug).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(enabled("ent-" + slug)).isTrue();
    }

    @Test
    void changingDomainsAndNameUpdatesThePortalClientAndTheRealm() {
        String slug = uniqueSlug("dom");
        service.create(request(slug));
        service.change(slug, CollectivityChange.of("Ville renommée", null,
                List.of("ent." + slug + ".localhost", "www." + slug + ".localhost")));

        JsonObject portal = client("ent-" + slug, "portal");
        assertThat(strings(portal.getJsonArray("redirectUris"))).containsExactlyInAnyOrder(
                "http://ent." + slug + ".localhost:9080/*", "http://www." + slug + ".localhost:9080/*");
        assertThat(strings(portal.getJsonArray("webOrigins"))).containsExactlyInAnyOrder(
                "http://ent." + slug + ".localhost:9080", "http://www." + slug + ".localhost:9080");
        assertThat(portal.getJsonObject("attributes").getString("backchannel.logout.url"))
                .isEqualTo("http://ent." + slug + ".localhost:9080/auth/backchannel-logout");
        assertThat(admin.get("ent-" + slug).object().getString("displayName")).isEqualTo("Ville renommée");
    }

    @Test
    void operationsOnOneCollectivityNeverTouchAnotherOnesRealm() {
        String a = uniqueSlug("isoa");
        String b = uniqueSlug("isob");
        service.create(request(a));
        service.create(request(b));
        List<String> redirectsOfA = strings(client("ent-" + a, "portal").getJsonArray("redirectUris"));

        service.change(b, CollectivityChange.of("B", null, List.of("x." + b + ".localhost")));
        service.suspend(b);
        service.archive(b);
        service.delete(b, false);

        assertThat(admin.find("ent-" + b)).isEmpty();
        assertThat(enabled("ent-" + a)).isTrue();
        assertThat(strings(client("ent-" + a, "portal").getJsonArray("redirectUris"))).isEqualTo(redirectsOfA);
        assertThat(admin.get("ent-" + a).object().getString("displayName")).isEqualTo("Commune " + a);
    }

    @Test
    void aUserOfTheRealmGetsATokenWithIssuerAudienceAndEntClaimsUsableOnlyInItsRealm() throws Exception {
        String slug = uniqueSlug("tok");
        String other = uniqueSlug("tokother");
        Collectivity c = service.create(request(slug));
        service.create(request(other));
        String realm = "ent-" + slug;
        String userId = java.util.UUID.randomUUID().toString();
        String password = "Un-mot-de-passe-long-42";
        String id = admin.post(realm + "/users", Json.createObjectBuilder()
                .add("username", "marie.curie").add("enabled", true).add("firstName", "Marie")
                .add("lastName", "Curie").add("email", "marie@example.org").add("emailVerified", true)
                .add("attributes", Json.createObjectBuilder()
                        .add("ent_user_id", Json.createArrayBuilder().add(userId))
                        .add("ent_profile", Json.createArrayBuilder().add("Teacher"))
                        .add("admin_structures", Json.createArrayBuilder().add("0690001A").add("0690002B")))
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build()).createdId();
        JsonObject teacher = admin.get(realm + "/roles/Teacher").object();
        admin.post(realm + "/users/" + id + "/role-mappings/realm", Json.createArrayBuilder().add(teacher).build());
        // Test only: the portal allows the password grant for a moment; the definition forbids it again below.
        JsonObject portal = client(realm, "portal");
        admin.put(realm + "/clients/" + portal.getString("id"),
                Json.createObjectBuilder(portal).add("directAccessGrantsEnabled", true).build());

        HttpResponse<String> granted = passwordGrant(realm, "marie.curie", password);
        assertThat(granted.statusCode()).isEqualTo(200);
        JsonObject claims = claims(parse(granted.body()).getString("access_token"));
        assertThat(claims.getString("iss")).isEqualTo(TestKeycloak.server().baseUrl() + "/realms/" + realm);
        assertThat(audiences(claims.get("aud"))).contains("ent-api");
        assertThat(claims.getString("azp")).isEqualTo("portal");
        assertThat(claims.getString("ent_user_id")).isEqualTo(userId);
        assertThat(claims.getString("ent_profile")).isEqualTo("Teacher");
        assertThat(claims.getString("collectivity")).isEqualTo(slug);
        assertThat(strings(claims.getJsonArray("admin_structures"))).containsExactlyInAnyOrder("0690001A", "0690002B");
        assertThat(strings(claims.getJsonObject("realm_access").getJsonArray("roles"))).contains("Teacher");

        // The same credentials mean nothing in another collectivity's realm.
        assertThat(passwordGrant("ent-" + other, "marie.curie", password).statusCode()).isIn(400, 401);
        // Re-running the definition closes the password grant again.
        realms.ensureRealm(c);
        assertThat(passwordGrant(realm, "marie.curie", password).statusCode()).isIn(400, 401);
    }

    /**
     * ent.keycloak.password-hashing: a realm made with it hashes passwords so (and keeps the password rules); the REALM
     * step re-run without it puts Keycloak's default hashing back, and with it again brings it back: the reconcile
     * path applies it to existing realms.
     */
    @Test
    void theHashingSettingReachesTheRealmsPolicyAndItsPasswordsAtCreationAndReconciliation() {
        KeycloakRealms production = new KeycloakRealms(admin, new PortalUrls(TestKeycloak.PORTAL_TEMPLATE),
                Optional.of(TestKeycloak.OPERATOR_SECRET), x -> Branding.NONE, PasswordHashing.KEYCLOAK_DEFAULT);
        String slug = uniqueSlug("hash");
        Collectivity c = service(TestKeycloak.realms()).create(request(slug));
        String realm = "ent-" + slug;
        String fast = RealmDefinition.PASSWORD_POLICY + " and " + SharedKeycloak.PASSWORD_HASHING;
        assertThat(admin.get(realm).object().getString("passwordPolicy")).isEqualTo(fast);
        String id = admin.post(realm + "/users", Json.createObjectBuilder().add("username", "ada.hash")
                .add("enabled", true).add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", "Un-mot-de-passe-long-1").add("temporary", false)))
                .build()).createdId();
        assertThat(passwordHashing(realm, id)).isEqualTo("pbkdf2-sha256 x1");
        // the rules stay: too short, refused
        assertThat(setPassword(realm, id, "court").status()).isEqualTo(400);

        production.ensureRealm(c);
        assertThat(admin.get(realm).object().getString("passwordPolicy")).isEqualTo(RealmDefinition.PASSWORD_POLICY);
        assertThat(setPassword(realm, id, "Un-mot-de-passe-long-2").status()).isEqualTo(204);
        assertThat(passwordHashing(realm, id)).startsWith("argon2 ");

        TestKeycloak.realms().ensureRealm(c);
        assertThat(admin.get(realm).object().getString("passwordPolicy")).isEqualTo(fast);
        assertThat(setPassword(realm, id, "Un-mot-de-passe-long-3").status()).isEqualTo(204);
        assertThat(passwordHashing(realm, id)).isEqualTo("pbkdf2-sha256 x1");
    }

    private KeycloakAdmin.Response setPassword(String realm, String userId, String password) {
        return admin.send("PUT", realm + "/users/" + userId + "/reset-password", Json.createObjectBuilder()
                .add("type", "password").add("value", password).add("temporary", false).build());
    }

    /** The algorithm and iterations of the user's password, as Keycloak stored them. */
    private String passwordHashing(String realm, String userId) {
        JsonObject credential = admin.get(realm + "/users/" + userId + "/credentials").array().stream()
                .map(JsonValue::asJsonObject).filter(x -> x.getString("type").equals("password")).findFirst()
                .orElseThrow();
        JsonObject data = parse(credential.getString("credentialData"));
        return data.getString("algorithm") + " x" + data.getInt("hashIterations");
    }

    @Test
    void thePlatformRealmGivesTheOperatorClientAPlatformAdminToken() throws Exception {
        realms.ensurePlatformRealm();
        realms.ensurePlatformRealm();

        assertThat(roles("platform")).filteredOn("platform-admin"::equals).hasSize(1);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(TestKeycloak.server().baseUrl()
                        + "/realms/platform/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=operator"
                        + "&client_secret=" + TestKeycloak.OPERATOR_SECRET)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject claims = claims(parse(r.body()).getString("access_token"));
        assertThat(claims.getString("iss")).endsWith("/realms/platform");
        assertThat(strings(claims.getJsonObject("realm_access").getJsonArray("roles"))).contains("platform-admin");
    }

    private HttpResponse<String> passwordGrant(String realm, String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestKeycloak.server().baseUrl() + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal&scope=openid"
                        + "&username=" + username + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static List<String> audiences(JsonValue aud) {
        return aud instanceof JsonString s ? List.of(s.getString()) : strings(aud.asJsonArray());
    }

    static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private boolean enabled(String realm) {
        return admin.get(realm).object().getBoolean("enabled");
    }

    private List<String> roles(String realm) {
        return admin.get(realm + "/roles").array().stream().map(r -> r.asJsonObject().getString("name")).toList();
    }

    private JsonObject client(String realm, String clientId) {
        return admin.get(realm + "/clients?clientId=" + clientId).array().getJsonObject(0);
    }

    private List<String> mappers(String realm, JsonObject client) {
        return admin.get(realm + "/clients/" + client.getString("id") + "/protocol-mappers/models").array().stream()
                .map(m -> m.asJsonObject().getString("name")).toList();
    }
}
