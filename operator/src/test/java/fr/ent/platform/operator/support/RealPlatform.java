package fr.ent.platform.operator.support;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.local.LibertyServer;
import fr.ent.platform.local.LocalIdentity;
import fr.ent.platform.testing.database.TestDatabase;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import fr.ent.platform.testing.ports.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The real tenant-manager for the operator's integration tests: embedded PostgreSQL and the Open Liberty server
 * assembled by local-platform, on free ports, once per test JVM, stopped when the JVM exits. Liberty can be
 * stopped and started again on the same ports to simulate a tenant-manager outage.
 */
public final class RealPlatform {

    private static RealPlatform instance;

    private final TestDatabase database;
    private final LocalIdentity identity;
    private final Path work;
    private final int httpPort;
    private final int adminPort;
    private final int adminTlsPort;
    private final AdminTls adminTls;
    private final String metricsToken = java.util.UUID.randomUUID().toString();
    private LibertyServer server;

    private RealPlatform(TestDatabase database, LocalIdentity identity, Path work, int httpPort, int adminPort,
            int adminTlsPort, AdminTls adminTls) {
        this.database = database;
        this.identity = identity;
        this.work = work;
        this.httpPort = httpPort;
        this.adminPort = adminPort;
        this.adminTlsPort = adminTlsPort;
        this.adminTls = adminTls;
    }

    public static synchronized RealPlatform get() {
        if (instance == null) {
            try {
                Path work = Path.of(System.getProperty("ent.it.work", "target/it-work"));
                long pid = ProcessHandle.current().pid();
                TestDatabase database = TestDatabase.start(work.resolve("pgdata-" + pid));
                // the test JVM's Keycloak, fresh database per run
                LocalIdentity identity = LocalIdentity.on(SharedKeycloak.server());
                // the admin endpoint as in a pod: TLS on this machine's non-loopback address (AdminEndpointTlsIT);
                // its plain port stays open too, for the tests that call it over loopback
                AdminTls tls = AdminTls.create(work.resolve("admin-tls-" + pid));
                RealPlatform platform = new RealPlatform(database, identity, work, FreePorts.next(), FreePorts.next(),
                        FreePorts.next(), tls);
                platform.startServer();
                Runtime.getRuntime().addShutdownHook(new Thread(platform::shutdown));
                instance = platform;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The platform if a test of this JVM started it, without starting it. */
    public static synchronized java.util.Optional<RealPlatform> running() {
        return java.util.Optional.ofNullable(instance);
    }

    /** Platform-admin tokens of the platform realm's operator client, as the deployed operator has. */
    public ClientCredentials operatorCredentials() {
        return identity.operatorCredentials();
    }

    public URI adminApi() {
        return URI.create("http://127.0.0.1:" + adminPort + "/admin/api/v1");
    }

    /** The runtime's public endpoint (send the collectivity's domain as Host). */
    public URI runtimeBase() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The loopback admin endpoint's port: the admin API and {@code /admin/metrics}. */
    public int adminPort() {
        return adminPort;
    }

    /** The admin API over TLS on this machine's non-loopback address, as the operator reaches it in a cluster. */
    public URI adminApiOverTls() {
        return URI.create("https://" + adminTls.address() + ":" + adminTlsPort + "/admin/api/v1");
    }

    /** The TLS material: the CA the operator trusts ({@code ENT_TENANT_MANAGER_CA}) and the server's keystore. */
    public AdminTls adminTls() {
        return adminTls;
    }

    /** The bearer token {@code /admin/metrics} requires ({@code ENT_METRICS_TOKEN}), loopback included. */
    public String metricsToken() {
        return metricsToken;
    }

    public synchronized void startServer() {
        try {
            server = LibertyServer.start(Path.of(System.getProperty("ent.liberty.home")),
                    work.resolve("liberty-" + ProcessHandle.current().pid()), httpPort, adminPort, database.port(),
                    // Keycloak, and a sovereign policy for tenant-manager's compliance reports (InventoryPushIT)
                    withAdminTls(withSovereignPolicy(identity.libertyEnvironment(httpPort))), System.out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stopServer() {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean schemaExists(String schema) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select 1 from information_schema.schemata where schema_name = ?")) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void shutdown() {
        try {
            // Keycloak stops with its own hook (SharedKeycloak)
            server.close();
            database.close();
            deleteTree(work.resolve("pgdata-" + ProcessHandle.current().pid()));
        } catch (Exception e) {
            System.err.println("platform did not stop cleanly: " + e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (java.nio.file.Files.exists(root)) {
            try (var paths = java.nio.file.Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Map<String, String> withSovereignPolicy(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("ENT_SOVEREIGNTY_REGIONS_FR", "fr-par,fr-mrs");
        all.put("ENT_SOVEREIGNTY_REGIONS_EU", "de-fra");
        return all;
    }

    private Map<String, String> withAdminTls(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("ENT_ADMIN_HOST", "*");
        all.put("ENT_ADMIN_TLS", "on");
        all.put("ENT_ADMIN_HTTPS_PORT", Integer.toString(adminTlsPort));
        all.put("ENT_ADMIN_TLS_KEYSTORE", adminTls.keystore().toAbsolutePath().toString());
        all.put("ENT_ADMIN_TLS_KEYSTORE_PASSWORD", adminTls.password());
        all.put("ENT_METRICS_TOKEN", metricsToken);
        return all;
    }
}
