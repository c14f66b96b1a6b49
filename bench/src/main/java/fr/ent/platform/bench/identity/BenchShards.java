package fr.ent.platform.bench.identity;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.PlatformShards;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.shards.KeycloakShard;
import fr.ent.platform.tenants.shards.ShardInput;
import fr.ent.platform.tenants.shards.ShardRegistry;
import fr.ent.platform.tenants.shards.ShardedKeycloakAdmin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Keycloak shards of {@link PlatformRealmsBench}: one real Keycloak per row of tenant-manager's
 * {@link ShardRegistry}, each on its own database of the one PostgreSQL, opened as the operator opens them (ADR 0050:
 * the first Keycloak is the shard {@code default}, the next ones {@code keycloak-2}, {@code keycloak-3}..., started,
 * then registered once ready) and administered through the client tenant-manager builds ({@code TenantManagerBeans}:
 * a {@link ShardedKeycloakAdmin} routed by the registry, each realm's own account for routine calls, ADR 0052).
 */
final class BenchShards {

    private final Path state;
    private final EmbeddedPostgres postgres;
    private final ShardRegistry registry;
    private final int capacity;
    private final Optional<String> heap;
    private final Optional<Path> firstBuiltHome;
    private final Map<String, BenchKeycloak> servers = new LinkedHashMap<>();
    private KeycloakRealms realms;

    BenchShards(Path state, EmbeddedPostgres postgres, ShardRegistry registry, int capacity, Optional<String> heap,
            Optional<Path> firstBuiltHome) {
        this.state = state;
        this.postgres = postgres;
        this.registry = registry;
        this.capacity = capacity;
        this.heap = heap;
        this.firstBuiltHome = firstBuiltHome;
    }

    /**
     * Starts a Keycloak for every shard the registry holds (a fresh registry holds {@code default} alone, from its
     * migration) and registers each again, with its new address and the bench's capacity: the same run goes on.
     */
    void startRegistered() throws Exception {
        for (KeycloakShard shard : registry.list()) {
            start(shard.name());
        }
        BenchKeycloak first = servers.get(KeycloakShard.DEFAULT);
        ShardedKeycloakAdmin admin = new ShardedKeycloakAdmin(first.baseUrl(), first.credentials(),
                registry::endpointsOfRealm);
        admin.withRealmAccounts();
        realms = new KeycloakRealms(admin, BenchKeycloak.PORTALS, Optional.empty());
    }

    /**
     * The operator's opening rule at 100 % (ADR 0050, {@code KeycloakShards.decide}): a new shard when every open
     * shard is full, else nothing. Returns the shard opened.
     */
    Optional<String> openIfAllFull() throws Exception {
        List<KeycloakShard> shards = registry.list();
        if (!PlatformShards.everyOpenShardFull(shards)) {
            return Optional.empty();
        }
        String name = "keycloak-" + (shards.size() + 1);
        say("every open shard is full (" + shards.size() + " x " + capacity + "): opening " + name);
        start(name);
        return Optional.of(name);
    }

    private void start(String name) throws Exception {
        // every shard after the first copies the first's home, already built for PostgreSQL (seconds, not minutes)
        Optional<Path> builtFrom = name.equals(KeycloakShard.DEFAULT) ? firstBuiltHome
                : Optional.of(home(KeycloakShard.DEFAULT));
        BenchKeycloak server = new BenchKeycloak(home(name), postgres, "keycloak_" + name.replace('-', '_'), heap,
                builtFrom);
        server.start();
        servers.put(name, server);
        String url = server.baseUrl().toString();
        registry.register(name.equals(KeycloakShard.DEFAULT) ? ShardInput.of(name, null, null, capacity, true)
                : ShardInput.of(name, url, url, capacity, true));
    }

    Path home(String name) {
        return state.resolve("keycloak-" + name);
    }

    /** The REALM step's client on the whole platform: each realm on its shard. */
    KeycloakRealms realms() {
        return realms;
    }

    BenchKeycloak server(String shard) {
        return servers.get(shard);
    }

    int open() {
        return (int) registry.list().stream().filter(KeycloakShard::open).count();
    }

    /** Resident memory of every shard's Keycloak JVM, in MB. */
    long totalRssMb() throws IOException {
        long total = 0;
        for (BenchKeycloak server : servers.values()) {
            total += server.rssMb();
        }
        return total;
    }

    void stopAll() {
        servers.values().forEach(BenchKeycloak::stop);
    }
}
