package fr.ent.platform.it;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.local.DemoCompliance;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.local.KeycloakSetup;
import fr.ent.platform.local.LibertyServer;
import fr.ent.platform.local.LocalIdentity;
import fr.ent.platform.local.LocalPrometheus;
import fr.ent.platform.local.LocalPlatform;
import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.testing.ai.LocalChatServer;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import fr.ent.platform.testing.ports.FreePorts;
import fr.ent.platform.testing.prometheus.PrometheusServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;

/**
 * The real platform for integration tests ({@link LocalPlatform}: embedded PostgreSQL, the test JVM's shared
 * Keycloak and the assembled Open Liberty server with both applications), started once per test JVM on free ports,
 * stopped when the JVM exits. Admin API calls carry a
 * platform-admin token; runtime calls to a collectivity provisioned here carry a token of that collectivity's
 * own administrator (a service account with SUPER_ADMIN in its realm) unless the test names another.
 */
public final class Platform {

    private static Platform instance;

    public static final String IT_ADMIN_CLIENT = "it-admin";
    public static final String IT_ADMIN_SECRET = "it-admin-secret";

    /** The end-of-rights delay of the collectivities whose slug starts with {@link #END_OF_RIGHTS_PREFIX}. */
    public static final Duration END_OF_RIGHTS_DELAY = Duration.ofSeconds(30);
    /** The slug prefix of the collectivities whose end-of-rights delay is shortened (ErasureIT's). Before
     * {@link #BASE_ENVIRONMENT}, which reads both at class initialisation. */
    public static final String END_OF_RIGHTS_PREFIX = "endofrights";

    /**
     * Settings every test server gets: the local platform's demo sovereignty policy ({@link DemoCompliance#POLICY}:
     * French and EU regions, admin MFA), so that the compliance report and the egress door have rules to apply,
     * and the messagerie's limits. Tests that restart the server add to it.
     */
    public static final Map<String, String> BASE_ENVIRONMENT = baseEnvironment();

    /** The scrape and rule evaluation interval of the platform's Prometheus: short, for figures within seconds. */
    public static final Duration PROMETHEUS_INTERVAL = Duration.ofSeconds(5);

    private static Map<String, String> baseEnvironment() {
        Map<String, String> environment = new HashMap<>(DemoCompliance.POLICY);
        // small messagerie limits, so that a test reaches them with a few small files
        environment.put("ENT_MESSAGERIE_QUOTA_MIB", "1");
        environment.put("ENT_MESSAGERIE_MAX_ATTACHMENT_KIB", "600");
        // Actualités' job posts the notices of future-dated items every 2 s, so that tests hardly wait
        environment.put("ENT_ACTUALITES_TICK_SECONDS", "2");
        // and the diary's job the homework that became visible
        environment.put("ENT_DIARY_TICK_SECONDS", "2");
        // erasures (ADR 0032): the runtime runs queued ones every 3 s, tenant-manager looks for the end of rights
        // every 5 s; the delay is shortened to 30 s for ErasureIT's collectivities only (ADR 0042): everywhere else
        // it stays the rule's 90 days, so that nobody another test's import leaves marked is erased
        environment.put("ENT_ERASURE_SWEEP_SECONDS", "3");
        environment.put("ENT_ACCOUNTS_END_OF_RIGHTS_SWEEP_SECONDS", "5");
        // a job a crash interrupted (no heartbeat any more, ADR 0041) is taken up after 30 s instead of minutes
        environment.put("ENT_ERASURE_STALLED_SECONDS", "30");
        environment.put("ENT_TRANSFER_STALLED_SECONDS", "30");
        // the test-only pause before each step of a job, for the collectivities of CrashRecoveryIT only (crash-*):
        // it kills the server while a job is surely between two steps
        environment.put("ENT_JOBS_TEST_PAUSE_MILLIS", "3000");
        environment.put("ENT_JOBS_TEST_PAUSE_SLUG_PREFIX", "crash-");
        // no scheduled backup (ADR 0046): the classes that move the clock would otherwise start one for every
        // collectivity at the backup hour; the schedule is tested in tenant-manager (BackupsTest)
        environment.put("ENT_BACKUP_SCHEDULE_ENABLED", "false");
        environment.put("ENT_ACCOUNTS_DELETION_DELAY_SECONDS", String.valueOf(END_OF_RIGHTS_DELAY.toSeconds()));
        environment.put("ENT_ACCOUNTS_DELETION_DELAY_SECONDS_FOR", END_OF_RIGHTS_PREFIX + "-");
        // the realms hash passwords with one PBKDF2 round instead of Argon2 (SharedKeycloak.PASSWORD_HASHING): every
        // password set and password sign-in of the run was paying tens of milliseconds of Keycloak CPU
        environment.put("ENT_KEYCLOAK_PASSWORD_HASHING", SharedKeycloak.PASSWORD_HASHING);
        return Map.copyOf(environment);
    }

