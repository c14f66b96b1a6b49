package fr.ent.platform.it;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.local.LibertyServer;
import fr.ent.platform.local.PlatformClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The real platform for integration tests: embedded PostgreSQL and the assembled Open Liberty server with both
 * applications, started once per test JVM on free ports, stopped when the JVM exits.
 */
public final class Platform {

    private static Platform instance;

    private final EmbeddedDatabase database;
    private volatile LibertyServer server;
    private final PlatformClient client;
    private final Path work;
    private final Map<String, String> identity;
    private int restarts;

    private Platform(EmbeddedDatabase database, LibertyServer server, Path work, Map<String, String> identity) {
        this.database = database;
        this.server = server;
        this.work = work;
        this.identity = identity;
        this.client = new PlatformClient(server.adminBase(), server.runtimeBase());
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
            EmbeddedDatabase database = EmbeddedDatabase.start(pgdata, freePort());
            // tenant-manager refuses to provision without Keycloak: a real one, its realms kept under target/
            LocalKeycloak keycloak = LocalKeycloak.builder(Path.of(System.getProperty("ent.keycloak.home",
                    work.resolve("keycloak").toString()))).option("--log-level=warn").progress(System.out::println)
                    .start();
            int httpPort = freePort();
            Map<String, String> identity = Map.of(
                    "ENT_KEYCLOAK_URL", keycloak.baseUrl().toString(),
                    "ENT_KEYCLOAK_ADMIN_USERNAME", keycloak.adminUsername(),
                    "ENT_KEYCLOAK_ADMIN_PASSWORD", keycloak.adminPassword(),
                    "ENT_PORTAL_URL_TEMPLATE", "http://{domain}:" + httpPort);
            LibertyServer server = LibertyServer.start(Path.of(System.getProperty("ent.liberty.home")),
                    work.resolve("liberty-" + ProcessHandle.current().pid()), httpPort, freePort(), database.port(),
                    identity, System.out::println);
            Platform platform = new Platform(database, server, work, identity);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    platform.server.close();
                    keycloak.close();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
                    crashed.httpPort(), crashed.adminPort(), database.port(), identity, System.out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates the collectivity through the admin API and waits until it is ACTIVE; returns its slug. */
    public String provisionActive(String slug, String domain) {
        try {
            client.ensureActive(slug, "commune", "Collectivité " + slug, domain);
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

    public HttpResponse<String> send(String host, String method, String path, String contentType, byte[] body) {
        return call(() -> client.runtime(host, method, path, contentType, body));
    }

    /** The admin API (loopback endpoint): method, path under /admin/api/v1, JSON body or null. */
    public HttpResponse<String> admin(String method, String path, String json) {
        return call(() -> client.admin(method, path, json));
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
