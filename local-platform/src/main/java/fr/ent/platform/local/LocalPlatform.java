package fr.ent.platform.local;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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

    /** Whether the platform starts a Prometheus of its own for the SLA report. */
    public sealed interface Monitoring {
    }

    /** No Prometheus: the SLA report answers 503 unless {@code ENT_PROMETHEUS_URL} is given in the environment. */
    public record NoPrometheus() implements Monitoring {
    }

    /**
     * A Prometheus of the platform's own ({@link LocalPrometheus}) when its binary is on the PATH: configuration
     * and data under {@code directory}, HTTP API on 127.0.0.1:{@code port}, scraping and evaluating the SLA rules
     * every {@code interval}; the server is told its address ({@code ENT_PROMETHEUS_URL}). Without the binary the
     * platform starts without it and says how to install it. Stopped with the platform.
     */
    public record OwnPrometheus(Path directory, int port, Duration interval) implements Monitoring {
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
     * @param monitoring    whether to start a Prometheus of the platform's own
     */
    public record Setup(Path libertyHome, Path work, String name, Path pgdata, boolean freshDatabase,
            int databasePort, Keycloak keycloak, int httpPort, int adminPort, Map<String, String> environment,
            Consumer<String> progress, Monitoring monitoring) {

        public Setup {
            environment = Map.copyOf(environment);
            java.util.Objects.requireNonNull(monitoring, "monitoring");
        }

        /** A setup without a Prometheus of the platform's own. */
        public Setup(Path libertyHome, Path work, String name, Path pgdata, boolean freshDatabase, int databasePort,
                Keycloak keycloak, int httpPort, int adminPort, Map<String, String> environment,
                Consumer<String> progress) {
            this(libertyHome, work, name, pgdata, freshDatabase, databasePort, keycloak, httpPort, adminPort,
                    environment, progress, new NoPrometheus());
        }

        /** The same setup with these variables added to the server's environment. */
        public Setup withEnvironment(Map<String, String> extra) {
            Map<String, String> all = new HashMap<>(environment);
            all.putAll(extra);
            return new Setup(libertyHome, work, name, pgdata, freshDatabase, databasePort, keycloak, httpPort,
                    adminPort, all, progress, monitoring);
        }
    }

    private final Setup setup;
    private final EmbeddedDatabase database;
    private final LocalIdentity identity;
    private final Optional<LocalAntivirus> antivirus;
    private final PlatformClient client;
    private final LocalPrometheus prometheus;
    private Map<String, String> environment;
    private LibertyServer server;
    private int restarts;

    private LocalPlatform(Setup setup, EmbeddedDatabase database, LocalIdentity identity,
            Optional<LocalAntivirus> antivirus, LocalPrometheus prometheus, LibertyServer server,
            Map<String, String> environment) {
        this.setup = setup;
        this.prometheus = prometheus;
        this.database = database;
        this.identity = identity;
        this.antivirus = antivirus;
        this.server = server;
        this.environment = environment;
        // the server's ports never change across restarts, so one client serves the platform's whole life
        this.client = new PlatformClient(server.adminBase(), server.runtimeBase(),
                identity.operatorCredentials()::authorization);
    }

    /**
     * Starts PostgreSQL, Keycloak, Prometheus (when asked and installed) and Liberty in this order, and stops what
     * started if a later part fails.
     */
    public static LocalPlatform start(Setup setup) throws IOException, InterruptedException {
        Consumer<String> progress = setup.progress();
        progress.accept("PostgreSQL embarqué (données : " + setup.pgdata() + ", port " + setup.databasePort() + ")");
        if (setup.freshDatabase()) {
            deleteTree(setup.pgdata());
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(setup.pgdata(), setup.databasePort());
        LocalIdentity identity = null;
        Optional<LocalAntivirus> antivirus = Optional.empty();
        LocalPrometheus prometheus = null;
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
            // backups (ADR 0040): a directory store beside the files, and a master key made once for this machine
            environment.put("ENT_BACKUP_DIR", setup.work().resolve("backups").toString());
            environment.put("ENT_BACKUP_KEYS", "1:" + localBackupKey(setup.work()));
            environment.putAll(antivirus.map(LocalAntivirus::environment)
                    .orElse(Map.of("ENT_ANTIVIRUS_REQUIRED", "false")));
            // accounts federated from the directory (ADR 0043): every realm made here reads its people through the
            // provider jar the local Keycloak loads; ENT_IDENTITY_FEDERATION_JDBC_URL= (blank) in the setup's
            // environment goes back to copying accounts into Keycloak
            environment.put("ENT_IDENTITY_FEDERATION_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.port()
                    + "/postgres");
            prometheus = startPrometheus(setup, LocalPrometheus.binary());
            if (prometheus != null) {
                environment.put("ENT_PROMETHEUS_URL", prometheus.url().toString());
            }
            environment.putAll(setup.environment());
            progress.accept("Open Liberty (tenant-manager + ent-runtime), ports " + setup.httpPort() + " et "
                    + setup.adminPort() + " (admin)");
            LibertyServer server = LibertyServer.start(setup.libertyHome(), setup.work().resolve(setup.name()),
                    setup.httpPort(), setup.adminPort(), database.port(), environment, progress);
            return new LocalPlatform(setup, database, identity, antivirus, prometheus, server,
                    Map.copyOf(environment));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            // Error too (a NoClassDefFoundError in a half-built tree was seen): what started is stopped whatever
            // failed, or an orphaned clamd or PostgreSQL blocks the next start in the same work directory
            if (prometheus != null) {
                prometheus.close();
            }
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

    /**
     * The platform's own Prometheus, or null: not asked for, or not installed ({@code binary} empty), in which case
     * the progress says how to install it ({@link LocalPrometheus#NOT_INSTALLED}).
     */
    static LocalPrometheus startPrometheus(Setup setup, Optional<Path> binary)
            throws IOException, InterruptedException {
        if (!(setup.monitoring() instanceof OwnPrometheus own)) {
            return null;
        }
        if (binary.isEmpty()) {
            setup.progress().accept(LocalPrometheus.NOT_INSTALLED);
            return null;
        }
        setup.progress().accept("Prometheus (règles SLA générées, données : " + own.directory().resolve("data")
                + ", port " + own.port() + ")");
        // the token the server will require on /admin/metrics: given to it, or inherited from this environment
        String token = setup.environment().getOrDefault("ENT_METRICS_TOKEN", System.getenv("ENT_METRICS_TOKEN"));
        return LocalPrometheus.start(binary.get(), own.directory(), own.port(), own.interval(), setup.adminPort(),
                token);
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
     * server reads at start); later restarts keep them. As after {@link #stopServer()}, the output directory and
     * its work area are kept (a clean stop leaves nothing half-written, and Liberty reads its configuration and
     * environment again at every start): a warm start is faster than a cold one, which every test paying a restart
     * (the AI endpoint, the clock) waited for. {@code console.log} is rewritten by the new start.
     */
    public synchronized void restartWith(Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        server.close();
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(extraEnvironment);
        environment = Map.copyOf(all);
        startServer();
    }

    /**
     * Restarts PostgreSQL under the running server (fast shutdown, {@code outage} without a database, started again
     * as it was; {@link EmbeddedDatabase#restart}); Liberty is not told: its pools must find out by themselves.
     */
    public void restartDatabase(Duration outage) throws IOException, InterruptedException {
        database.restart(outage, setup.work().resolve("postgres-restart.log"));
    }

    public synchronized LibertyServer server() {
        return server;
    }

    /** Admin API calls with platform-admin tokens; runtime calls with the Host of a collectivity's domain. */
    public PlatformClient client() {
        return client;
    }

    /** The platform's own Prometheus, if it started one ({@link OwnPrometheus} and the binary installed). */
    public Optional<LocalPrometheus> prometheus() {
        return Optional.ofNullable(prometheus);
    }

    public LocalIdentity identity() {
        return identity;
    }

    /**
     * What this platform runs on this machine and where each part keeps its data, for the inventory of the
     * compliance report ({@link DemoCompliance}): only the parts really started (clamd and Prometheus when installed).
     */
    public synchronized List<DemoCompliance.Component> components() {
        List<DemoCompliance.Component> parts = new ArrayList<>();
        parts.add(new DemoCompliance.Component("PostgreSQL embarqué", setup.pgdata()));
        parts.add(new DemoCompliance.Component("Keycloak", switch (setup.keycloak()) {
            case OwnKeycloak own -> own.home();
            // the test JVM's Keycloak: its home is where its log is
            case RunningKeycloak running -> running.server().log().getParent();
        }));
        parts.add(new DemoCompliance.Component("Open Liberty (journaux)", server.outputDirectory()));
        parts.add(new DemoCompliance.Component("magasin de fichiers sur disque local",
                setup.work().resolve("files")));
        // its signature database is no one's data
        antivirus.ifPresent(a -> parts.add(new DemoCompliance.Component("clamd", null)));
        if (prometheus != null) {
            parts.add(new DemoCompliance.Component("Prometheus", prometheus.directory().resolve("data")));
        }
        return List.copyOf(parts);
    }

    /** The {@code postgres} database as its superuser. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Stops Liberty, then its Prometheus and clamd, then Keycloak if it is the platform's own, then PostgreSQL
     * (its data deleted if fresh).
     */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        try {
            server.close();
            if (prometheus != null) {
                prometheus.close();
            }
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

    /**
     * The local platform's backup master key (ADR 0040): 32 random bytes kept in {@code backup-master.key} beside the
     * data, made on the first start, so that backups stay readable across restarts. Production gives its own keys
     * (docs/backup.md).
     */
    static String localBackupKey(java.nio.file.Path work) throws java.io.IOException {
        java.nio.file.Path file = work.resolve("backup-master.key");
        if (!java.nio.file.Files.isRegularFile(file)) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            java.nio.file.Files.createDirectories(work);
            java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
        }
        return java.nio.file.Files.readString(file).strip();
    }
}