    /**
     * The {@code @Order} of a test class that restarts the server: after the others (junit-platform.properties), so
     * that background work holding the server up ({@link #keepingTheServerUp}) is over by then.
     */
    public static final int RESTARTS_THE_SERVER = Order.DEFAULT + 2;
    /**
     * The {@code @Order} of a test class that moves the server's clock ({@code ENT_CLOCK_OFFSET}): after every
     * other, so it leaves the clock moved instead of paying a restart (~30 s) to put it back.
     */
    public static final int MOVES_THE_CLOCK = RESTARTS_THE_SERVER + 1;

    /**
     * The demo collectivities' people, as a shared resource of the run's concurrent classes
     * (junit-platform.properties): a class that signs them in, counts what they have or changes their settings holds
     * it ({@code @ResourceLock(Platform.DEMOS)}), so that another class does not change what it counts.
     */
    public static final String DEMOS = "ent.demos";
    /** The local AI provider's answer ({@link #ai}), set by a class before its calls. */
    public static final String AI = "ent.ai";

    private final LocalPlatform platform;
    private final LocalChatServer ai;
    private final Map<String, ClientCredentials> administrators = new ConcurrentHashMap<>();
    /**
     * Held (read) by background work that needs the server up across test classes (the SLA traffic); a restart
     * takes it (write), so it waits for that work to finish instead of breaking it.
     */
    private final ReentrantReadWriteLock serverUp = new ReentrantReadWriteLock();
    /** The demo accounts once {@link #demos} has seeded the demo collectivities in this JVM. */
    private List<DemoData.Account> demoAccounts;

    private Platform(LocalPlatform platform, LocalChatServer ai) {
        this.platform = platform;
        this.ai = ai;
    }

