package fr.ent.platform.bench;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.local.LibertyServer;
import fr.ent.platform.local.LocalIdentity;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.local.LocalPlatform;
import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh platform for one benchmark run ({@link LocalPlatform}): embedded PostgreSQL on a new temporary data
 * directory and a free port, Keycloak, and the assembled Open Liberty server (both applications) on free ports, its
 * output under bench/target. Closing stops them all and deletes the database; a shutdown hook does the same if the run is interrupted.
 */
public final class BenchPlatform implements AutoCloseable {

    private final LocalPlatform platform;
    private final LocalIdentity identity;
    private final PlatformClient client;
    private final Thread hook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String READER_PASSWORD = "bench-reader-2026";
    private final int databasePort;
    private final Path keycloakHome;
    private final Path work;
    /** The Keycloak shards beyond the platform's own, once {@link #spreadRealms} asked for them; null before. */
    private PlatformShards shards;
    private boolean closed;

    private BenchPlatform(LocalPlatform platform, int databasePort, Path keycloakHome, Path work) {
        this.platform = platform;
        this.databasePort = databasePort;
        this.keycloakHome = keycloakHome;
        this.work = work;
        this.identity = platform.identity();
        this.client = platform.client();
        this.hook = new Thread(this::closeQuietly, "bench-platform-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static BenchPlatform start(String name) throws IOException, InterruptedException {
        return start(name, Map.of());
    }

    /** Same, with {@code extraEnvironment} added to Liberty's (e.g. the AI endpoint of a local AI server). */
    public static BenchPlatform start(String name, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        if (!"host".equals(System.getProperty("jdk.httpclient.allowRestrictedHeaders"))) {
            throw new IllegalStateException("run with -Djdk.httpclient.allowRestrictedHeaders=host (see docs/benchmarks.md)");
        }
        Path output = Bench.targetDirectory().resolve(name + "-liberty");
        Bench.deleteTree(output); // fresh logs for this run
        // bench.keycloak.home: an unpacked, already built distribution starts in ~25 s instead of ~60-110 s
        String configuredHome = System.getProperty("bench.keycloak.home");
        Path keycloakHome = configuredHome == null || configuredHome.isBlank()
                ? Bench.targetDirectory().resolve("keycloak") : Path.of(configuredHome);
        Bench.deleteTree(keycloakHome.resolve("data")); // fresh realms for this run
        // bench.keycloak.base: a built home to copy (the smoke check runs beside the platform's integration tests
        // in a parallel build, so it cannot start its Keycloak in their home)
        String base = System.getProperty("bench.keycloak.base", "");
        if (!base.isBlank() && LocalKeycloak.copyBuiltHome(Path.of(base), keycloakHome)) {
            Bench.say("Keycloak: built home copied from " + base);
        }
        long t0 = System.nanoTime();
        Path pgdata = Files.createTempDirectory("ent-bench-pgdata-");
        ProcessCpu.watchPostgres(pgdata);
        int databasePort = Bench.freePort();
        LocalPlatform platform = LocalPlatform.start(new LocalPlatform.Setup(Bench.libertyHome(),
                Bench.targetDirectory(), name + "-liberty", pgdata, true,
                databasePort, new LocalPlatform.OwnKeycloak(keycloakHome, Bench.freePort(), Bench.freePort()),
                Bench.freePort(), Bench.freePort(), withExtra(serverEnvironment(), extraEnvironment), Bench::say));
        ProcessCpu.watchKeycloak(platform.identity().keycloak().process());
        Bench.say("Platform ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms: runtime "
                + platform.server().runtimeBase() + ", admin " + platform.server().adminBase());
        return new BenchPlatform(platform, databasePort, keycloakHome,
                Bench.targetDirectory().resolve(name + "-keycloak-shards"));
    }

    private static Map<String, String> withExtra(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.putAll(extra);
        return env;
    }

    /** The collectivities' Keycloak, as an administration script sees it (realm clients, users). */
    public fr.ent.platform.local.KeycloakSetup keycloak() {
        return identity.setup();
    }

    /** The HTTP client the bench's logins use. */
    public HttpClient http() {
        return http;
    }

    /** The token endpoint of a collectivity's realm (for a password login), on its shard's Keycloak. */
    public URI tokenEndpoint(String slug) {
        String base = keycloakOf(slug).baseUrl().toString();
        return RealmEndpoints.of(base, base).token(Realms.ofCollectivity(slug));
    }

    /**
     * Spreads the realms of the collectivities provisioned from now on over several Keycloak servers, as the
     * platform does in production (ADR 0044, ADR 0050): the platform's Keycloak becomes the shard {@code default} of
     * {@code capacity} realms, and {@link #openShardIfAllFull} starts and registers one more whenever every open shard
     * is full. One Keycloak alone is too slow to create a thousand realms. The extra servers stop with the platform.
     *
     * @param heap their JVM heap options (kc.sh's default otherwise)
     */
    public synchronized void spreadRealms(int capacity, Optional<String> heap) throws IOException, InterruptedException {
        if (shards != null) {
            throw new IllegalStateException("realms already spread over shards of " + shards.capacity());
        }
        shards = new PlatformShards(client, dataSource(), databasePort, work, keycloakHome, capacity, heap);
        shards.limitDefault();
    }

    /**
     * Before a provisioning once {@link #spreadRealms} was called: a new Keycloak shard when every open one is full
     * (else the REALM step would find no room). Returns the shard opened; nothing without shards.
     */
    public Optional<String> openShardIfAllFull() throws Exception {
        PlatformShards spread = shards;
        return spread == null ? Optional.empty() : spread.openIfAllFull();
    }

    /** The Keycloak shard {@code slug}'s realm is on ({@code default} when the realms are not spread). */
    public String shardOf(String slug) {
        PlatformShards spread = shards;
        return spread == null ? "default" : spread.shardOf(slug);
    }

    /** How many Keycloak shards hold the realms: 1 unless {@link #spreadRealms} opened more. */
    public int shardCount() {
        PlatformShards spread = shards;
        return spread == null ? 1 : spread.count();
    }

    /** The Keycloak that holds {@code slug}'s realm: the platform's own, or the shard's it was placed on. */
    private PlatformShards.Server keycloakOf(String slug) {
        PlatformShards spread = shards;
        PlatformShards.Server own = new PlatformShards.Server(identity.baseUrl(), identity.setup());
        return spread == null ? own : spread.server(spread.shardOf(slug)).orElse(own);
    }

    /**
     * Server settings of a diagnostic run, {@code -Dbench.server.env=NAME=value,NAME=value} (e.g.
     * {@code ENT_DB_PREPARE_THRESHOLD=0}): the variables are added to Liberty's environment.
     */
    static Map<String, String> serverEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        String spec = System.getProperty("bench.server.env", "");
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bench.server.env: NAME=value expected, got " + pair);
            }
            env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        if (!env.isEmpty()) {
            Bench.say("Server environment for this run: " + env);
        }
        return env;
    }

    /**
     * From now on runtime calls to {@code domain} carry a token of the collectivity's administrator (a service
     * account with SUPER_ADMIN in its realm), as an administration script would.
     */
    public void authorizeAsAdministrator(String slug, String domain) throws IOException, InterruptedException {
        ClientCredentials admin = keycloakOf(slug).setup().ensureServiceClient(Realms.ofCollectivity(slug), "bench-admin",
                "bench-admin-secret", List.of(RealmRoles.SUPER_ADMIN));
        client.authorizeRuntime(domain, admin::authorization);
    }

    /**
     * Signs in, with their password, the directory users of {@code domain} whose profile is one of
     * {@code profiles}: each gets a Keycloak account in the collectivity's realm (profile role, directory id
     * claim, as the launcher's demo accounts) and the realm's portal client accepts the direct grant. The tokens
     * come from each collectivity's own realm, so the runtime checks them against that realm's keys.
     */
    public List<PasswordLogin> signIn(String slug, String domain, Set<String> profiles)
            throws IOException, InterruptedException {
        allowPasswordGrant(slug);
        HttpResponse<String> users = client.get(domain, "/api/directory/users?limit=500");
        if (users.statusCode() != 200) {
            throw new IllegalStateException("directory of " + domain + ": " + users.statusCode() + " " + users.body());
        }
        List<PasswordLogin> logins = new ArrayList<>();
        for (JsonObject user : PlatformClient.json(users).getJsonArray("items").getValuesAs(JsonObject.class)) {
            String profile = user.getString("profile");
            if (!profiles.contains(profile)) {
                continue;
            }
            logins.add(signInUser(slug, user.getString("id"), profile, user.getString("firstName"),
                    user.getString("lastName")));
        }
        return logins;
    }

    /**
     * One directory user of collectivity {@code slug} gets a Keycloak account in its realm (profile role, directory
     * id claim) and signs in with their password (the realm must accept the direct grant: {@link #signIn} turns it
     * on).
     */
    public PasswordLogin signInUser(String slug, String id, String profile, String firstName, String lastName)
            throws IOException, InterruptedException {
        String realm = Realms.ofCollectivity(slug);
        PlatformShards.Server keycloak = keycloakOf(slug);
        URI tokenEndpoint = RealmEndpoints.of(keycloak.baseUrl().toString(), keycloak.baseUrl().toString())
                .token(realm);
        String username = profile.toLowerCase(java.util.Locale.ROOT) + "-" + id.substring(0, 8);
        keycloak.setup().ensureUser(realm, username, firstName, lastName, READER_PASSWORD, List.of(profile),
                Map.of("ent_user_id", id));
        return new PasswordLogin(http, tokenEndpoint, Realms.PORTAL_CLIENT, username, READER_PASSWORD,
                firstName + " " + lastName);
    }

    /**
     * Lets the portal client of {@code slug}'s realm accept the password grant (benchmarks only), with access tokens
     * of an hour: a token fetched before a long set-up ends must not expire during the load, where its password
     * login again would cost Keycloak's CPU in the middle of a measured phase.
     */
    public void allowPasswordGrant(String slug) throws IOException, InterruptedException {
        fr.ent.platform.local.KeycloakSetup keycloak = keycloakOf(slug).setup();
        keycloak.allowPasswordGrant(Realms.ofCollectivity(slug), Realms.PORTAL_CLIENT);
        keycloak.setClientAttribute(Realms.ofCollectivity(slug), Realms.PORTAL_CLIENT,
                "access.token.lifespan", "3600");
    }

    /**
     * Signs {@code login}'s user in to the portal of {@code domain} as a browser does, over plain HTTP
     * ({@link PortalLogin}: the runtime's code flow with PKCE through Keycloak's login form of the collectivity's
     * realm, back to {@code /}); returns the portal session (its cookie) after checking that the signed-in home page
     * names the user.
     */
    public PortalSession portalSession(String domain, PasswordLogin login) {
        PortalLogin.Outcome outcome = PortalLogin.signIn(new LoginAgent(server().runtimeBase()),
                server().runtimeBase(), domain, login);
        if (!outcome.succeeded()) {
            throw new IllegalStateException("portal sign-in of " + login.username() + " on " + domain + " failed ("
                    + outcome.failure() + "): " + outcome.detail());
        }
        return outcome.session();
    }

    /**
     * Stops Liberty and starts it again on the same ports and database with {@code extraEnvironment} added (how
     * settings read at start-up, such as {@code ENT_CLOCK_OFFSET} or {@code ENT_MAIL_HOST}, change); its output
     * directory and warm work area are kept ({@link LocalPlatform#restartWith}). Returns how long the restart took
     * until Liberty was ready.
     */
    public Duration restartWith(Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        platform.restartWith(extraEnvironment);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    public PlatformClient client() {
        return client;
    }

    public LibertyServer server() {
        return platform.server();
    }

    /** The {@code postgres} database as its superuser (benchmarks read their own counters there). */
    public javax.sql.DataSource dataSource() {
        return platform.dataSource();
    }

    /** Time of one provisioning as the client sees it. */
    public record Provisioned(String slug, long postNanos, long activeNanos, int polls) {
    }

    /**
     * POST /collectivities, then GET /collectivities/{slug} every {@code pollMillis} until ACTIVE. The clock runs
     * from just before the POST until the GET that sees ACTIVE has returned. Fails on any other answer, on FAILED,
     * and after two minutes.
     */
    public Provisioned provision(String slug, String domain, int pollMillis) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("slug", slug).add("kind", "commune")
                .add("displayName", "Bench " + slug).add("domains", Json.createArrayBuilder().add(domain)).build()
                .toString();
        long start = System.nanoTime();
        HttpResponse<String> created = client.admin("POST", "/collectivities", body);
        long posted = System.nanoTime();
        if (created.statusCode() != 202) {
            throw new IllegalStateException("POST /collectivities " + slug + ": " + created.statusCode() + " "
                    + created.body());
        }
        long deadline = start + Duration.ofMinutes(2).toNanos();
        int polls = 0;
        while (true) {
            HttpResponse<String> response = client.admin("GET", "/collectivities/" + slug, null);
            polls++;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /collectivities/" + slug + ": " + response.statusCode() + " "
                        + response.body());
            }
            String state = PlatformClient.json(response).getString("state");
            if (state.equals("ACTIVE")) {
                return new Provisioned(slug, posted - start, System.nanoTime() - start, polls);
            }
            if (state.equals("FAILED") || System.nanoTime() > deadline) {
                throw new IllegalStateException(slug + " is " + state + ": " + response.body() + " / provisioning: "
                        + client.admin("GET", "/collectivities/" + slug + "/provisioning", null).body());
            }
            Thread.sleep(pollMillis);
        }
    }

    /** Server-side duration of each provisioning step (ms), from GET /collectivities/{slug}/provisioning. */
    public Map<String, Long> stepMillis(String slug) throws IOException, InterruptedException {
        HttpResponse<String> response = client.admin("GET", "/collectivities/" + slug + "/provisioning", null);
        Map<String, Long> steps = new LinkedHashMap<>();
        if (response.statusCode() != 200) {
            return steps;
        }
        JsonArray array = PlatformClient.json(response).getJsonArray("steps");
        for (JsonObject step : array.getValuesAs(JsonObject.class)) {
            if (step.isNull("startedAt") || step.isNull("finishedAt")) {
                continue;
            }
            Instant started = Instant.parse(step.getString("startedAt"));
            Instant finished = Instant.parse(step.getString("finishedAt"));
            steps.put(step.getString("step"), Duration.between(started, finished).toMillis());
        }
        return steps;
    }

    /** Warnings and errors Liberty logged so far (messages.log): counts and the first few distinct messages. */
    public record LogProblems(int errors, int warnings, List<String> samples) {
    }

    private static final Pattern LOG_LINE = Pattern.compile("^\\[[^\\]]*\\] \\S+ \\S+\\s+([EW]) (.*)$");

    public LogProblems logProblems() {
        Path log = server().outputDirectory().resolve(LibertyServer.SERVER_NAME).resolve("logs/messages.log");
        int errors = 0;
        int warnings = 0;
        List<String> samples = new ArrayList<>();
        if (Files.exists(log)) {
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = LOG_LINE.matcher(line);
                    if (!m.matches()) {
                        continue;
                    }
                    if (m.group(1).equals("E")) {
                        errors++;
                    } else {
                        warnings++;
                    }
                    String message = m.group(1) + " " + m.group(2);
                    String key = message.length() > 160 ? message.substring(0, 160) : message;
                    if (samples.size() < 8 && samples.stream().noneMatch(s -> s.startsWith(key.substring(0, Math.min(60, key.length()))))) {
                        samples.add(key);
                    }
                }
            } catch (IOException e) {
                samples.add("(could not read " + log + ": " + e + ")");
            }
        }
        return new LogProblems(errors, warnings, samples);
    }

    public JsonObject logProblemsJson() {
        LogProblems p = logProblems();
        var samples = Json.createArrayBuilder();
        p.samples().forEach(samples::add);
        return Json.createObjectBuilder().add("errors", p.errors()).add("warnings", p.warnings())
                .add("samples", samples).add("log", server().outputDirectory().resolve(LibertyServer.SERVER_NAME)
                        .resolve("logs/messages.log").toString())
                .build();
    }

    public void printLogProblems() {
        LogProblems p = logProblems();
        Bench.say("Liberty messages.log: " + p.errors() + " error(s), " + p.warnings() + " warning(s)");
        p.samples().forEach(s -> Bench.say("  " + s));
    }

    private void closeQuietly() {
        try {
            stop();
        } catch (Exception e) {
            System.err.println("platform did not stop cleanly: " + e);
        }
    }

    private synchronized void stop() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (shards != null) {
                shards.close();
            }
        } finally {
            platform.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already running the hook
        }
    }
}
