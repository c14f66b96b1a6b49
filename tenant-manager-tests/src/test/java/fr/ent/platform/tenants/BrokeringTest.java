package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static fr.ent.platform.tenants.RealmProvisioningTest.parse;
import static fr.ent.platform.tenants.RealmProvisioningTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.tenants.brokering.Brokering;
import fr.ent.platform.tenants.brokering.ExternalIdentities;
import fr.ent.platform.tenants.brokering.UpstreamProvider;
import fr.ent.platform.tenants.brokering.UpstreamProviderStore;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.ActivationExpiry;
import fr.ent.platform.tenants.identity.BrowserFlow;
import fr.ent.platform.tenants.identity.DirectoryAccounts;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.identity.FirstBrokerLogin;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.testing.database.TestDatabase;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Identity brokering against a real Keycloak: a second realm plays EduConnect (OIDC), collectivity realms broker to
 * it, and a browser-like client clicks the provider's button, logs in upstream and comes back with a code.
 */
class BrokeringTest {

    static final String PASSWORD = "mot-de-passe-amont-1";
    static final String ALIAS = "educonnect";

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database, realms, Runnable::run);
    private final AccountSync accounts = new AccountSync(db, realms, AccountSync.Method.PARTIAL_IMPORT, 50, 1);
    private final UpstreamProviderStore store = new UpstreamProviderStore(db);
    private final Brokering brokering = new Brokering(realms, store, new ExternalIdentities(db));
    /** Keycloak seen as "localhost": the upstream realm's cookies and issuer are on another host than the ENT's. */
    private final String keycloak = TestKeycloak.server().baseUrl().toString().replaceAll("/+$", "");
    private final String upstreamBase = keycloak.replace("127.0.0.1", "localhost");

    @Test
    void aPupilSignsInThroughTheUpstreamProviderOntoTheirOwnAccountOnlyInTheirCollectivity() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("bra")));
        Collectivity b = service.create(request(uniqueSlug("brb")));
        UUID lea = insertUser(a, "Student", "Léa", "Martin");
        UUID other = insertUser(a, "Student", "Léo", "Martin");
        insertUser(b, "Student", "Léa", "Martin"); // a namesake in B: never to be matched by name or e-mail
        accounts.sync(a);
        accounts.sync(b);
        Upstream upstream = upstreamRealm();

        assertThat(brokering.apply(a, oidc(a, upstream)).linked()).isZero();
        brokering.apply(b, oidc(b, upstream));
        // Idempotent: a second apply changes nothing and leaves one provider.
        brokering.apply(a, oidc(a, upstream));
        assertThat(admin.get(a.names().realm() + "/identity-provider/instances").array()).hasSize(1);

        new ExternalIdentities(db).record(a.names(), ALIAS, List.of(
                new ExternalIdentities.Link(lea, upstream.userId("lea.educ"))));
        Brokering.Links links = brokering.link(a, ALIAS);
        assertThat(links.linked()).isEqualTo(1);
        assertThat(brokering.link(a, ALIAS).alreadyLinked()).isEqualTo(1);
        String leaAccount = account(a, lea);
        assertThat(admin.get(a.names().realm() + "/users/" + leaAccount + "/federated-identity").array()
                .getJsonObject(0).getString("userId")).isEqualTo(upstream.userId("lea.educ"));
        // Her pending activation code is withdrawn: she signs in through the provider, no password to choose.
        JsonObject leaUser = admin.get(a.names().realm() + "/users/" + leaAccount).object();
        assertThat(strings(leaUser.getJsonArray("requiredActions"))).isEmpty();
        assertThat(leaUser.getJsonObject("attributes")).containsKey(Claims.USER_ID)
                .doesNotContainKey(ActivationExpiry.EXPIRES_ATTRIBUTE);
        String countA = count(a);
        String countB = count(b);

        // A: Léa's upstream login lands on Léa's ENT account.
        Login login = login(a, "lea.educ");
        assertThat(login.accessToken()).as(login.page()).isPresent();
        assertThat(claims(login.accessToken().get()).getString("ent_user_id")).isEqualTo(lea.toString());
        assertThat(claims(login.accessToken().get()).getString("ent_user_id")).isNotEqualTo(other.toString());

        // B has the provider too, but no link for her: refused, nothing created in B.
        Login crossing = login(b, "lea.educ");
        assertThat(crossing.accessToken()).isEmpty();
        assertThat(crossing.page()).contains("reliée à aucun compte");
        assertThat(count(b)).isEqualTo(countB);
        assertThat(admin.get(b.names().realm() + "/users?idpAlias=" + ALIAS).array()).isEmpty();

        // An upstream identity nobody linked: refused, nothing created in A.
        Login unknown = login(a, "inconnu.educ");
        assertThat(unknown.accessToken()).isEmpty();
        assertThat(unknown.page()).contains("reliée à aucun compte");
        assertThat(count(a)).isEqualTo(countA);

        // The realm is lost and re-created: the registry's provider and the directory's links come back.
        admin.delete(a.names().realm());
        realms.ensureRealm(a);
        brokering.reapply(a);
        assertThat(brokering.link(a, ALIAS).withoutAccount()).isEqualTo(1);
        accounts.sync(a);
        brokering.linkAll(a);
        Login again = login(a, "lea.educ");
        assertThat(again.accessToken()).as(again.page()).isPresent();
        assertThat(claims(again.accessToken().get()).getString("ent_user_id")).isEqualTo(lea.toString());
    }

    @Test
    void aDirectoryPersonNeverImportedSignsInThroughTheUpstreamProviderOnlyInTheCollectivityThatKnowsTheSubject()
            throws Exception {
        DirectoryFederationSetup federation = new DirectoryFederationSetup(db, admin,
                "jdbc:postgresql://127.0.0.1:" + TestDatabase.shared().port() + "/postgres");
        CollectivityService federated = new CollectivityService(registry, new Provisioner(db, registry, database,
                realms, StepGuard.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                Optional.of(federation)), database, realms, Runnable::run);
        Collectivity a = federated.create(request(uniqueSlug("brda")));
        Collectivity b = federated.create(request(uniqueSlug("brdb")));
        UUID lea = insertUser(a, "Student", "Léa", "Martin");
        UUID other = insertUser(a, "Student", "Léo", "Martin");
        UUID namesake = insertUser(b, "Student", "Léa", "Martin");
        DirectoryAccounts directory = new DirectoryAccounts(db, java.time.Duration.ofDays(30),
                java.time.Clock.systemUTC());
        directory.create(a, null, java.util.Set.of());
        // b's rows are made without activation codes (ADR 0053): brokering needs the login only.
        directory.createWithoutCodes(b, java.util.Set.of());
        Upstream upstream = upstreamRealm();
        brokering.apply(a, oidc(a, upstream));
        brokering.apply(b, oidc(b, upstream));
        // The first-broker-login flow asks the directory first, then refuses.
        assertThat(admin.get(a.names().realm() + "/authentication/flows/" + Brokering.REFUSAL_FLOW + "/executions")
                .array().stream().map(e -> e.asJsonObject().getString("providerId") + " "
                        + e.asJsonObject().getString("requirement")).toList())
                .containsExactly(FirstBrokerLogin.DIRECTORY_STEP + " ALTERNATIVE",
                        "deny-access-authenticator ALTERNATIVE");

        // Léa's subject in a's directory, the other upstream person's in b's (for b's namesake).
        new ExternalIdentities(db).record(a.names(), ALIAS, List.of(
                new ExternalIdentities.Link(lea, upstream.userId("lea.educ"))));
        new ExternalIdentities(db).record(b.names(), ALIAS, List.of(
                new ExternalIdentities.Link(namesake, upstream.userId("inconnu.educ"))));
        assertThat(brokering.link(a, ALIAS).withoutAccount()).isEqualTo(1); // not imported yet
        brokering.link(b, ALIAS);
        // Brokering's rule on directory accounts: the linked person's code is withdrawn, the others' stay.
        assertThat(hasCode(a, lea)).isFalse();
        assertThat(hasCode(a, other)).isTrue();
        assertThat(count(a)).isEqualTo("0");

        // a: Léa's first upstream login imports her, linked, without a password to choose.
        Login login = login(a, "lea.educ");
        assertThat(login.accessToken()).as(login.page()).isPresent();
        assertThat(claims(login.accessToken().get()).getString("ent_user_id")).isEqualTo(lea.toString());
        assertThat(count(a)).isEqualTo("1");
        String leaAccount = account(a, lea);
        assertThat(admin.get(a.names().realm() + "/users/" + leaAccount + "/federated-identity").array()
                .getJsonObject(0).getString("userId")).isEqualTo(upstream.userId("lea.educ"));
        JsonObject leaUser = admin.get(a.names().realm() + "/users/" + leaAccount).object();
        assertThat(strings(leaUser.getJsonArray("requiredActions"))).isEmpty();
        assertThat(admin.get(a.names().realm() + "/users/" + leaAccount + "/credentials").array()).isEmpty();
        // Her next login finds the linked account: nothing imported again.
        assertThat(login(a, "lea.educ").accessToken()).isPresent();
        assertThat(count(a)).isEqualTo("1");

        // The subject b's directory knows does not open a; Léa's does not open b; nothing is created for either.
        Login crossing = login(a, "inconnu.educ");
        assertThat(crossing.accessToken()).isEmpty();
        assertThat(crossing.page()).contains("reliée à aucun compte");
        assertThat(count(a)).isEqualTo("1");
        Login crossingB = login(b, "lea.educ");
        assertThat(crossingB.accessToken()).isEmpty();
        assertThat(crossingB.page()).contains("reliée à aucun compte");
        assertThat(count(b)).isEqualTo("0");
        // ...while b's own person signs in there.
        Login own = login(b, "inconnu.educ");
        assertThat(own.accessToken()).as(own.page()).isPresent();
        assertThat(claims(own.accessToken().get()).getString("ent_user_id")).isEqualTo(namesake.toString());

        // The end of rights closes the brokered first login too.
        UUID leo = other;
        new ExternalIdentities(db).record(a.names(), ALIAS, List.of(
                new ExternalIdentities.Link(leo, upstream.userId("inconnu.educ"))));
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + a.names().schema() + ".ent_user SET rights_lost_at = now() WHERE id = ?")) {
            ps.setObject(1, leo);
            ps.executeUpdate();
        }
        assertThat(login(a, "inconnu.educ").accessToken()).isEmpty();
        assertThat(count(a)).isEqualTo("1");
    }

    @Test
    void aPersonJustImportedSignsInThroughTheUpstreamProviderOnceARoundHasMadeTheirRow() throws Exception {
        DirectoryFederationSetup federation = new DirectoryFederationSetup(db, admin,
                "jdbc:postgresql://127.0.0.1:" + TestDatabase.shared().port() + "/postgres");
        CollectivityService federated = new CollectivityService(registry, new Provisioner(db, registry, database,
                realms, StepGuard.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                Optional.of(federation)), database, realms, Runnable::run);
        Collectivity a = federated.create(request(uniqueSlug("brra"))); // its accounts in its directory
        Upstream upstream = upstreamRealm();
        brokering.apply(a, oidc(a, upstream));
        // What an import leaves (BE1D, AAF in the runtime): the person and their EduConnect subject, no account row.
        UUID lea = insertUser(a, "Student", "Léa", "Martin");
        new ExternalIdentities(db).record(a.names(), ALIAS, List.of(
                new ExternalIdentities.Link(lea, upstream.userId("lea.educ"))));
        Login before = login(a, "lea.educ");
        assertThat(before.accessToken()).isEmpty();
        assertThat(before.page()).contains("reliée à aucun compte");
        assertThat(count(a)).isEqualTo("0");

        // One round of the reconciliation (DirectoryAccountsTask's) makes her row, without a code: she is in.
        assertThat(new fr.ent.platform.tenants.identity.DirectoryAccountRows(db, admin).reconcile(a))
                .contains(new DirectoryAccounts.Bulk(1, 0, 1));
        Login after = login(a, "lea.educ");
        assertThat(after.accessToken()).as(after.page()).isPresent();
        assertThat(claims(after.accessToken().get()).getString("ent_user_id")).isEqualTo(lea.toString());
        assertThat(admin.get(a.names().realm() + "/users/" + account(a, lea)).object().getString("username"))
                .isEqualTo("lea.martin");
    }

    private boolean hasCode(Collectivity c, UUID userId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT activation_hash IS NOT NULL FROM " + c.names().schema() + ".ent_account WHERE user_id = ?")) {
            ps.setObject(1, userId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }

    @Test
    void anAdministratorSigningInThroughTheUpstreamProviderStillGivesASecondFactor() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("bro")));
        UUID director = insertUser(a, "Personnel", "Claire", "Petit");
        accounts.sync(a);
        String account = account(a, director);
        admin.post(a.names().realm() + "/users/" + account + "/role-mappings/realm", Json.createArrayBuilder()
                .add(admin.get(a.names().realm() + "/roles/SUPER_ADMIN").object()).build());
        Upstream upstream = upstreamRealm();
        brokering.apply(a, oidc(a, upstream));
        assertThat(admin.get(a.names().realm() + "/identity-provider/instances/" + ALIAS).object()
                .getString("postBrokerLoginFlowAlias")).isEqualTo(BrowserFlow.POST_BROKER_ALIAS);
        new ExternalIdentities(db).record(a.names(), ALIAS, List.of(
                new ExternalIdentities.Link(director, upstream.userId("lea.educ"))));
        assertThat(brokering.link(a, ALIAS).linked()).isEqualTo(1);

        // The upstream password alone opens nothing: Keycloak asks her to enrol an authenticator (no OTP yet).
        Login login = login(a, "lea.educ");
        assertThat(login.accessToken()).isEmpty();
        assertThat(login.page()).contains("kc-totp-settings-form");
    }

    @Test
    void theClientSecretIsKeptWhenNotResentAndLinksFollowTheDirectory() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("brs")));
        UUID one = insertUser(a, "Teacher", "Anne", "Roux");
        UUID two = insertUser(a, "Teacher", "Paul", "Roux");
        accounts.sync(a);
        Upstream upstream = upstreamRealm();
        UpstreamProvider first = store.save(a, oidc(a, upstream));
        assertThat(first.clientSecret()).contains(Upstream.SECRET);
        UpstreamProvider again = store.save(a, oidc(a, upstream).withSecret(Optional.empty()));
        assertThat(again.clientSecret()).contains(Upstream.SECRET);
        brokering.apply(a, again);

        ExternalIdentities directory = new ExternalIdentities(db);
        directory.record(a.names(), ALIAS, List.of(new ExternalIdentities.Link(one, "sujet-1")));
        assertThat(brokering.link(a, ALIAS).linked()).isEqualTo(1);
        // The subject moves to someone else: the old link goes, the new one comes.
        ExternalIdentities.Recorded moved = directory.record(a.names(), ALIAS, List.of(
                new ExternalIdentities.Link(two, "sujet-1"), new ExternalIdentities.Link(UUID.randomUUID(), "x")));
        assertThat(moved.unknownUsers()).hasSize(1);
        Brokering.Links links = brokering.link(a, ALIAS);
        assertThat(links.linked()).isEqualTo(1);
        assertThat(links.unlinked()).isEqualTo(1);
        assertThat(admin.get(a.names().realm() + "/users/" + account(a, one) + "/federated-identity").array())
                .isEmpty();
        assertThat(admin.get(a.names().realm() + "/users/" + account(a, two) + "/federated-identity").array()
                .getJsonObject(0).getString("userId")).isEqualTo("sujet-1");
        // Keycloak never gives the secret back either.
        String secret = admin.get(a.names().realm() + "/identity-provider/instances/" + ALIAS).object()
                .getJsonObject("config").getString("clientSecret");
        assertThat(secret).isNotEqualTo(Upstream.SECRET);
    }

    @Test
    void anAcademicSamlProviderIsConfiguredFromItsMetadata() throws Exception {
        Collectivity a = service.create(request(uniqueSlug("brm")));
        Upstream upstream = upstreamRealm();
        String metadata = upstreamBase + "/realms/" + upstream.realm() + "/protocol/saml/descriptor";
        Map<String, String> found = brokering.discover(a, UpstreamProvider.Kind.SAML, metadata);
        assertThat(found).containsKeys("singleSignOnServiceUrl", "idpEntityId");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("idpEntityId", found.get("idpEntityId"));
        settings.put("singleSignOnServiceUrl", found.get("singleSignOnServiceUrl"));
        settings.put("signingCertificate", found.getOrDefault("signingCertificate", ""));
        settings.put("principalType", "ATTRIBUTE");
        settings.put("principalAttribute", "FrEduCtId");
        brokering.apply(a, store.save(a, new UpstreamProvider("ac-nantes", UpstreamProvider.Kind.SAML,
                "Académie de Nantes", settings, Optional.empty())));
        JsonObject idp = admin.get(a.names().realm() + "/identity-provider/instances/ac-nantes").object();
        assertThat(idp.getString("providerId")).isEqualTo("saml");
        assertThat(idp.getString("displayName")).isEqualTo("Académie de Nantes");
        assertThat(idp.getString("firstBrokerLoginFlowAlias")).isEqualTo(Brokering.REFUSAL_FLOW);
        assertThat(idp.getJsonObject("config").getString("principalAttribute")).isEqualTo("FrEduCtId");
        assertThat(idp.getJsonObject("config").getString("singleSignOnServiceUrl"))
                .startsWith(upstreamBase + "/realms/" + upstream.realm());
    }

    /** The upstream provider as the API would build it from the discovery document. */
    private UpstreamProvider oidc(Collectivity c, Upstream upstream) {
        String discovery = upstreamBase + "/realms/" + upstream.realm() + "/.well-known/openid-configuration";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("clientId", Upstream.CLIENT);
        settings.put("defaultScope", "openid");
        Map<String, String> found = brokering.discover(c, UpstreamProvider.Kind.OIDC, discovery);
        for (String k : List.of("issuer", "authorizationUrl", "tokenUrl", "userInfoUrl", "jwksUrl", "logoutUrl")) {
            if (found.containsKey(k)) {
                settings.put(k, found.get(k));
            }
        }
        return store.save(c, new UpstreamProvider(ALIAS, UpstreamProvider.Kind.OIDC, "ÉduConnect", settings,
                Optional.of(Upstream.SECRET)));
    }

    record Upstream(String realm, Map<String, String> ids) {
        static final String CLIENT = "ent-broker";
        static final String SECRET = "secret-du-courtier-ent";

        String userId(String username) {
            return ids.get(username);
        }
    }

    /** A realm playing EduConnect: a confidential client for the ENT realms' broker, two people. */
    private Upstream upstreamRealm() {
        String realm = "educonnect-" + uniqueSlug("t");
        var users = Json.createArrayBuilder();
        for (String username : List.of("lea.educ", "inconnu.educ")) {
            users.add(Json.createObjectBuilder().add("username", username).add("enabled", true)
                    .add("firstName", "Léa").add("lastName", "Martin")
                    .add("email", username + "@example.invalid").add("emailVerified", true)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", PASSWORD).add("temporary", false))));
        }
        admin.post("", Json.createObjectBuilder().add("realm", realm).add("enabled", true)
                .add("clients", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("clientId", Upstream.CLIENT).add("enabled", true).add("publicClient", false)
                        .add("secret", Upstream.SECRET).add("standardFlowEnabled", true)
                        .add("directAccessGrantsEnabled", false)
                        .add("redirectUris", Json.createArrayBuilder().add(keycloak + "/realms/*"))))
                .add("users", users).build());
        Map<String, String> ids = new LinkedHashMap<>();
        for (String username : List.of("lea.educ", "inconnu.educ")) {
            ids.put(username, admin.get(realm + "/users?exact=true&username=" + username).array().getJsonObject(0)
                    .getString("id"));
        }
        return new Upstream(realm, ids);
    }

    record Login(Optional<String> accessToken, String page) {
    }

    /** The portal's code flow on the collectivity's realm, through the provider's button and the upstream login. */
    private Login login(Collectivity c, String upstreamUser) throws Exception {
        LoginAgent agent = new LoginAgent();
        String redirect = "http://" + c.domains().getFirst() + ":9080/auth/callback";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String realm = c.names().realm();
        HttpResponse<String> page = agent.follow(agent.get(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid&state=s1"
                + "&redirect_uri=" + LoginAgent.encode(redirect) + "&code_challenge_method=S256&code_challenge="
                + challenge), redirect);
        assertThat(page.body()).contains("ÉduConnect");
        HttpResponse<String> upstreamPage = agent.follow(agent.get(agent.link(page, "social-" + ALIAS)), redirect);
        assertThat(upstreamPage.uri().getHost()).isEqualTo("localhost");
        HttpResponse<String> answer = agent.follow(agent.submitLogin(upstreamPage, upstreamUser, PASSWORD), redirect);
        if (!LoginAgent.isRedirect(answer) || !LoginAgent.location(answer).orElseThrow().startsWith(redirect)) {
            return new Login(Optional.empty(), answer.statusCode() + " " + answer.body());
        }
        String code = LoginAgent.query(LoginAgent.location(answer).orElseThrow()).get("code");
        HttpResponse<String> tokens = agent.send("POST", URI.create(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/token"), "grant_type=authorization_code&client_id=portal&code="
                + LoginAgent.encode(code) + "&redirect_uri=" + LoginAgent.encode(redirect) + "&code_verifier="
                + LoginAgent.encode(verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return new Login(Optional.of(parse(tokens.body()).getString("access_token")), "");
    }

    private static JsonObject claims(String jwt) {
        return parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private String count(Collectivity c) {
        return admin.get(c.names().realm() + "/users/count").body();
    }

    private String account(Collectivity c, UUID entUserId) {
        return admin.get(c.names().realm() + "/users?exact=true&q=ent_user_id:" + entUserId).array()
                .getJsonObject(0).getString("id");
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