    public static synchronized Platform get() {
        if (instance == null) {
            // The AI provider every test shares (FALC rewrite: FalcIT, the Actualités editor): a local server
            // speaking the chat-completions API, declared at the first start so that no test pays a restart for it.
            LocalChatServer ai = call(() -> LocalChatServer.start(
                    Path.of(System.getProperty("ent.it.work", "target/it-work"), "ai-" + ProcessHandle.current().pid())));
            instance = new Platform(call(() -> start(ai)), ai);
            // Keycloak stops with its own hook (SharedKeycloak)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    instance.platform.close();
                    instance.ai.close();
                } catch (Exception e) {
                    System.err.println("platform did not stop cleanly: " + e);
                }
            }));
        }
        return instance;
    }

    /**
     * The platform of the module's run: the test JVM's Keycloak, a fresh database, Liberty on free ports, the local
     * AI provider, and, as {@code ./run-platform.sh} has, its own Prometheus evaluating the generated SLA rules
     * (when installed).
     */
    private static LocalPlatform start(LocalChatServer ai) throws IOException, InterruptedException {
        Path work = Path.of(System.getProperty("ent.it.work", "target/it-work"));
        long pid = ProcessHandle.current().pid();
        Map<String, String> environment = new HashMap<>(BASE_ENVIRONMENT);
        environment.putAll(aiEnvironment(ai));
        return LocalPlatform.start(new LocalPlatform.Setup(Path.of(System.getProperty("ent.liberty.home")), work,
                "liberty-" + pid, work.resolve("pgdata-" + pid), true, FreePorts.next(),
                new LocalPlatform.RunningKeycloak(SharedKeycloak.server()), FreePorts.next(), FreePorts.next(),
                environment, System.out::println, new LocalPlatform.OwnPrometheus(
                        work.resolve("prometheus-" + pid), FreePorts.next(), PROMETHEUS_INTERVAL)));
    }

    /**
     * The AI endpoint as a hosting operator would declare it: a French region, allow-listed, its certificate
     * trusted; every call goes to {@code ai} (127.0.0.1).
     */
    public static Map<String, String> aiEnvironment(LocalChatServer ai) {
        Map<String, String> env = new HashMap<>();
        env.put("ENT_EGRESS_ALLOWED_HOSTS", "127.0.0.1");
        env.put("ENT_EGRESS_AI_URL", ai.url());
        env.put("ENT_EGRESS_AI_REGION", "fr-par");
        env.put("ENT_EGRESS_AI_PROVIDER", "fournisseur-local");
        env.put("ENT_EGRESS_TRUST_STORE", ai.trustStore().toAbsolutePath().toString());
        env.put("ENT_EGRESS_TRUST_STORE_PASSWORD", LocalChatServer.PASSWORD);
        env.put("ENT_AI_MODEL", "modele-falc");
        // Generous: the first call after a start loads the HTTP client and makes the TLS handshake, which took over
        // 10 s on a machine at load 28 (504). No test here is about the timeout: ChatCompletionsTest is.
        env.put("ENT_AI_TIMEOUT_SECONDS", "60");
        return env;
    }

    /**
     * The local AI provider the server calls (see {@link #aiEnvironment}); a test sets what it answers and reads
     * what it received. A class that sets its answer holds {@link #AI} while it calls.
     */
    public LocalChatServer ai() {
        return ai;
    }

    /**
     * The platform's own Prometheus (the server was told its URL at start); closing it stops it for the rest of
     * the run. Fails with how to install it when the binary is missing.
     */
    public PrometheusServer prometheus() {
        LocalPrometheus own = platform.prometheus().orElseThrow(() -> new IllegalStateException(
                LocalPrometheus.NOT_INSTALLED + " (.ci/run l'installe)"));
        return PrometheusServer.running(own.process(), own.directory(), own.url());
    }

    /**
     * Runs {@code work} with the server guaranteed up: {@link #restartWith} and {@link #crashAndRestart} wait
     * until it is over. Other calls go on meanwhile.
     */
    public void keepingTheServerUp(Action work) throws IOException, InterruptedException {
        serverUp.readLock().lock();
        try {
            work.run();
        } finally {
            serverUp.readLock().unlock();
        }
    }

    private void restart(Action restart) {
        serverUp.writeLock().lock();
        try {
            run(restart);
        } finally {
            serverUp.writeLock().unlock();
        }
    }

    /**
     * Kills Liberty as a crash would (SIGKILL) and starts it again on the same ports and database, like a pod
     * restarted after a crash. Only an @Isolated class calls it, so the other classes see a running server;
     * background work holding {@link #keepingTheServerUp} is waited for.
     */
    public void crashAndRestart() {
        restart(platform::crashAndRestart);
    }

    /**
     * Restarts the embedded PostgreSQL (fast shutdown, {@code outage} without a database, started again as it was)
     * under the running server, which is not told. Only an @Isolated class calls it; background work holding
     * {@link #keepingTheServerUp} is waited for.
     */
    public void restartDatabase(Duration outage) {
        restart(() -> platform.restartDatabase(outage));
    }

    /**
     * Stops Liberty cleanly and starts it again with these extra environment variables (configuration the server
     * reads at start, e.g. the AI endpoint), on the same ports and database. Later restarts keep them.
     */
    public void restartWith(Map<String, String> extraEnvironment) {
        restart(() -> platform.restartWith(extraEnvironment));
    }

    /**
     * The demo collectivities as {@code ./run-platform.sh} seeds them ({@link DemoData}), seeded once per test JVM
     * (the first caller pays, the run's start when DemoReportsIT is in it: DemoEarlySeed), and their names resolved
     * to the loopback address in Keycloak (it calls their back-channel logout URL). Seeding again found everything
     * in place but still cost seconds of Keycloak and admin API calls in each class: the classes that change a demo put it
     * back themselves (functions, apps, colours, the administrator's authenticator). Returns the demo accounts.
     */
    public synchronized List<DemoData.Account> demos() {
        if (demoAccounts == null) {
            identity().keycloak().resolveToLoopback(DemoData.DEMOS.stream().map(DemoData.Demo::domain).toList());
            demoAccounts = List.copyOf(call(() -> DemoData.ensure(client(), keycloak(), System.out::println)));
        }
        return demoAccounts;
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
            platform.identity().keycloak().resolveToLoopback(List.of(domain));
            platform.client().ensureActive(slug, kind, displayName, domain);
            platform.client().authorizeRuntime(domain, () -> administratorToken(slug));
            return slug;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String host, String path) {
        return call(() -> platform.client().get(host, path));
    }

    public HttpResponse<String> postJson(String host, String path, String json) {
        return call(() -> platform.client().postJson(host, path, json));
    }

    public HttpResponse<String> postMultipart(String host, String path, Map<String, byte[]> parts) {
        return call(() -> platform.client().postMultipart(host, path, parts));
    }

    /** A runtime call with an explicit {@code Authorization} header (null: anonymous). */
    public HttpResponse<String> send(String host, String method, String path, String contentType, byte[] body,
            String authorization) {
        return call(() -> platform.client().runtime(host, method, path, contentType, body, authorization));
    }

    public HttpResponse<String> send(String host, String method, String path, String contentType, byte[] body) {
        return call(() -> platform.client().runtime(host, method, path, contentType, body));
    }

    /** The admin API (loopback endpoint): method, path under /admin/api/v1, JSON body or null. */
    public HttpResponse<String> admin(String method, String path, String json) {
        return call(() -> platform.client().admin(method, path, json));
    }

    /** Client credentials of a service account with SUPER_ADMIN in the collectivity's realm (made on first use). */
    public ClientCredentials administrator(String slug) {
        return administrators.computeIfAbsent(slug, s -> {
            try {
                return platform.identity().setup().ensureServiceClient(Realms.ofCollectivity(s), IT_ADMIN_CLIENT, IT_ADMIN_SECRET,
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
        return platform.identity();
    }

    /** What the platform runs and where each part keeps its data (the inventory of the machine). */
    public List<DemoCompliance.Component> components() {
        return platform.components();
    }

    public KeycloakSetup keycloak() {
        return platform.identity().setup();
    }

    public PlatformClient client() {
        return platform.client();
    }

    public LibertyServer server() {
        return platform.server();
    }

    public DataSource database() {
        return platform.dataSource();
    }

    public static JsonObject json(HttpResponse<String> response) {
        return PlatformClient.json(response);
    }

    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    public interface Action {
        void run() throws IOException, InterruptedException;
    }

    private static void run(Action action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(Call<T> call) {
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
