package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Comparison;
import fr.ent.platform.bench.DirectoryReadBench.Exchange;
import fr.ent.platform.bench.DirectoryReadBench.Phase;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monday 8:00 login storm (issue 19): portal logins per second on one collectivity versus spread over many, on one
 * Keycloak. On a fresh platform, makes the people of {@link HomePageBench} (T collectivities, one school, one class,
 * U people each, U × T in collectivity 1, one notice to each school) with a Keycloak account each, and signs one
 * person of each collectivity in once (the first login of a realm pays its key generation: set-up, not measure).
 * Then {@link DirectoryReadBench}'s closed loop, where one turn is a whole login as a browser without JavaScript
 * makes it ({@link PortalLogin}): a new cookie jar (a new session), {@code /auth/login} on the collectivity's
 * domain, the redirect to its realm (code flow with PKCE), Keycloak's login form posted, the runtime's callback
 * (code exchange, token checks, new session id), back to {@code /}, which must name the person. The person is drawn
 * at random in the target collectivity: phase A collectivity 1 only, phase B a collectivity drawn at random per
 * login, A and B interleaved in rounds after a warm-up. A and B draw from as many people (U × T), so that the ratio
 * measures collectivities (realms, their keys and caches), not people; one person never signs in twice at once
 * ({@link #idle}). The HTTP connections are pooled by the load
 * generator (plain HTTP here; a browser's TLS handshake is not part of the measure).
 * Besides logins per second and their p50/p99, each phase reports the CPU per login of the platform, of Keycloak
 * alone (password hashing with the realm's default algorithm; brute-force detection is on, as in every realm) and of
 * PostgreSQL. Targets: throughput B/A ≥ 0.90; any login that does not end signed in fails the run.
 * Parameters: -Dbench.storm.tenants (50), .users (4), .firstUsers (U × T, at most 500), .threads (8),
 * .warmupSeconds (20), .phaseSeconds (20), .rounds (4); -Dbench.gate=&lt;dir&gt; ({@link ServerVariants}).
 */
public final class LoginStormBench {

    private static final double TARGET_RATIO = 0.90;

    private LoginStormBench() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Bench.intProperty("bench.storm.tenants", 50);
        int users = Bench.intProperty("bench.storm.users", 4);
        int firstUsers = Bench.intProperty("bench.storm.firstUsers", Math.min(500, users * tenants));
        int threads = Bench.intProperty("bench.storm.threads", 8);
        int warmup = Bench.intProperty("bench.storm.warmupSeconds", 20);
        int phaseSeconds = Bench.intProperty("bench.storm.phaseSeconds", 20);
        int rounds = Bench.intProperty("bench.storm.rounds", 4);
        say("LoginStormBench: " + tenants + " collectivities × " + users + " people (" + firstUsers
                + " in collectivity 1); " + threads + " client threads; warm-up " + warmup + " s; " + rounds
                + " rounds of A and B, " + phaseSeconds + " s each");
        say("Machine: " + Bench.machineLine());

        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        Map<String, String> examples = new ConcurrentHashMap<>(); // the first of each kind of failure, in full
        var json = Bench.object().add("benchmark", "LoginStormBench").add("machine", Bench.machine());
        List<Phase> phases;
        long setupSeconds;
        double loadBefore;
        double loadAfter;
        String hashing;
        try (BenchPlatform platform = BenchPlatform.start("login-storm")) {
            long t0 = System.nanoTime();
            Target[] targets = HomePageBench.accounts(platform, "storm", tenants,
                    i -> i == 1 ? firstUsers : users);
            for (Target target : targets) {
                platform.portalSession(target.host(), (PasswordLogin) target.readers().getFirst());
            }
            setupSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
            hashing = passwordHashing(platform, "homestorm-1", (PasswordLogin) targets[0].readers().getFirst());
            say("  " + java.util.Arrays.stream(targets).mapToInt(t -> t.readers().size()).sum() + " people with an account, one login per collectivity, in " + setupSeconds + " s; " + hashing);

            URI runtime = platform.server().runtimeBase();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            Set<PasswordLogin> signingIn = ConcurrentHashMap.newKeySet();
            Exchange login = (target, random) -> {
                PasswordLogin person = idle(target, random, signingIn);
                try {
                    PortalLogin.Outcome outcome = PortalLogin.signIn(new LoginAgent(runtime, http), runtime,
                            target.host(), person);
                    if (!outcome.succeeded()) {
                        examples.putIfAbsent(outcome.failure(), person.username() + ": " + outcome.detail());
                    }
                    return outcome.failure();
                } finally {
                    signingIn.remove(person);
                }
            };
            ServerVariants.awaitGo(); // -Dbench.gate: the shared machine's lock is held for the measures only
            try {
                loadBefore = Bench.load();
                phases = DirectoryReadBench.interleaved(targets, login, threads, warmup, rounds, phaseSeconds,
                        errors, kinds);
                loadAfter = Bench.load();
            } finally {
                ServerVariants.done();
            }
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }

        Table table = DirectoryReadBench.phaseTable(phases, tenants);
        Comparison c = DirectoryReadBench.compare(phases, rounds);
        Table logins = perLogin(phases);
        boolean ok = c.ratio() >= TARGET_RATIO;
        Table verdicts = new Table("target", "measured", "verdict");
        verdicts.row("B/A logins per second ≥ 0.90 (mean of rounds)", fmt(c.ratio(), 3), ok ? "OK" : "MISSED");
        verdicts.row("every login ends signed in", errors.get() + " failed", errors.get() == 0 ? "OK" : "FAILED");

        String header = "LoginStormBench — portal login (code flow with PKCE, Keycloak's form), " + threads
                + " client threads, " + tenants + " tenants × " + users + " people (" + firstUsers
                + " in A's collectivity), " + rounds + " rounds (A B, B A, ...) of " + phaseSeconds + " s after "
                + warmup + " s warm-up (" + Bench.machineLine() + "; load(1m) " + fmt(loadBefore, 2)
                + " before the load, " + fmt(loadAfter, 2) + " after; " + hashing + ")";
        say("");
        say(header);
        say("");
        say(table.text());
        say(logins.text());
        say(c.table().text());
        say(verdicts.text());
        kinds.forEach((k, v) -> say("  " + v.get() + " × " + k));
        examples.forEach((k, v) -> say("  first \"" + k + "\": " + v));

        var kindsJson = Json.createObjectBuilder();
        kinds.forEach((k, v) -> kindsJson.add(k, v.get()));
        json.add("parameters", Json.createObjectBuilder().add("tenants", tenants).add("usersPerTenant", users)
                        .add("usersInFirst", firstUsers).add("threads", threads).add("warmupSeconds", warmup)
                        .add("phaseSeconds", phaseSeconds).add("rounds", rounds))
                .add("passwordHashing", hashing).add("setupSeconds", setupSeconds).add("loadBefore", loadBefore)
                .add("loadAfter", loadAfter).add("phases", DirectoryReadBench.phaseJson(phases))
                .add("meanLoginsPerSecondA", c.meanA()).add("meanLoginsPerSecondB", c.meanB())
                .add("ratioBA", c.ratio()).add("medianRoundRatioBA", c.medianRatio()).add("p99RatioBA", c.p99Ratio())
                .add("platformCpuRatioBA", c.cpuRatio()).add("targetMet", ok).add("failedLogins", errors.get())
                .add("failures", kindsJson);
        StringBuilder md = new StringBuilder("## " + header + "\n\n").append(table.markdown()).append('\n')
                .append(logins.markdown()).append('\n').append(c.table().markdown()).append('\n')
                .append(verdicts.markdown());
        kinds.forEach((k, v) -> md.append("- ").append(v.get()).append(" × `").append(k).append("`\n"));
        examples.forEach((k, v) -> md.append("- first `").append(k).append("`: ").append(v).append('\n'));
        Bench.writeResults("login-storm", json.build(), md.toString());
        if (errors.get() > 0) {
            say("FAILED: " + errors.get() + " logins did not end signed in");
            System.exit(1);
        }
    }

    /**
     * A person of the target drawn at random among those not signing in at this instant, marked as signing in. One
     * person never signs in twice at once: Keycloak refuses concurrent logins of one account when brute-force
     * detection is on ({@code user_temporarily_disabled}; its SPI option {@code allow-concurrent-requests} is false by
     * default), and a storm of distinct people does not do it either.
     */
    private static PasswordLogin idle(Target target, java.util.concurrent.ThreadLocalRandom random,
            Set<PasswordLogin> signingIn) throws InterruptedException {
        List<? extends Reader> people = target.readers();
        while (true) {
            for (int draw = 0; draw < 4 * people.size(); draw++) {
                PasswordLogin person = (PasswordLogin) people.get(random.nextInt(people.size()));
                if (signingIn.add(person)) {
                    return person;
                }
            }
            Thread.sleep(1); // all of this collectivity's people are signing in (a set-up smaller than the threads)
        }
    }

    /** A and B side by side, means of their rounds: logins per second, p50, p99 and CPU per login. */
    private static Table perLogin(List<Phase> phases) {
        Table table = new Table("pattern", "logins/s", "p50 ms", "p99 ms", "platform CPU ms/login",
                "Keycloak CPU ms/login", "Liberty CPU ms/login", "PostgreSQL CPU ms/login");
        for (String pattern : List.of("A", "B")) {
            List<Phase> of = phases.stream().filter(p -> p.pattern().equals(pattern)).toList();
            double platform = mean(of, Phase::platformCpuMsPerRequest);
            double keycloak = mean(of, Phase::keycloakCpuMsPerRequest);
            table.row(pattern.equals("A") ? "A: collectivity 1" : "B: all collectivities",
                    fmt(mean(of, Phase::throughput), 2), fmt(mean(of, Phase::p50Ms), 0), fmt(mean(of, Phase::p99Ms), 0),
                    fmt(platform, 1), fmt(keycloak, 1), fmt(platform - keycloak, 1),
                    fmt(mean(of, Phase::postgresCpuMsPerRequest), 1));
        }
        return table;
    }

    private static double mean(List<Phase> phases, java.util.function.ToDoubleFunction<Phase> figure) {
        return phases.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    /**
     * How Keycloak stored a person's password (algorithm and its cost: what each login pays to check it), from the
     * person's credential as the admin API shows it.
     */
    private static String passwordHashing(BenchPlatform platform, String slug, PasswordLogin person) {
        try {
            String realm = Realms.ofCollectivity(slug);
            HttpResponse<String> found = platform.keycloak().admin("GET", "/admin/realms/" + realm
                    + "/users?exact=true&username=" + URLEncoder.encode(person.username(), StandardCharsets.UTF_8),
                    null);
            String id = Json.createReader(new java.io.StringReader(found.body())).readArray().getJsonObject(0)
                    .getString("id");
            HttpResponse<String> credentials = platform.keycloak().admin("GET", "/admin/realms/" + realm + "/users/"
                    + id + "/credentials", null);
            JsonObject credential = Json.createReader(new java.io.StringReader(credentials.body())).readArray()
                    .getJsonObject(0);
            JsonObject data = Json.createReader(new java.io.StringReader(credential.getString("credentialData")))
                    .readObject();
            return "password hash " + data.getString("algorithm", "?") + ", " + data.getInt("hashIterations", -1)
                    + " iterations" + (data.containsKey("additionalParameters")
                            ? ", " + data.get("additionalParameters") : "");
        } catch (Exception e) {
            return "password hash not read (" + e.getMessage() + ")";
        }
    }
}
