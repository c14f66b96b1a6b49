package fr.ent.platform.local;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keycloak for the local platform, the integration tests and the benchmarks: the distribution run by
 * {@link LocalKeycloak} on loopback, the settings tenant-manager and the runtime need to use it (environment of
 * the Liberty server), and the platform-admin client credentials programs call the admin API with.
 *
 * <p>The credentials here are fixed and known: this Keycloak listens on 127.0.0.1 only and holds demo data. In
 * production, Keycloak is run by the hosting operator and every secret comes from the environment
 * (docs/configuration.md).
 */
public final class LocalIdentity implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-local";
    /** The secret of the platform realm's {@code operator} client (service account with platform-admin). */
    public static final String OPERATOR_SECRET = "operator-local-secret";
    public static final String OPERATOR_CLIENT = "operator";

    private final LocalKeycloak keycloak;
    private final ClientCredentials operator;
    /** One for the platform's life: it keeps its administrator's token (a password sign-in) across calls. */
    private final KeycloakSetup setup;

    private LocalIdentity(LocalKeycloak keycloak) {
        this.keycloak = keycloak;
        this.setup = new KeycloakSetup(keycloak.baseUrl(), keycloak.adminUsername(), keycloak.adminPassword());
        this.operator = ClientCredentials.platform(keycloak.baseUrl().toString(), OPERATOR_CLIENT, OPERATOR_SECRET);
    }

    /** Starts Keycloak with its home (unpacked distribution + H2 data) under {@code home}, kept across starts. */
    public static LocalIdentity start(Path home, int httpPort, int managementPort, Consumer<String> progress) {
        return new LocalIdentity(LocalKeycloak.builder(home).httpPort(httpPort).managementPort(managementPort)
                .admin(ADMIN_USERNAME, ADMIN_PASSWORD).option("--log-level=warn").progress(progress)
                // ~60 s on an idle 2-core machine; several times that when the machine is shared
                .timeout(java.time.Duration.ofMinutes(10)).start());
    }

    /**
     * The local platform's identity on a Keycloak already running (the tests' shared one), with the admin account
     * that Keycloak was started with.
     */
    public static LocalIdentity on(LocalKeycloak keycloak) {
        return new LocalIdentity(keycloak);
    }

    public URI baseUrl() {
        return keycloak.baseUrl();
    }

    /** What the Liberty server needs to reach this Keycloak (see docs/configuration.md). */
    public Map<String, String> libertyEnvironment(int runtimeHttpPort) {
        return Map.of(
                "ENT_KEYCLOAK_URL", keycloak.baseUrl().toString(),
                "ENT_KEYCLOAK_ADMIN_USERNAME", keycloak.adminUsername(),
                "ENT_KEYCLOAK_ADMIN_PASSWORD", keycloak.adminPassword(),
                "ENT_KEYCLOAK_OPERATOR_CLIENT_SECRET", OPERATOR_SECRET,
                "ENT_PORTAL_URL_TEMPLATE", "http://{domain}:" + runtimeHttpPort);
    }

    /** Platform-admin tokens for the admin API (the same client the Kubernetes operator uses). */
    public ClientCredentials operatorCredentials() {
        return operator;
    }

    public KeycloakSetup setup() {
        return setup;
    }

    public LocalKeycloak keycloak() {
        return keycloak;
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
