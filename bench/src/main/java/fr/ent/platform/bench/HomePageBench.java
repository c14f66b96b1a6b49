package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Comparison;
import fr.ent.platform.bench.DirectoryReadBench.Phase;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import fr.ent.platform.local.PlatformClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signed-in home page on one collectivity versus spread over many. On a fresh platform, provisions T
 * collectivities (domain h{i}.localhost), gives each one school, one class and U people (a teacher, pupils, a staff
 * member) through the directory API and one notice to the school (so that the latest-notifications widget has
 * something to show), gives every one of them a Keycloak account and signs each in to the portal as a browser does
 * (code flow through Keycloak's login form, over plain HTTP): one portal session per user. Then the closed loop of
 * {@link DirectoryReadBench} sends {@code GET /} with a session cookie of the target collectivity, drawn at random
 * per request: the page with its header (name, profile, school, unread count) and widgets (directory schools,
 * latest notifications). Phase A: collectivity 1 only; phase B: a collectivity drawn at random per request; A and B
 * interleaved in rounds after a warm-up, as DirectoryReadBench. Collectivity 1 has as many signed-in people as all
 * of B's together (U × T, at most 500), so that A and B draw from as many users and the ratio measures the number
 * of collectivities, not of people (with U people in A, A's user lookups all hit the caches and B's mostly missed).
 * Targets: throughput B/A ≥ 0.90, p99 B/A ≤ 1.2; any answer other than 200 fails the run.
 * Parameters: -Dbench.home.tenants (100), .users (5), .firstUsers (U × T, at most 500), .threads (16),
 * .warmupSeconds (15), .phaseSeconds (10), .rounds (6).
 */
public final class HomePageBench {

    static final String PATH = "/";
    private static final double TARGET_RATIO = 0.90;
    private static final double TARGET_P99 = 1.2;

    private HomePageBench() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Bench.intProperty("bench.home.tenants", 100);
        int users = Bench.intProperty("bench.home.users", 5);
        int firstUsers = Bench.intProperty("bench.home.firstUsers", Math.min(500, users * tenants));
        int threads = Bench.intProperty("bench.home.threads", 16);
        int warmup = Bench.intProperty("bench.home.warmupSeconds", 15);
        int phaseSeconds = Bench.intProperty("bench.home.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.home.rounds", 6);
        say("HomePageBench: " + tenants + " collectivities × (1 school, 1 class, " + users + " people signed in; "
                + firstUsers + " in collectivity 1); "
                + threads + " client threads; warm-up " + warmup + " s; " + rounds + " rounds of A then B, "
                + phaseSeconds + " s each");
        say("Machine: " + Bench.machineLine());

        List<Phase> phases;
        AtomicLong totalErrors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        var json = Bench.object().add("benchmark", "HomePageBench").add("machine", Bench.machine());
        long setupSeconds;
        int sessions;
        double loadBefore;
        double loadAfter;
        Table statements = null;
        try (BenchPlatform platform = BenchPlatform.start("home-page")) {
            StatementStats.watch(platform); // -Dent.db.statementStats: plans per request in each phase
            long t0 = System.nanoTime();
            Target[] targets = prepare(platform, "", tenants, index -> index == 1 ? firstUsers : users);
            sessions = java.util.Arrays.stream(targets).mapToInt(t -> t.readers().size()).sum();
            setupSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
            say("  seeded, " + sessions + " portal sessions, in total " + setupSeconds + " s");
            HttpClient http = DirectoryReadBench.client();
            URI uri = URI.create(platform.server().runtimeBase() + PATH);
            if (ServerVariants.requested()) {
                ServerVariants.run("home-page", platform, targets, uri, threads, warmup, rounds, phaseSeconds, http,
                        totalErrors, errorKinds, tenants, () -> {
                            for (Target target : targets) { // one session per collectivity still signed in
                                checkSignedIn(http, uri, target.host(), (PortalSession) target.readers().get(0));
                            }
                        });
                platform.printLogProblems();
                return;
            }
            ServerVariants.awaitGo(); // -Dbench.gate: the shared machine's lock is held for the measures only
            try {
                loadBefore = Bench.load();
                phases = DirectoryReadBench.interleaved(targets, uri, threads, warmup, rounds, phaseSeconds, http,
                        totalErrors, errorKinds);
                loadAfter = Bench.load();
            } finally {
                ServerVariants.done();
            }
            // a session lost during the load would still answer 200 (the signed-out page): check they all still
            // name their user (one page each: with -Dent.db.statementStats, the statements they take are counted)
            if (StatementStats.requested()) {
                StatementStats.reset(platform);
            }
            for (Target target : targets) {
                for (Reader reader : target.readers()) {
                    checkSignedIn(http, uri, target.host(), (PortalSession) reader);
                }
            }
            if (StatementStats.requested()) {
                statements = StatementStats.perRequest(platform, sessions);
                say("Statements per page (pg_stat_statements, one page per session, " + sessions + " pages):");
                say(statements.text());
            }
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }

        Table table = DirectoryReadBench.phaseTable(phases, tenants);
        Comparison c = DirectoryReadBench.compare(phases, rounds);
        boolean throughputOk = c.ratio() >= TARGET_RATIO;
        boolean p99Ok = c.p99Ratio() <= TARGET_P99;
        Table verdicts = new Table("target", "measured", "verdict");
        verdicts.row("B/A throughput ≥ 0.90 (mean of rounds)", fmt(c.ratio(), 3), throughputOk ? "OK" : "MISSED");
        verdicts.row("B/A p99 ≤ 1.2 (mean of rounds' p99)", fmt(c.p99Ratio(), 3), p99Ok ? "OK" : "MISSED");
        verdicts.row("no answer other than 200", totalErrors.get() + " non-200", totalErrors.get() == 0 ? "OK" : "FAILED");

        String header = "HomePageBench — GET / signed in (portal session), " + threads + " client threads, " + tenants
                + " tenants × " + users + " signed-in people (" + firstUsers + " in A's collectivity), " + rounds + " rounds (A B, B A, ...) of " + phaseSeconds
                + " s per phase after " + warmup + " s warm-up (" + Bench.machineLine() + "; load(1m) "
                + fmt(loadBefore, 2) + " before the load, " + fmt(loadAfter, 2) + " after)";
        say("");
        say(header);
        say("");
        say(table.text());
        say(c.table().text());
        say(verdicts.text());
        errorKinds.forEach((k, v) -> say("  " + v.get() + " × " + k));

        JsonArrayBuilder phaseJson = DirectoryReadBench.phaseJson(phases);
        var errorsJson = Json.createObjectBuilder();
        errorKinds.forEach((k, v) -> errorsJson.add(k, v.get()));
        json.add("parameters", Json.createObjectBuilder().add("tenants", tenants).add("usersPerTenant", users)
                        .add("usersInFirst", firstUsers)
                        .add("threads", threads).add("warmupSeconds", warmup).add("phaseSeconds", phaseSeconds)
                        .add("rounds", rounds).add("path", PATH))
                .add("setupSeconds", setupSeconds).add("sessions", sessions).add("loadBefore", loadBefore)
                .add("loadAfter", loadAfter).add("phases", phaseJson).add("meanThroughputA", c.meanA())
                .add("meanThroughputB", c.meanB()).add("ratioBA", c.ratio()).add("medianRoundRatioBA", c.medianRatio())
                .add("p99RatioBA", c.p99Ratio()).add("platformCpuRatioBA", c.cpuRatio())
                .add("targetMet", throughputOk && p99Ok).add("non200", totalErrors.get()).add("failures", errorsJson);
        StringBuilder md = new StringBuilder("## " + header + "\n\n").append(table.markdown()).append('\n')
                .append(c.table().markdown()).append('\n').append(verdicts.markdown());
        errorKinds.forEach((k, v) -> md.append("- ").append(v.get()).append(" × `").append(k).append("`\n"));
        if (statements != null) {
            md.append("\nStatements per page (pg_stat_statements, one page per session):\n\n")
                    .append(statements.markdown());
        }
        Bench.writeResults("home-page", json.build(), md.toString());
        if (totalErrors.get() > 0) {
            say("FAILED: " + totalErrors.get() + " answers other than 200");
            System.exit(1);
        }
    }

    /**
     * Provisions {@code tenants} collectivities (slug home{prefix}-i, domain h{prefix}i.localhost), seeds each
     * directory ({@link DirectoryReadBench#seed}), posts one notice to each school, gives all {@code users}
     * people of each an account and a portal session (checked: the home page names them).
     */
    static Target[] prepare(BenchPlatform platform, String prefix, int tenants, int users) throws Exception {
        return prepare(platform, prefix, tenants, index -> users);
    }

    /** As {@link #prepare(BenchPlatform, String, int, int)}, with {@code usersOf.applyAsInt(i)} people in i. */
    static Target[] prepare(BenchPlatform platform, String prefix, int tenants,
            java.util.function.IntUnaryOperator usersOf) throws Exception {
        long t0 = System.nanoTime();
        Target[] accounts = accounts(platform, prefix, tenants, usersOf);
        Target[] targets = new Target[tenants];
        for (int i = 0; i < tenants; i++) {
            List<PortalSession> sessions = new ArrayList<>();
            for (Reader account : accounts[i].readers()) {
                sessions.add(platform.portalSession(accounts[i].host(), (PasswordLogin) account));
            }
            targets[i] = new Target(accounts[i].host(), sessions);
            if ((i + 1) % 25 == 0 || i + 1 == tenants) {
                say("  signed in " + (i + 1) + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L
                        + " s)");
            }
        }
        return targets;
    }

    /**
     * The people of {@link #prepare}, not signed in yet: provisions the collectivities, seeds each directory, posts
     * one notice to each school and gives every person a Keycloak account; each target's readers are their
     * {@link PasswordLogin}s (what {@link LoginStormBench} signs in again and again).
     */
    static Target[] accounts(BenchPlatform platform, String prefix, int tenants,
            java.util.function.IntUnaryOperator usersOf) throws Exception {
        long t0 = System.nanoTime();
        String[] hosts = new String[tenants];
        for (int i = 1; i <= tenants; i++) {
            hosts[i - 1] = "h" + prefix + i + ".localhost";
            platform.provision("home" + prefix + "-" + i, hosts[i - 1], 20);
            platform.authorizeAsAdministrator("home" + prefix + "-" + i, hosts[i - 1]);
            if (i % 50 == 0 || i == tenants) {
                say("  provisioned " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
            }
        }
        DirectoryReadBench.seed(platform.client(), hosts, usersOf);
        Target[] targets = new Target[tenants];
        for (int i = 1; i <= tenants; i++) {
            String host = hosts[i - 1];
            postNoticeToSchool(platform.client(), host, "Réunion de rentrée jeudi à 18 h");
            List<PasswordLogin> accounts = platform.signIn("home" + prefix + "-" + i, host,
                    Set.of("Teacher", "Student", "Personnel"));
            targets[i - 1] = new Target(host, accounts);
            if (i % 25 == 0 || i == tenants) {
                say("  accounts of " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
            }
        }
        return targets;
    }

    /** One notice of the collectivity's administrator to every member of its (only) school. */
    static String postNoticeToSchool(PlatformClient client, String host, String text) throws Exception {
        HttpResponse<String> schools = client.get(host, "/api/directory/structures");
        String school = Json.createReader(new java.io.StringReader(schools.body())).readArray().getJsonObject(0)
                .getString("id"); // a list: the directory's structures
        HttpResponse<String> posted = client.postJson(host, "/api/notifications", Json.createObjectBuilder()
                .add("audiences", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "STRUCTURE")
                        .add("id", school)))
                .add("text", text).build().toString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("notice to " + host + " refused: " + posted.statusCode() + " "
                    + posted.body());
        }
        return school;
    }

    /** The home page of this session answers 200 and names its user. */
    static void checkSignedIn(HttpClient http, URI uri, String host, PortalSession session) throws Exception {
        HttpResponse<byte[]> page = http.send(session.request(uri, host), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(page.body(), StandardCharsets.UTF_8);
        if (page.statusCode() != 200 || !body.contains(session.name())) {
            throw new IllegalStateException("the home page of " + host + " does not name " + session.name()
                    + " (session lost?): " + page.statusCode());
        }
    }
}
