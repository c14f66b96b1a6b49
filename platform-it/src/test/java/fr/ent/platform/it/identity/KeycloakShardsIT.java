package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.local.KeycloakSetup;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
class KeycloakShardsIT {

    private static final String SHARD = "it-b";
    private static LocalKeycloak shardB;
    private static String onB;

    private final Platform platform = Platform.get();

    @BeforeAll
    static void startSecondShard() throws Exception {
        Platform platform = Platform.get();
        Path shared = Path.of(System.getProperty("ent.keycloak.home", "target/keycloak")).toAbsolutePath();
        Path home = Path.of(System.getProperty("ent.it.work", "target/it-work"), "keycloak-shard-b-"
                + ProcessHandle.current().pid()).toAbsolutePath();
        copyBuiltHome(shared, home);
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
            if (onB != null) {
                platform.admin("POST", "/collectivities/" + onB + "/archive", null);
                platform.admin("DELETE", "/collectivities/" + onB, null);
            }
        } finally {
            try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE platform.keycloak_shard SET open = false, capacity = 0 WHERE name = ?")) {
                ps.setString(1, SHARD);
                ps.executeUpdate();
            }
            if (shardB != null) {
                shardB.close();
            }
        }
    }

    @Test
    void placesOnTheEmptierShardWithRoomAndEachTokenOpensOnlyItsOwnCollectivity() throws Exception {
        String b = slug("shb");
        String a = slug("sha");
        long started = System.nanoTime();
        onB = b;
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
        try (Connection c = platform.database().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT keycloak_shard FROM platform.collectivity WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The shared home, built by the first start of the run, without its database, log and hosts file. */
    private static void copyBuiltHome(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("data", "keycloak.log", "hosts");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(p);
                if (relative.getNameCount() > 0 && skipped.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
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
