package fr.ent.platform.it;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.local.KeycloakSetup;
import fr.ent.platform.local.LibertyServer;
import fr.ent.platform.local.LocalIdentity;
import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.testing.database.TestDatabase;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import fr.ent.platform.testing.ports.FreePorts;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The real platform for integration tests: embedded PostgreSQL, Keycloak and the assembled Open Liberty server with
 * both applications, started once per test JVM on free ports, stopped when the JVM exits. Admin API calls carry a
 * platform-admin token; runtime calls to a collectivity provisioned here carry a token of that collectivity's
 * own administrator (a service account with SUPER_ADMIN in its realm) unless the test names another.
 */
public final class Platform {

    private static Platform instance;

    public static final String IT_ADMIN_CLIENT = "it-admin";
    public static final String IT_ADMIN_SECRET = "it-admin-secret";

    private final TestDatabase database;
    private final LocalIdentity identity;
    private volatile LibertyServer server;
    private final PlatformClient client;
    private final Path work;
    private final Map<String, ClientCredentials> administrators = new ConcurrentHashMap<>();
    private int restarts;
    /**
     * Settings every test server gets: a sovereign policy (French and EU regions), so that the compliance report
     * and the egress door have rules to apply. Tests that restart the server add to it.
     */
    public static final Map<String, String> BASE_ENVIRONMENT = Map.of(
            "ENT_SOVEREIGNTY_REGIONS_FR", "fr-par,fr-mrs",
            "ENT_SOVEREIGNTY_REGIONS_EU", "de-fra,nl-ams");

    private Map<String, String> environment = BASE_ENVIRONMENT;

    private Platform(TestDatabase database, LocalIdentity identity, LibertyServer server, Path work) {
        this.database = database;
        this.identity = identity;
        this.server = server;
        this.work = work;
        this.client = new PlatformClient(server.adminBase(), server.runtimeBase(),
                identity.operatorCredentials()::authorization);
    }

    public static synchronized Platform get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static Platform start() {
        try {
            Path work = Path.of(System.getProperty("ent.it.work", "target/it-work"));
            Path pgdata = work.resolve("pgdata-" + ProcessHandle.current().pid());
            TestDatabase database = TestDatabase.start(pgdata);
            // the test JVM's Keycloak (fresh database per run: realms are named after collectivities the tests reuse)
            LocalIdentity identity = LocalIdentity.on(SharedKeycloak.server());
            int httpPort = FreePorts.next();
            LibertyServer server = LibertyServer.start(Path.of(System.getProperty("ent.liberty.home")),
                    work.resolve("liberty-" + ProcessHandle.current().pid()), httpPort, FreePorts.next(), database.port(),
                    withIdentity(BASE_ENVIRONMENT, identity, httpPort), System.out::println);
            Platform platform = new Platform(database, identity, server, work);
            platform.environment = withIdentity(BASE_ENVIRONMENT, identity, httpPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    // Keycloak stops with its own hook (SharedKeycloak)
                    platform.server.close();
                    database.close();
                    deleteTree(pgdata);
                } catch (Exception e) {
                    System.err.println("platform did not stop cleanly: " + e);
                }
            }));
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> withIdentity(Map<String, String> base, LocalIdentity identity, int httpPort) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.putAll(identity.libertyEnvironment(httpPort));
        return Map.copyOf(all);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Kills Liberty as a crash would (SIGKILL) and starts it again on the same ports and database, like a pod
     * restarted after a crash. The tests of a JVM run one after another, so the others see a running server.
     */
    public synchronized void crashAndRestart() {
        try {
            LibertyServer crashed = server;
            crashed.kill();
            server = LibertyServer.start(Path.of(System.getProperty("ent.liberty.home")),
                    work.resolve("liberty-" + ProcessHandle.current().pid() + "-restart-" + ++restarts),
                    crashed.httpPort(), crashed.adminPort(), database.port(), environment, System.out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops Liberty cleanly and starts it again with these extra environment variables (configuration the server
     * reads at start, e.g. the AI endpoint), on the same ports and database. Later restarts keep them.
     */
    public synchronized void restartWith(Map<String, String> extraEnvironment) {
        try {
            LibertyServer stopped = server;
            stopped.close();
            Map<String, String> all = new java.util.HashMap<>(environment);
            all.putAll(extraEnvironment);
            environment = Map.copyOf(all);
            server = LibertyServer.start(Path.of(System.getProperty("ent.liberty.home")),
                    work.resolve("liberty-" + ProcessHandle.current().pid() + "-restart-" + ++restarts),
                    stopped.httpPort(), stopped.adminPort(), database.port(), environment, System.out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the collectivity through the admin API and waits until it is ACTIVE; from then on, runtime calls to
     * its domain carry its administrator's token. Returns its slug.
     */
    public String provisionActive(String slug, String domain) {
        return provisionActive(slug, "commune", "Collectivité " + slug, domain);
    }

    /** As {@link #provisionActive(String, String)}, with the collectivity's kind and display name. */
    public String provisionActive(String slug, String kind, String displayName, String domain) {
        try {
            // Keycloak calls the portal's back-channel logout URL on this domain.
            identity.keycloak().resolveToLoopback(List.of(domain));
            client.ensureActive(slug, kind, displayName, domain);
            client.authorizeRuntime(domain, () -> administratorToken(slug));
            return slug;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String host, String path) {
        return call(() -> client.get(host, path));
    }

    public HttpResponse<String> postJson(String host, String path, String json) {
        return call(() -> client.postJson(host, path, json));
    }

    public HttpResponse<String> postMultipart(String host, String path, Map<String, byte[]> parts) {
        return call(() -> client.postMultipart(host, path, parts));
    }

    /** A runtime call with an explicit {@code Authorization} header (null: anonymous). */
    public HttpResponse<String> send(String host, String method, String path, String contentType, byte[] body,
            String authorization) {
        return call(() -> client.runtime(host, method, path, contentType, body, authorization));
    }

    public HttpResponse<String> send(String host, String method, String path, String contentType, byte[] body) {
        return call(() -> client.runtime(host, method, path, contentType, body));
    }

    /** The admin API (loopback endpoint): method, path under /admin/api/v1, JSON body or null. */
    public HttpResponse<String> admin(String method, String path, String json) {
        return call(() -> client.admin(method, path, json));
    }

    /** Client credentials of a service account with SUPER_ADMIN in the collectivity's realm (made on first use). */
    public ClientCredentials administrator(String slug) {
        return administrators.computeIfAbsent(slug, s -> {
            try {
                return identity.setup().ensureServiceClient(Realms.ofCollectivity(s), IT_ADMIN_CLIENT, IT_ADMIN_SECRET,
                        List.of(RealmRoles.SUPER_ADMIN));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The administrator's Authorization header, or none when Keycloak refuses to issue a token (a suspended or
     * archived collectivity's realm is disabled): the runtime answers such a collectivity before any token check.
     */
    private String administratorToken(String slug) {
        try {
            return administrator(slug).authorization();
        } catch (IllegalStateException realmDisabled) {
            return null;
        }
    }

    public LocalIdentity identity() {
        return identity;
    }

    public KeycloakSetup keycloak() {
        return identity.setup();
    }

    public PlatformClient client() {
        return client;
    }

    public LibertyServer server() {
        return server;
    }

    public DataSource database() {
        return database.dataSource();
    }

    public static JsonObject json(HttpResponse<String> response) {
        return PlatformClient.json(response);
    }

    private interface Call {
        HttpResponse<String> run() throws IOException, InterruptedException;
    }

    private static HttpResponse<String> call(Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
