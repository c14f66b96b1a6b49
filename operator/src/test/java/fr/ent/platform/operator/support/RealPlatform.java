package fr.ent.platform.operator.support;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.local.LocalPlatform;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real tenant-manager for the operator's integration tests: the platform local-platform starts
 * ({@link LocalPlatform}: embedded PostgreSQL, the test JVM's shared Keycloak, the assembled Open Liberty server) on
 * free ports, once per test JVM, stopped when the JVM exits. Its admin endpoint also listens with TLS, as in a pod.
 * Liberty can be stopped and started again on the same ports to simulate a tenant-manager outage.
 */
public final class RealPlatform {

    private static RealPlatform instance;

    private final LocalPlatform platform;
    private final int adminTlsPort;
    private final AdminTls adminTls;
    private final String metricsToken;

    private RealPlatform(LocalPlatform platform, int adminTlsPort, AdminTls adminTls, String metricsToken) {
        this.platform = platform;
        this.adminTlsPort = adminTlsPort;
        this.adminTls = adminTls;
        this.metricsToken = metricsToken;
    }

    public static synchronized RealPlatform get() {
        if (instance == null) {
            try {
                Path work = Path.of(System.getProperty("ent.it.work", "target/it-work"));
                long pid = ProcessHandle.current().pid();
                // the admin endpoint as in a pod: TLS on this machine's non-loopback address (AdminEndpointTlsIT);
                // its plain port stays open too, for the tests that call it over loopback
                AdminTls tls = AdminTls.create(work.resolve("admin-tls-" + pid));
                int adminTlsPort = FreePorts.next();
                String metricsToken = UUID.randomUUID().toString();
                Map<String, String> environment = new HashMap<>();
                // a sovereign policy for tenant-manager's compliance reports (InventoryPushIT)
                environment.put("ENT_SOVEREIGNTY_REGIONS_FR", "fr-par,fr-mrs");
                environment.put("ENT_SOVEREIGNTY_REGIONS_EU", "de-fra");
                environment.put("ENT_ADMIN_HOST", "*");
                environment.put("ENT_ADMIN_TLS", "on");
                environment.put("ENT_ADMIN_HTTPS_PORT", Integer.toString(adminTlsPort));
                environment.put("ENT_ADMIN_TLS_KEYSTORE", tls.keystore().toAbsolutePath().toString());
                environment.put("ENT_ADMIN_TLS_KEYSTORE_PASSWORD", tls.password());
                environment.put("ENT_METRICS_TOKEN", metricsToken);
                // cheap password hashing in the realms, as every test platform (SharedKeycloak.PASSWORD_HASHING);
                // the benchmarks keep Keycloak's default, as production (-Dent.bench.productionHashing=true: the
                // operator's bench profile)
                if (!Boolean.getBoolean("ent.bench.productionHashing")) {
                    environment.put("ENT_KEYCLOAK_PASSWORD_HASHING", SharedKeycloak.PASSWORD_HASHING);
                }
                // a platform without the directory provider (the local platform has it since session 27): the
                // operator's tests see what a platform that copies accounts answers, including the refusal of
                // spec.accounts: directory (CollectivityLifecycleIT)
                environment.put("ENT_IDENTITY_FEDERATION_JDBC_URL", "");
                LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Setup(
                        Path.of(System.getProperty("ent.liberty.home")), work, "liberty-" + pid,
                        work.resolve("pgdata-" + pid), true, FreePorts.next(),
                        new LocalPlatform.RunningKeycloak(SharedKeycloak.server()), FreePorts.next(),
                        FreePorts.next(), environment, System.out::println));
                instance = new RealPlatform(platform, adminTlsPort, tls, metricsToken);
                // Keycloak stops with its own hook (SharedKeycloak)
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        platform.close();
                    } catch (Exception e) {
                        System.err.println("platform did not stop cleanly: " + e);
                    }
                }));
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
    public static synchronized Optional<RealPlatform> running() {
        return Optional.ofNullable(instance);
    }

    /** Platform-admin tokens of the platform realm's operator client, as the deployed operator has. */
    public ClientCredentials operatorCredentials() {
        return platform.identity().operatorCredentials();
    }

    public URI adminApi() {
        return platform.server().adminBase();
    }

    /**
     * Admin API calls with platform-admin tokens, runtime calls with a collectivity's domain as Host (a
     * collectivity's administrator's token once {@code authorizeRuntime} is called for it).
     */
    public fr.ent.platform.local.PlatformClient client() {
        return platform.client();
    }

    /** Keycloak as its bootstrap administrator: what only tests and the local platform do (a realm's test client). */
    public fr.ent.platform.local.KeycloakSetup keycloak() {
        return platform.identity().setup();
    }

    /** The runtime's public endpoint (send the collectivity's domain as Host). */
    public URI runtimeBase() {
        return platform.server().runtimeBase();
    }

    /** The loopback admin endpoint's port: the admin API and {@code /admin/metrics}. */
    public int adminPort() {
        return platform.server().adminPort();
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

    public void startServer() {
        try {
            platform.startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stopServer() {
        try {
            platform.stopServer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The registry's shard of the collectivity (platform.collectivity.keycloak_shard): where its realm is. */
    public Optional<String> shardOf(String slug) {
        try (Connection c = platform.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select keycloak_shard from platform.collectivity where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean schemaExists(String schema) {
        try (Connection c = platform.dataSource().getConnection();
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
}
