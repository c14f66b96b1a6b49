package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.local.KeycloakSetup;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import fr.ent.platform.testing.login.LoginAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Realm shards (issue 19, ADR 0044) on the real platform with two small shards: the test JVM's Keycloak (the
 * configured one, shard {@code default}) and a second Keycloak, shard {@code it-b}, registered with room for one
 * realm. With default closed for a moment, the next collectivity goes to it-b; the one after it to default, since
 * it-b is then full. Each realm is made on its own server only, and each collectivity's token is accepted on its own
 * domain and refused on the other's, whichever way round. (Which of two open shards is the least filled is
 * ShardPlacementTest's.)
 *
 * <p>Isolated: while it-b is open, every collectivity created anywhere would be placed there. The second Keycloak
 * is started once, from a copy of the shared Keycloak's built home (no build step to pay), and stopped at the end;
 * its collectivity is deleted first and the shard closed, so that nothing the other tests read points at it.
 */
@Isolated
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakShardsIT {

    private static final String SHARD = "it-b";
    /** A shard nobody answers on: a move there fails part-way (ADR 0048). */
    private static final String DEAD = "it-dead";
    private static final String PASSWORD = "Mot-de-passe-1";
    private static LocalKeycloak shardB;
    private static String onB;
    /** The collectivity placed on default by the first test, which the second moves to it-b and back. */
    private static String onDefault;

    private final Platform platform = Platform.get();

    @BeforeAll
    static void startSecondShard() throws Exception {
        Platform platform = Platform.get();
        Path shared = Path.of(System.getProperty("ent.keycloak.home", "target/keycloak")).toAbsolutePath();
        Path home = Path.of(System.getProperty("ent.it.work", "target/it-work"), "keycloak-shard-b-"
                + ProcessHandle.current().pid()).toAbsolutePath();
        LocalKeycloak.copyBuiltHome(shared, home);
        shardB = LocalKeycloak.builder(home).admin(SharedKeycloak.ADMIN_USERNAME, SharedKeycloak.ADMIN_PASSWORD)
                .option("--log-level=warn").progress(System.out::println).timeout(Duration.ofMinutes(10)).start();
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO platform.keycloak_shard (name, internal_url, public_url, capacity) VALUES (?, ?, ?, 1)")) {
            ps.setString(1, SHARD);
            ps.setString(2, shardB.baseUrl().toString());
            ps.setString(3, shardB.baseUrl().toString());
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void closeSecondShard() throws Exception {
        Platform platform = Platform.get();
        try {
            // b, and the moved collectivity if a failure left it on it-b: nothing may point at it-b afterwards
            for (String slug : new String[] {onB, onDefault}) {
                if (slug != null && (slug.equals(onB) || SHARD.equals(shardOf(platform, slug)))) {
                    platform.admin("POST", "/collectivities/" + slug + "/archive", null);
                    platform.admin("DELETE", "/collectivities/" + slug, null);
                }
            }
        } finally {
            try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE platform.keycloak_shard SET open = false, capacity = 0 WHERE name = ?")) {
                ps.setString(1, SHARD);
                ps.executeUpdate();
            }
            try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM platform.keycloak_shard WHERE name = ? AND NOT EXISTS (SELECT 1 FROM"
                            + " platform.collectivity WHERE keycloak_shard = ?)")) {
                ps.setString(1, DEAD);
                ps.setString(2, DEAD);
                ps.executeUpdate();
            }
            if (shardB != null) {
                shardB.close();
            }
        }
    }

    @Test
    @Order(1)
    void placesOnTheEmptierShardWithRoomAndEachTokenOpensOnlyItsOwnCollectivity() throws Exception {
        String b = slug("shb");
        String a = slug("sha");
        long started = System.nanoTime();
        onB = b;
        onDefault = a;
        // With default closed, b can only go to it-b (whatever default holds: nothing, if this class runs first).
        openDefault(false);
        try {
            platform.client().ensureActive(b, "commune", "Collectivité " + b, domainOf(b));
        } finally {
            openDefault(true);
        }
        // it-b is full now (1/1): a goes to default however empty or full default is.
        platform.client().ensureActive(a, "commune", "Collectivité " + a, domainOf(a));
        System.out.printf("KeycloakShardsIT: two collectivities provisioned in %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        // Placement: a closed shard takes none, a full one neither.
        assertThat(shardOf(b)).isEqualTo(SHARD);
        assertThat(shardOf(a)).isEqualTo("default");
        // Each realm exists on its own server only.
        KeycloakSetup onShardB = new KeycloakSetup(shardB.baseUrl(), SharedKeycloak.ADMIN_USERNAME,
                SharedKeycloak.ADMIN_PASSWORD);
        assertThat(realmStatus(onShardB, b)).isEqualTo(200);
        assertThat(realmStatus(onShardB, a)).isEqualTo(404);
        assertThat(realmStatus(platform.keycloak(), b)).isEqualTo(404);
        assertThat(realmStatus(platform.keycloak(), a)).isEqualTo(200);

        String tokenOfB = probeToken(onShardB, shardB.baseUrl().toString(), b);
        String tokenOfA = probeToken(platform.keycloak(), platform.identity().baseUrl().toString(), a);
        // Its issuer is shard B's: the runtime takes it from the registry for b, and b only.
        assertThat(probe(b, tokenOfB)).isEqualTo(200);
        assertThat(probe(a, tokenOfA)).isEqualTo(200);
        assertThat(probe(a, tokenOfB)).as("a token of a realm on shard B, on a collectivity of shard default")
                .isEqualTo(401);
        assertThat(probe(b, tokenOfA)).as("a token of a realm on shard default, on a collectivity of shard B")
                .isEqualTo(401);
        // tenant-manager's admin API judges b's tokens on shard B too: the probe's is b's, not an administrator's.
        assertThat(platform.client().admin("GET", "/collectivities/" + b, null, tokenOfB).statusCode())
                .isEqualTo(403);
    }

    /**
     * A realm moved between the two shards in one command (ADR 0048), answered at once (202) and followed at its
     * address until it ends (amended 2026-12): its people sign in with their own password on the new shard, tokens
     * of the old shard are refused, a move that fails part-way leaves the collectivity working on its source, and
     * nobody but a hosting operator can move a realm or see its moves; another collectivity's move is not found.
     */
    @Test
    @Order(2)
    void aRealmMovesToTheOtherShardWithItsPeopleWhoSignInAsBefore() throws Exception {
        String failedMove;
        String a = onDefault;
        String b = onB;
        assertThat(a).as("the first test placed a collectivity on default").isNotNull();
        String realm = Realms.ofCollectivity(a);
        KeycloakSetup onShardB = new KeycloakSetup(shardB.baseUrl(), SharedKeycloak.ADMIN_USERNAME,
                SharedKeycloak.ADMIN_PASSWORD);
        platform.keycloak().ensureUser(realm, "prof.move", "Prénom", "Déplacé", PASSWORD, List.of("Teacher"),
                Map.of());
        LoginAgent before = new LoginAgent(platform.server().runtimeBase());
        assertThat(signIn(before, a, "prof.move", PASSWORD)).isEqualTo("prof.move");
        String oldToken = probeToken(platform.keycloak(), platform.identity().baseUrl().toString(), a);
        assertThat(probe(a, oldToken)).isEqualTo(200);

        // Refused before anything changes, with a problem document each.
        assertProblem(move(a, "nowhere", operator()), 400, "invalid-input");
        assertProblem(move(a, "default", operator()), 409, "realm-move-same-shard");
        assertProblem(move(a, SHARD, operator()), 409, "shard-full"); // b holds it-b's one place
        assertProblem(move("nosuch-" + a, SHARD, operator()), 404, "collectivity-not-found");
        // Another collectivity's administrator, on its own realm's shard: not theirs, and not a collectivity's
        // administrator's to do at all, even on their own collectivity; a guessed slug is refused the same way.
        String adminOfB = new ClientCredentials(RealmEndpoints.of(shardB.baseUrl().toString(),
                shardB.baseUrl().toString()).token(Realms.ofCollectivity(b)), Realms.PROBE_CLIENT,
                onShardB.clientSecret(Realms.ofCollectivity(b), Realms.PROBE_CLIENT)).authorization();
        String superAdminOfA = platform.administrator(a).authorization();
        assertProblem(move(a, SHARD, superAdminOfA), 403, "forbidden");
        assertProblem(move(a, SHARD, adminOfB), 403, "forbidden");
        assertProblem(move("nosuch-" + a, SHARD, superAdminOfA), 403, "forbidden");
        assertThat(shardOf(a)).isEqualTo("default");
        assertThat(moves(a)).isEmpty();

        // A move that fails part-way (the target does not answer): a stays on default, active, and signs in.
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO platform.keycloak_shard (name, internal_url, public_url, capacity) VALUES (?, ?, ?, 5)")) {
            ps.setString(1, DEAD);
            ps.setString(2, "http://127.0.0.1:9");
            ps.setString(3, "http://127.0.0.1:9");
            ps.executeUpdate();
        }
        try {
            JsonObject failed = awaitMove(move(a, DEAD, operator()));
            assertThat(failed.getString("state")).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.getString("problem")).isEqualTo("realm-move-failed");
            assertThat(failed.getString("failure")).contains("COPY").contains("« default »");
            assertThat(failed.getString("endedOn")).isEqualTo("default");
            assertThat(failed.getString("endedState")).isEqualTo("ACTIVE");
            failedMove = failed.getString("id");
        } finally {
            try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE platform.keycloak_shard SET open = false WHERE name = ?")) {
                ps.setString(1, DEAD);
                ps.executeUpdate();
            }
        }
        assertThat(shardOf(a)).isEqualTo("default");
        assertThat(state(a)).isEqualTo("ACTIVE");
        assertThat(realmStatus(platform.keycloak(), a)).isEqualTo(200);
        awaitProbe(a, oldToken, 200);
        assertThat(signIn(new LoginAgent(platform.server().runtimeBase()), a, "prof.move", PASSWORD))
                .isEqualTo("prof.move");

        // Its moves are the operators' to see; another collectivity's move, or a guessed id, is not found under b.
        assertThat(moves(a)).hasSize(1);
        String moveOfA = "/collectivities/" + a + "/realm/moves/" + failedMove;
        assertThat(get(moveOfA, operator()).statusCode()).isEqualTo(200);
        assertProblem(get(moveOfA, superAdminOfA), 403, "forbidden");
        assertProblem(get("/collectivities/" + a + "/realm/moves", superAdminOfA), 403, "forbidden");
        assertProblem(get(moveOfA, adminOfB), 403, "forbidden");
        assertProblem(get("/collectivities/" + b + "/realm/moves/" + failedMove, adminOfB), 403, "forbidden");
        assertProblem(get("/collectivities/" + b + "/realm/moves/" + failedMove, operator()), 404,
                "realm-move-not-found");
        assertProblem(get("/collectivities/" + a + "/realm/moves/" + java.util.UUID.randomUUID(), operator()), 404,
                "realm-move-not-found");

        // The move itself: room on it-b, then one command.
        setCapacity(SHARD, 2);
        long started = System.nanoTime();
        HttpResponse<String> accepted = move(a, SHARD, operator());
        double answered = (System.nanoTime() - started) / 1e9;
        JsonObject moved = awaitMove(accepted);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("KeycloakShardsIT: realm of %s moved default -> %s in %.1f s (answered in %.2f s): %s%n", a,
                SHARD, seconds, answered, moved);
        assertThat(moved.getString("state")).as(moved.toString()).isEqualTo("DONE");
        assertThat(moved.getString("to")).isEqualTo(SHARD);
        assertThat(moved.getString("endedOn")).isEqualTo(SHARD);
        assertThat(moved.getString("endedState")).isEqualTo("ACTIVE");
        assertThat(moved.getInt("peopleTotal")).as("prof.move at least").isPositive();
        assertThat(moved.getInt("peopleCopied")).isEqualTo(moved.getInt("peopleTotal"));
        assertThat(moved.getInt("stepsDone")).isEqualTo(moved.getInt("stepsTotal")).isEqualTo(5);
        assertThat(moved.getJsonObject("steps").keySet()).containsExactly("SUSPEND", "COPY", "SWITCH",
                "REMOVE_SOURCE", "RESUME");
        assertThat(moved.getJsonArray("warnings")).isEmpty();
        assertThat(moves(a)).hasSize(2).first().isEqualTo(moved.getString("id")); // newest first
        assertThat(shardOf(a)).isEqualTo(SHARD);
        assertThat(realmStatus(onShardB, a)).isEqualTo(200);
        assertThat(realmStatus(platform.keycloak(), a)).as("the old realm is removed").isEqualTo(404);

        // The person signs in with the same password, through shard B's login page.
        awaitLoginLeadsTo(a, shardB.baseUrl().toString());
        LoginAgent after = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> loginPage = after.follow(after.get(portal(a) + "/auth/login?return=/"), null);
        assertThat(loginPage.uri().toString()).startsWith(shardB.baseUrl().toString().replaceAll("/+$", ""));
        assertThat(after.follow(after.submitLogin(loginPage, "prof.move", "faux"), null).body())
                .as("a wrong password is still wrong").contains("kc-form-login");
        Logins.retypeAsAPerson();
        assertThat(signIn(after, a, "prof.move", PASSWORD)).isEqualTo("prof.move");
        // Its pages' forms may lead to its own shard's login pages, not the configured Keycloak's.
        assertThat(formAction(after, a)).isEqualTo("form-action 'self' " + origin(shardB.baseUrl()));
        // The probe's client kept its secret; tokens of the old shard are refused on a's domain (issuer of it-b now).
        String newToken = probeToken(onShardB, shardB.baseUrl().toString(), a);
        awaitProbe(a, oldToken, 401);
        assertThat(probe(a, newToken)).isEqualTo(200);
        assertThat(probe(b, newToken)).as("a's new token on b, same shard").isEqualTo(401);
        // The portal session opened on the old shard ends: that server's session went with the realm.
        assertThat(before.send("GET", URI.create(portal(a) + "/api/me"), null, Map.of("Accept", "application/json"))
                .statusCode()).isEqualTo(401);
        assertThat(audit(a)).contains("REALM_MOVE_FAILED FAILED", "REALM_MOVED DONE");

        // And back to the configured Keycloak (the default shard has no addresses of its own).
        JsonObject back = awaitMove(move(a, "default", operator()));
        assertThat(back.getString("state")).as(back.toString()).isEqualTo("DONE");
        assertThat(shardOf(a)).isEqualTo("default");
        assertThat(realmStatus(onShardB, a)).isEqualTo(404);
        awaitLoginLeadsTo(a, platform.identity().baseUrl().toString());
        LoginAgent backHome = new LoginAgent(platform.server().runtimeBase());
        assertThat(signIn(backHome, a, "prof.move", PASSWORD)).isEqualTo("prof.move");
        assertThat(formAction(backHome, a)).isEqualTo("form-action 'self' " + origin(platform.identity().baseUrl()));
        awaitProbe(a, newToken, 401);
    }

    /** The form-action directive of the portal's home page's Content-Security-Policy. */
    private String formAction(LoginAgent browser, String slug) {
        HttpResponse<String> home = browser.get(portal(slug) + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        String policy = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        return java.util.Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith("form-action"))
                .findFirst().orElseThrow();
    }

    private static String origin(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private HttpResponse<String> move(String slug, String shard, String authorization) throws Exception {
        // A move takes tens of seconds on a loaded machine: more than the admin client's 30 s.
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.client().adminBase() + "/collectivities/"
                        + slug + "/realm/move")).timeout(Duration.ofMinutes(5)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"shard\":\"" + shard + "\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Follows a move answered 202 at its Location until it ends, checking on the way that what it shows while it runs
     * makes sense (a step, steps done within the total, people copied within the people counted).
     */
    private JsonObject awaitMove(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        URI location = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject started = Platform.json(accepted);
        assertThat(started.getString("state")).isEqualTo("RUNNING");
        assertThat(location.getPath()).endsWith("/collectivities/" + started.getString("slug") + "/realm/moves/"
                + started.getString("id"));
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int seenRunning = 0;
        while (System.nanoTime() < until) {
            HttpResponse<String> now = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location)
                    .timeout(Duration.ofSeconds(30)).header("Authorization", operator()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
            JsonObject move = Platform.json(now);
            if (!move.getString("state").equals("RUNNING")) {
                System.out.printf("KeycloakShardsIT: move %s seen RUNNING %d time(s) before %s%n",
                        move.getString("id"), seenRunning, move.getString("state"));
                return move;
            }
            seenRunning++;
            assertThat(move.getInt("stepsDone")).isBetween(0, move.getInt("stepsTotal"));
            if (move.get("peopleTotal") != null && move.get("peopleTotal").getValueType()
                    == jakarta.json.JsonValue.ValueType.NUMBER) {
                assertThat(move.getInt("peopleCopied")).isBetween(0, move.getInt("peopleTotal"));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("move still RUNNING after 5 minutes: " + location);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.client().adminBase()
                + path)).timeout(Duration.ofSeconds(30)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of the collectivity's moves, as its operator lists them (newest first). */
    private List<String> moves(String slug) throws Exception {
        HttpResponse<String> list = get("/collectivities/" + slug + "/realm/moves", operator());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(list.body()))) {
            return reader.readArray().stream().map(v -> v.asJsonObject().getString("id")).toList();
        }
    }

    private String operator() {
        return platform.client().adminAuthorization();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Platform.json(response).getString("type")).endsWith(code);
    }

    private String signIn(LoginAgent browser, String slug, String username, String password) {
        HttpResponse<String> loginPage = browser.follow(browser.get(portal(slug) + "/auth/login?return=/"), null);
        HttpResponse<String> home = browser.follow(browser.submitLogin(loginPage, username, password), null);
        assertThat(home.uri().getPath()).as(home.body()).isEqualTo("/");
        HttpResponse<String> me = browser.send("GET", URI.create(portal(slug) + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return Platform.json(me).getString("username");
    }

    /**
     * The runtime sees a registry change within a second of its last look (TenantRegistry); while other classes'
     * requests keep it looking, the first request after a move may still find the collectivity suspended on its old
     * shard (seen in the full CI run, never alone): waits until its login page is the shard's.
     */
    private void awaitLoginLeadsTo(String slug, String keycloakBase) throws InterruptedException {
        String base = keycloakBase.replaceAll("/+$", "");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String reached;
        do {
            LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
            reached = browser.follow(browser.get(portal(slug) + "/auth/login?return=/"), null).uri().toString();
            if (reached.startsWith(base)) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < until);
        assertThat(reached).as("the login page of " + slug + " after its move").startsWith(base);
    }

    /** The runtime takes a new issuer from the registry within its refresh: waits for it. */
    private void awaitProbe(String slug, String token, int status) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (probe(slug, token) != status && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertThat(probe(slug, token)).isEqualTo(status);
    }

    private String portal(String slug) {
        return "http://" + domainOf(slug) + ":" + platform.server().runtimeBase().getPort();
    }

    private void setCapacity(String shard, int capacity) throws Exception {
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE platform.keycloak_shard SET capacity = ? WHERE name = ?")) {
            ps.setInt(1, capacity);
            ps.setString(2, shard);
            ps.executeUpdate();
        }
    }

    private String state(String slug) throws Exception {
        return Platform.json(platform.admin("GET", "/collectivities/" + slug, null)).getString("state");
    }

    /** The collectivity's audit trail, "ACTION OUTCOME" per entry. */
    private List<String> audit(String slug) throws Exception {
        List<String> entries = new java.util.ArrayList<>();
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT action || ' ' || outcome FROM t_" + slug.replace('-', '_') + ".console_audit ORDER BY seq")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1));
                }
            }
        }
        return entries;
    }

    private void openDefault(boolean open) throws Exception {
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE platform.keycloak_shard SET open = ? WHERE name = 'default'")) {
            ps.setBoolean(1, open);
            ps.executeUpdate();
        }
    }

    private static int realmStatus(KeycloakSetup keycloak, String slug) throws Exception {
        return keycloak.admin("GET", "/admin/realms/" + Realms.ofCollectivity(slug), null).statusCode();
    }

    private int probe(String slug, String authorization) {
        return platform.send(domainOf(slug), "GET", "/api/probe", null, null, authorization).statusCode();
    }

    /** The probe's token as tenant-manager's probe gets it: the secret it set on the realm's ent-probe client. */
    private static String probeToken(KeycloakSetup keycloak, String base, String slug) throws Exception {
        String realm = Realms.ofCollectivity(slug);
        String secret = keycloak.clientSecret(realm, Realms.PROBE_CLIENT);
        return new ClientCredentials(RealmEndpoints.of(base, base).token(realm), Realms.PROBE_CLIENT, secret)
                .authorization();
    }

    private String shardOf(String slug) throws Exception {
        return shardOf(platform, slug);
    }

    private static String shardOf(Platform platform, String slug) throws Exception {
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT keycloak_shard FROM platform.collectivity WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String slug(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static String domainOf(String slug) {
        return slug + ".localhost";
    }
}
