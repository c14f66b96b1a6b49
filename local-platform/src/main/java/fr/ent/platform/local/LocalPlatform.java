package fr.ent.platform.local;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The one way to start the whole platform on this machine: embedded PostgreSQL, Keycloak, then the assembled Open
 * Liberty server with tenant-manager and ent-runtime. The developer's launcher ({@link Launcher}), the integration
 * tests of local-platform and of the operator, and the benchmarks all start it here, so that they run the same
 * platform the same way; they differ only by their {@link Setup} (ports, data kept or fresh, own or shared
 * Keycloak, extra environment). Liberty can be stopped, crashed and started again on the same ports and database.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Which Keycloak the platform uses. */
    public sealed interface Keycloak {
    }

    /** A Keycloak of the platform's own, started under {@code home} (distribution and data kept) and stopped with it. */
    public record OwnKeycloak(Path home, int httpPort, int managementPort) implements Keycloak {
    }

    /** A Keycloak already running (the test JVM's shared one, with its admin account): not stopped with the platform. */
    public record RunningKeycloak(LocalKeycloak server) implements Keycloak {
    }

    /**
     * How to start the platform.
     *
     * @param libertyHome   the assembled server ({@code local-platform/target/liberty/wlp})
     * @param work          where Liberty writes its output ({@code <name>}; {@code <name>-restart-N} after a crash
     *                      or a restart with new settings)
     * @param name          the name of Liberty's first output directory under {@code work}
     * @param pgdata        PostgreSQL's data directory
     * @param freshDatabase true: {@code pgdata} is emptied at start and deleted at close (tests, benchmarks)
     * @param environment   added to the server's environment, over the Keycloak settings (docs/configuration.md)
     */
    public record Setup(Path libertyHome, Path work, String name, Path pgdata, boolean freshDatabase,
            int databasePort, Keycloak keycloak, int httpPort, int adminPort, Map<String, String> environment,
            Consumer<String> progress) {

        public Setup {
            environment = Map.copyOf(environment);
        }

        /** The same setup with these variables added to the server's environment. */
        public Setup withEnvironment(Map<String, String> extra) {
            Map<String, String> all = new HashMap<>(environment);
            all.putAll(extra);
            return new Setup(libertyHome, work, name, pgdata, freshDatabase, databasePort, keycloak, httpPort,
                    adminPort, all, progress);
        }
    }

    private final Setup setup;
    private final EmbeddedDatabase database;
    private final LocalIdentity identity;
    private final Optional<LocalAntivirus> antivirus;
    private final PlatformClient client;
    private Map<String, String> environment;
    private LibertyServer server;
    private int restarts;

    private LocalPlatform(Setup setup, EmbeddedDatabase database, LocalIdentity identity,
            Optional<LocalAntivirus> antivirus, LibertyServer server, Map<String, String> environment) {
        this.setup = setup;
        this.database = database;
        this.identity = identity;
        this.antivirus = antivirus;
        this.server = server;
        this.environment = environment;
        // the server's ports never change across restarts, so one client serves the platform's whole life
        this.client = new PlatformClient(server.adminBase(), server.runtimeBase(),
                identity.operatorCredentials()::authorization);
    }

    /** Starts PostgreSQL, Keycloak and Liberty in this order, and stops what started if a later part fails. */
    public static LocalPlatform start(Setup setup) throws IOException, InterruptedException {
        Consumer<String> progress = setup.progress();
        progress.accept("PostgreSQL embarqué (données : " + setup.pgdata() + ", port " + setup.databasePort() + ")");
        if (setup.freshDatabase()) {
            deleteTree(setup.pgdata());
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(setup.pgdata(), setup.databasePort());
        LocalIdentity identity = null;
        Optional<LocalAntivirus> antivirus = Optional.empty();
        try {
            identity = switch (setup.keycloak()) {
                case OwnKeycloak own -> {
                    progress.accept("Keycloak " + LocalKeycloak.version() + " (données : " + own.home() + ", port "
                            + own.httpPort() + ") — le premier démarrage prend ~1 min");
                    yield LocalIdentity.start(own.home(), own.httpPort(), own.managementPort(),
                            line -> progress.accept("      " + line));
                }
                case RunningKeycloak running -> LocalIdentity.on(running.server());
            };
            Map<String, String> environment = new HashMap<>(identity.libertyEnvironment(setup.httpPort()));
            // the file store: a directory kept with the platform's data; uploads scanned by a local clamd if any
            antivirus = LocalAntivirus.startIfInstalled(setup.work().resolve("clamd"), !setup.freshDatabase(),
                    progress);
            environment.put("ENT_STORAGE_KIND", "disk");
            environment.put("ENT_STORAGE_DISK_DIRECTORY", setup.work().resolve("files").toString());
            environment.put("ENT_STORAGE_SPOOL_DIRECTORY", setup.work().resolve("uploads").toString());
            environment.putAll(antivirus.map(LocalAntivirus::environment)
                    .orElse(Map.of("ENT_ANTIVIRUS_REQUIRED", "false")));
            environment.putAll(setup.environment());
            progress.accept("Open Liberty (tenant-manager + ent-runtime), ports " + setup.httpPort() + " et "
                    + setup.adminPort() + " (admin)");
            LibertyServer server = LibertyServer.start(setup.libertyHome(), setup.work().resolve(setup.name()),
                    setup.httpPort(), setup.adminPort(), database.port(), environment, progress);
            return new LocalPlatform(setup, database, identity, antivirus, server, Map.copyOf(environment));
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (antivirus.isPresent()) {
                antivirus.get().close();
            }
            if (identity != null && setup.keycloak() instanceof OwnKeycloak) {
                identity.close();
            }
            database.close();
            throw e;
        }
    }

    /** Stops Liberty cleanly (a tenant-manager outage); {@link #startServer()} brings it back. */
    public synchronized void stopServer() throws InterruptedException {
        server.close();
    }

    /**
     * Starts Liberty again after {@link #stopServer()}, on the same ports, database, environment and output
     * directory: its work area is kept, so it starts as fast as the first time (a slower start leaves the admin
     * port answering 404 longer while the applications start, which callers such as the operator would see).
     */
    public synchronized void startServer() throws IOException, InterruptedException {
        server = LibertyServer.start(setup.libertyHome(), server.outputDirectory(), setup.httpPort(),
                setup.adminPort(), database.port(), environment, setup.progress());
    }

    /**
     * Kills Liberty as a crash would (SIGKILL) and starts it again, like a pod restarted after a crash, with a new
     * output directory (nothing the crashed server left behind is reused).
     */
    public synchronized void crashAndRestart() throws IOException, InterruptedException {
        server.kill();
        startFresh();
    }

    private void startFresh() throws IOException, InterruptedException {
        server = LibertyServer.start(setup.libertyHome(), setup.work().resolve(setup.name() + "-restart-" + ++restarts),
                setup.httpPort(), setup.adminPort(), database.port(), environment, setup.progress());
    }

    /**
     * Stops Liberty cleanly and starts it again with these variables added to its environment (configuration the
     * server reads at start); later restarts keep them.
     */
    public synchronized void restartWith(Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        server.close();
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(extraEnvironment);
        environment = Map.copyOf(all);
        startFresh();
    }

    public synchronized LibertyServer server() {
        return server;
    }

    /** Admin API calls with platform-admin tokens; runtime calls with the Host of a collectivity's domain. */
    public PlatformClient client() {
        return client;
    }

    public LocalIdentity identity() {
        return identity;
    }

    /** The {@code postgres} database as its superuser. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Stops Liberty, then clamd, then Keycloak if it is the platform's own, then PostgreSQL (its data deleted if
     * fresh).
     */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        try {
            server.close();
            if (antivirus.isPresent()) {
                antivirus.get().close();
            }
            if (setup.keycloak() instanceof OwnKeycloak) {
                identity.close();
            }
        } finally {
            database.close();
            if (setup.freshDatabase()) {
                deleteTree(setup.pgdata());
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
