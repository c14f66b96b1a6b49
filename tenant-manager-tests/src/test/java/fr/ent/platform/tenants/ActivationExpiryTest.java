package fr.ent.platform.tenants;

import static fr.ent.platform.tenants.ProvisioningTest.request;
import static fr.ent.platform.tenants.ProvisioningTest.uniqueSlug;
import static fr.ent.platform.tenants.RealmProvisioningTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.ActivationExpiry;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Activation codes expire: a real Keycloak, a real collectivity schema, and the person typing the code into
 * Keycloak's login form. Time is moved with a clock given to the sync and to the expiry pass, not by waiting.
 */
class ActivationExpiryTest {

    private final DataSource db = EmbeddedDatabase.dataSource();
    private final CollectivityRepository registry = new CollectivityRepository(db);
    private final TenantDatabase database = new TenantDatabase(db, Optional.empty());
    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();
    private final CollectivityService service = new CollectivityService(registry,
            new Provisioner(db, registry, database, realms, StepGuard.NONE,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), database, realms, Runnable::run);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-09-01T08:00:00Z"));
    private final AccountSync sync = new AccountSync(db, realms, AccountSync.Method.PARTIAL_IMPORT, 50, 1,
            Duration.ofDays(30), clock);
    private final ActivationExpiry expiry = new ActivationExpiry(admin, clock);

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aCodeWorksDuringItsValidityThenIsRefusedWithAClearMessageAndOnlyUnusedCodesOfThatRealmExpire()
            throws Exception {
        Collectivity a = service.create(request(uniqueSlug("expa")));
        Collectivity b = service.create(request(uniqueSlug("expb")));
        insertUser(a, "Student", "Léa", "Martin");
        insertUser(a, "Relative", "Marc", "Martin");
        insertUser(b, "Student", "Hugo", "Petit");
        Instant start = clock.instant();
        AccountSync.Result result = sync.sync(a);
        AccountSync.Result resultB = sync.sync(b);
        AccountSync.NewAccount pupil = account(result, "lea.martin");
        AccountSync.NewAccount parent = account(result, "marc.martin");
        assertThat(pupil.expiresAt()).isEqualTo(start.plus(Duration.ofDays(30)));
        assertThat(strings(user(a, pupil.login()).getJsonObject("attributes").getJsonArray("ent_activation_expires")))
                .containsExactly("2026-10-01T08:00:00Z");

        // The parent activates their account in time (chooses a password): their code is used, not expirable.
        String parentId = user(a, parent.login()).getString("id");
        admin.put(a.names().realm() + "/users/" + parentId, Json.createObjectBuilder(user(a, parent.login()))
                .add("requiredActions", Json.createArrayBuilder()).build());

        // One second before the end: nothing expires; the code opens Keycloak's "choose your password" page.
        clock.set(pupil.expiresAt().minusSeconds(1));
        assertThat(expiry.expire(a.names().realm())).isZero();
        assertThat(login(a, pupil.login(), pupil.activationCode())).contains("kc-passwd-update-form");

        // At the end: the code is refused after being checked, with a message saying what to do.
        clock.set(pupil.expiresAt());
        assertThat(expiry.expire(a.names().realm())).isEqualTo(1);
        assertThat(expiry.expire(a.names().realm())).as("idempotent").isZero();
        String refused = login(a, pupil.login(), pupil.activationCode());
        assertThat(refused).contains("Votre code d’activation a expiré")
                .contains("Demandez un nouveau code").doesNotContain("kc-passwd-update-form");
        // A wrong code says nothing about the account.
        assertThat(login(a, pupil.login(), "AAAA-BBBB-CCCC")).doesNotContain("expiré").contains("kc-form-login");
        assertThat(user(a, parent.login()).getJsonObject("attributes").containsKey("ent_activation")).isFalse();

        // B's accounts were not touched by A's pass, however old: only B's own pass (or sync) marks them.
        AccountSync.NewAccount pupilB = account(resultB, "hugo.petit");
        assertThat(user(b, pupilB.login()).getJsonObject("attributes").containsKey("ent_activation")).isFalse();
        assertThat(sync.sync(b).created()).isEmpty(); // each sync starts with the pass of its own realm
        assertThat(login(b, pupilB.login(), pupilB.activationCode())).contains("code d’activation a expiré");
    }

    private static AccountSync.NewAccount account(AccountSync.Result result, String login) {
        return result.created().stream().filter(n -> n.login().equals(login)).findFirst().orElseThrow();
    }

    private JsonObject user(Collectivity c, String login) {
        return admin.get(c.names().realm() + "/users?exact=true&briefRepresentation=false&username=" + login)
                .array().getJsonObject(0);
    }

    /**
     * Keycloak's login form as a browser fills it; returns the page shown after the password. Cookies are kept by
     * hand: Keycloak marks them Secure, which the JDK's CookieManager then never sends over http://127.0.0.1,
     * where browsers do (loopback counts as a secure context).
     */
    private String login(Collectivity c, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        String base = TestKeycloak.server().baseUrl() + "/realms/" + c.names().realm();
        String redirect = URLEncoder.encode("http://" + c.domains().getFirst() + ":9080/auth/callback",
                StandardCharsets.UTF_8);
        HttpResponse<String> page = send(http, cookies, HttpRequest.newBuilder(URI.create(base
                + "/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid&state=s"
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&redirect_uri=" + redirect)));
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*"
                + "id=\"kc-form-login\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        HttpResponse<String> answer = send(http, cookies, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&credentialId=")));
        for (int hops = 0; hops < 5 && answer.statusCode() == 302; hops++) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            if (location.contains("/auth/callback")) {
                return "REDIRECTED TO THE PORTAL " + location;
            }
            answer = send(http, cookies, HttpRequest.newBuilder(URI.create(location)));
        }
        return answer.body();
    }

    private static HttpResponse<String> send(HttpClient http, Map<String, String> cookies,
            HttpRequest.Builder request) throws Exception {
        request.header("Accept-Language", "fr");
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private void insertUser(Collectivity c, String profile, String first, String last) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + c.names().schema() + ".ent_user (id, profile, first_name, last_name, search_key)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, profile);
            ps.setString(3, first);
            ps.setString(4, last);
            ps.setString(5, (last + " " + first).toLowerCase());
            ps.executeUpdate();
        }
    }
}
