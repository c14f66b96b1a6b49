package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.local.KeycloakSetup;
import fr.ent.platform.local.LocalIdentity;
import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.tenants.shards.KeycloakShard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The Keycloak shards of a bench platform ({@code BenchPlatform}) whose realms are too many for its one Keycloak
 * (ADR 0044, ADR 0050), opened as the platform's operator opens them: the platform's own Keycloak is the shard
 * {@code default}, given the bench's capacity; whenever every open shard is full, one more real Keycloak is started on
 * its own database of the platform's PostgreSQL and registered through tenant-manager's admin API
 * ({@code PUT /keycloak-shards/keycloak-2}, {@code keycloak-3}...). tenant-manager's REALM step then places each new
 * realm on the least-filled shard with room, as in production; the bench finds a collectivity's shard in the registry
 * ({@link #shardOf}) to administer its realm and sign its users in on the right server.
 */
public final class PlatformShards implements AutoCloseable {

    /** A shard's Keycloak as the bench uses it: its address and its bootstrap administrator. */
    public record Server(URI baseUrl, KeycloakSetup setup) {
    }

    private final PlatformClient client;
    private final DataSource database;
    private final int databasePort;
    private final Path homes;
    private final Path platformHome;
    private final int capacity;
    private final Optional<String> heap;
    private final Map<String, LocalKeycloak> started = new LinkedHashMap<>();
    private final Map<String, Server> servers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> shardOfSlug = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param database     the platform's PostgreSQL as its superuser (each shard gets a database of its own there)
     * @param homes        where the shards' Keycloak homes go, one directory per shard, kept across runs (built once)
     * @param platformHome the platform's Keycloak home, already built: the first shard's copy
     * @param heap         the shards' JVM heap options (kc.sh's default otherwise)
     */
    public PlatformShards(PlatformClient client, DataSource database, int databasePort, Path homes,
            Path platformHome, int capacity, Optional<String> heap) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a shard's capacity is positive: " + capacity);
        }
        this.client = client;
        this.database = database;
        this.databasePort = databasePort;
        this.homes = homes;
        this.platformHome = platformHome;
        this.capacity = capacity;
        this.heap = heap;
    }

    /** Gives the shard {@code default} the bench's capacity (its addresses are the configuration's: none here). */
    public void limitDefault() throws IOException, InterruptedException {
        register(KeycloakShard.DEFAULT, null);
        say("Keycloak shards: " + capacity + " realms each; default is the platform's Keycloak");
    }

    /**
     * The operator's opening rule at 100 % ({@link #everyOpenShardFull}, ADR 0050): when every open shard
     * of the registry is full, starts one more Keycloak and registers it. Returns the shard opened.
     */
    public synchronized Optional<String> openIfAllFull() throws Exception {
        List<KeycloakShard> shards = list();
        if (!everyOpenShardFull(shards)) {
            return Optional.empty();
        }
        String name = "keycloak-" + (shards.size() + 1);
        long t0 = System.nanoTime();
        say("  every open shard is full (" + shards.size() + " × " + capacity + "): opening " + name + " ...");
        start(name);
        say("  shard " + name + " opened in " + (System.nanoTime() - t0) / 1_000_000_000L + " s: "
                + servers.get(name).baseUrl());
        return Optional.of(name);
    }

    /** The operator's rule at 100 %: no open shard has room (also the realm benches', {@code BenchShards}). */
    public static boolean everyOpenShardFull(List<KeycloakShard> shards) {
        return shards.stream().filter(KeycloakShard::open).allMatch(s -> s.realms() >= s.capacity());
    }

    /** The shards as tenant-manager's admin API lists them ({@code GET /keycloak-shards}). */
    public List<KeycloakShard> list() throws IOException, InterruptedException {
        HttpResponse<String> response = client.admin("GET", "/keycloak-shards", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /keycloak-shards: " + response.statusCode() + " " + response.body());
        }
        List<KeycloakShard> shards = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            for (JsonObject s : reader.readArray().getValuesAs(JsonObject.class)) {
                shards.add(new KeycloakShard(s.getString("name"), url(s, "internalUrl"), url(s, "publicUrl"),
                        s.getInt("capacity"), s.getBoolean("open"), s.getInt("realms")));
            }
        }
        return shards;
    }

    private static Optional<String> url(JsonObject shard, String name) {
        JsonValue value = shard.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty()
                : Optional.of(shard.getString(name));
    }

    /**
     * The shard the registry placed {@code slug}'s realm on. The admin API does not show it (a collectivity's shard is
     * the operators' business, ADR 0050): read from {@code platform.collectivity}, as the platform's own tests do.
     */
    public String shardOf(String slug) {
        // a realm stays on its shard for the whole run: asked once per collectivity, not at each of its sign-ins
        return shardOfSlug.computeIfAbsent(slug, this::registryShardOf);
    }

    private String registryShardOf(String slug) {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT keycloak_shard FROM platform.collectivity WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no collectivity " + slug + " in the registry");
                }
                String shard = rs.getString(1);
                return shard == null ? KeycloakShard.DEFAULT : shard;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("shard of " + slug + ": " + e.getMessage(), e);
        }
    }

    /** The Keycloak of a shard this class opened; empty for {@code default} (the platform's own). */
    public Optional<Server> server(String shard) {
        return Optional.ofNullable(servers.get(shard));
    }

    /** How many shards hold the platform's realms: {@code default} and those opened here. */
    public synchronized int count() {
        return 1 + started.size();
    }

    public int capacity() {
        return capacity;
    }

    private void start(String name) throws Exception {
        String databaseName = "keycloak_" + name.replace('-', '_');
        KeycloakDatabases.create(database, databaseName);
        // The first shard copies the platform's home, built for H2: Keycloak builds it again for PostgreSQL, once;
        // the next ones copy that first shard's home, already built for PostgreSQL (seconds, not a minute or two).
        Path builtFrom = started.isEmpty() ? platformHome : homes.resolve(started.keySet().iterator().next());
        LocalKeycloak.Builder builder = LocalKeycloak.builder(homes.resolve(name))
                // the administrator tenant-manager is configured with, on every shard (ADR 0050)
                .admin(LocalIdentity.ADMIN_USERNAME, LocalIdentity.ADMIN_PASSWORD).option("--log-level=warn")
                .progress(line -> say("      " + name + ": " + line)).copiedFrom(builtFrom)
                .postgres("jdbc:postgresql://127.0.0.1:" + databasePort + "/" + databaseName, KeycloakDatabases.ROLE,
                        KeycloakDatabases.PASSWORD);
        heap.ifPresent(builder::heap);
        LocalKeycloak keycloak = builder.start();
        started.put(name, keycloak);
        ProcessCpu.watchShardKeycloak(keycloak.process());
        servers.put(name, new Server(keycloak.baseUrl(),
                new KeycloakSetup(keycloak.baseUrl(), keycloak.adminUsername(), keycloak.adminPassword())));
        register(name, keycloak.baseUrl().toString());
    }

    /** {@code PUT /keycloak-shards/{name}}: open, with the bench's capacity; browsers and servers use one address. */
    private void register(String name, String url) throws IOException, InterruptedException {
        var body = Json.createObjectBuilder();
        if (url == null) {
            body.addNull("internalUrl").addNull("publicUrl");
        } else {
            body.add("internalUrl", url).add("publicUrl", url);
        }
        HttpResponse<String> response = client.admin("PUT", "/keycloak-shards/" + name,
                body.add("capacity", capacity).add("open", true).build().toString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("PUT /keycloak-shards/" + name + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Stops every Keycloak opened here (the platform's own is the platform's to stop). */
    @Override
    public synchronized void close() {
        for (Map.Entry<String, LocalKeycloak> e : started.entrySet()) {
            try {
                e.getValue().close();
            } catch (RuntimeException failure) {
                System.err.println("Keycloak shard " + e.getKey() + " did not stop cleanly: " + failure);
            }
        }
        started.clear();
        servers.clear();
    }
}
