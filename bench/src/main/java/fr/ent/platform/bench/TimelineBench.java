package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Phase;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import fr.ent.platform.bench.TimelineFixture.School;
import fr.ent.platform.bench.TimelineFixture.Setup;
import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.testing.mail.TestMailServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The timeline's background delivery under load, on one collectivity of a fresh platform.
 *
 * <p>(a) Fan-out: the collectivity's administrator posts a notice to a school of M members ({@code POST
 * /api/notifications}, STRUCTURE audience): the POST's latency (it answers 202 before the fan-out), and the time
 * until all M deliveries exist (counted in the collectivity schema's {@code delivery} table), while a closed loop of
 * directory reads ({@link DirectoryReadBench}'s loop, a teacher's and a staff member's tokens) runs. Rounds of a
 * phase with notices posted back to back and a quiet phase (reads only), alternated, compare the reads' p50/p99.
 *
 * <p>(b) Held deliveries released: S more schools of H members each have school quiet hours all week (set by the
 * administrator through the API); one notice per school; every delivery is held (none visible: the unread count
 * of a member is 0). E-mail is on for every E-th member (an e-mail address in the directory; the preference row is
 * written into the schema as a fixture, because setting it through the API needs each user's own token). Then
 * Liberty restarts with the clock 8 days later ({@code ENT_CLOCK_OFFSET=P8D}) and a real SMTP server (GreenMail in
 * this JVM): the time until a member's unread count shows it and until every e-mail is sent, with directory reads'
 * p50/p99 during the release and after it.
 *
 * <p>Parameters: -Dbench.timeline.members (1000), .heldSchools (10), .heldMembers (1000), .emailEvery (10),
 * .threads (8), .warmupSeconds (10), .phaseSeconds (10), .rounds (3).
 */
public final class TimelineBench {

    static final String READ_PATH = DirectoryReadBench.PATH;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STALL = Duration.ofSeconds(60);

    private TimelineBench() {
    }

    /** One notice's fan-out as the client sees it. */
    record FanOutMeasure(double postMs, double deliveredMs, long deliveries) {
    }

    public static void main(String[] args) throws Exception {
        int members = Bench.intProperty("bench.timeline.members", 1000);
        int heldSchools = Bench.intProperty("bench.timeline.heldSchools", 10);
        int heldMembers = Bench.intProperty("bench.timeline.heldMembers", 1000);
        int emailEvery = Bench.intProperty("bench.timeline.emailEvery", 10);
        int threads = Bench.intProperty("bench.timeline.threads", 8);
        int warmup = Bench.intProperty("bench.timeline.warmupSeconds", 10);
        int phaseSeconds = Bench.intProperty("bench.timeline.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.timeline.rounds", 3);
        say("TimelineBench: fan-out to a school of " + members + "; " + heldSchools + " × " + heldMembers
                + " held deliveries released (e-mail for 1 in " + emailEvery + "); " + threads
                + " directory readers; " + rounds + " rounds of " + phaseSeconds + " s");
        say("Machine: " + Bench.machineLine());
        var json = Bench.object().add("benchmark", "TimelineBench").add("machine", Bench.machine());
        AtomicLong totalErrors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        List<Phase> quiet = new ArrayList<>();
        List<Phase> busy = new ArrayList<>();
        List<FanOutMeasure> fanOuts = Collections.synchronizedList(new ArrayList<>());
        Phase duringRelease;
        Phase afterRelease;
        Release release;
        double loadFanOut;
        double loadRelease;
        try (BenchPlatform platform = BenchPlatform.start("timeline")) {
            long t0 = System.nanoTime();
            Setup setup = TimelineFixture.prepare(platform, "", members, heldSchools, heldMembers, emailEvery);
            say("  set up in " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
            HttpClient http = DirectoryReadBench.client();
            URI reads = URI.create(platform.server().runtimeBase() + READ_PATH);
            Target[] target = {setup.readers()};

            // ---- (a) fan-out under reads
            say("Warm-up " + warmup + " s (reads and fan-outs) ...");
            readsWhile(target, reads, threads, warmup, http, totalErrors, errorKinds, "warm-up",
                    () -> fanOutsUntil(platform, setup, System.nanoTime() + warmup * 1_000_000_000L, new ArrayList<>()));
            loadFanOut = Bench.load();
            for (int round = 1; round <= rounds; round++) {
                for (boolean withFanOut : round % 2 == 1 ? List.of(false, true) : List.of(true, false)) {
                    Phase phase;
                    if (withFanOut) {
                        long deadline = System.nanoTime() + phaseSeconds * 1_000_000_000L;
                        phase = readsWhile(target, reads, threads, phaseSeconds, http, totalErrors, errorKinds,
                                "fan-out " + round, () -> fanOutsUntil(platform, setup, deadline, fanOuts));
                        busy.add(phase);
                    } else {
                        phase = DirectoryReadBench.run("quiet " + round, "A", round, target, reads, threads,
                                phaseSeconds, http, totalErrors, errorKinds);
                        quiet.add(phase);
                    }
                    say(String.format("  %-10s %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms  (load %s)", phase.name(),
                            phase.throughput(), phase.p50Ms(), phase.p99Ms(), DirectoryReadBench.loadAverage()));
                }
            }

            // ---- (b) held deliveries released by the end of quiet hours
            TimelineFixture.hold(platform, setup);
            try (TestMailServer mail = TestMailServer.start()) {
                loadRelease = Bench.load();
                say("Restarting Liberty 8 days later (ENT_CLOCK_OFFSET=P8D) with SMTP on " + mail.smtpPort() + " ...");
                Duration restart = platform.restartWith(Map.of("ENT_CLOCK_OFFSET", "P8D", "ENT_MAIL_HOST", mail.host(),
                        "ENT_MAIL_PORT", String.valueOf(mail.smtpPort()), "ENT_MAIL_STARTTLS", "false",
                        "ENT_NOTIFICATIONS_TICK_SECONDS", "1"));
                long ready = System.nanoTime();
                say("  ready after " + restart.toMillis() + " ms");
                Release[] measured = new Release[1];
                duringRelease = readsWhile(target, reads, threads, phaseSeconds, http, totalErrors, errorKinds,
                        "release", () -> measured[0] = awaitRelease(platform, setup, mail, ready, restart));
                release = measured[0];
                afterRelease = DirectoryReadBench.run("after release", "A", 0, target, reads, threads, phaseSeconds,
                        http, totalErrors, errorKinds);
            }
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }

        // ---- report
        Table fan = new Table("notice", "POST ms", "all delivered ms", "deliveries");
        for (int i = 0; i < fanOuts.size(); i++) {
            FanOutMeasure m = fanOuts.get(i);
            fan.row("#" + (i + 1), fmt(m.postMs(), 1), fmt(m.deliveredMs(), 0), m.deliveries());
        }
        double[] posts = fanOuts.stream().mapToDouble(FanOutMeasure::postMs).sorted().toArray();
        double[] delivered = fanOuts.stream().mapToDouble(FanOutMeasure::deliveredMs).sorted().toArray();
        Table reads = new Table("directory reads", "phases", "req/s", "p50 ms", "p99 ms", "max ms");
        addMean(reads, "quiet (no fan-out)", quiet);
        addMean(reads, "during fan-outs", busy);
        addMean(reads, "during release (b)", List.of(duringRelease));
        addMean(reads, "after release (b)", List.of(afterRelease));
        double p99Ratio = mean(busy, Phase::p99Ms) / mean(quiet, Phase::p99Ms);
        double p50Ratio = mean(busy, Phase::p50Ms) / mean(quiet, Phase::p50Ms);
        boolean postOk = posts.length > 0 && posts[posts.length - 1] < 100;
        Table verdicts = new Table("target", "measured", "verdict");
        verdicts.row("POST /api/notifications < 100 ms (max of " + posts.length + ")",
                posts.length == 0 ? "-" : fmt(posts[posts.length - 1], 1) + " ms (median " + fmt(median(posts), 1) + ")",
                postOk ? "OK" : "MISSED");
        verdicts.row("fan-out to " + members + ": all delivered (median / max)",
                delivered.length == 0 ? "-" : fmt(median(delivered), 0) + " / " + fmt(delivered[delivered.length - 1], 0)
                        + " ms", "(no target)");
        verdicts.row("reads during fan-out vs quiet: p50 / p99 ratio", fmt(p50Ratio, 2) + " / " + fmt(p99Ratio, 2),
                "(no target)");
        verdicts.row("release of " + release.held() + " held: a member's unread count shows it",
                fmt(release.visibleMs(), 0) + " ms after ready", "(no target)");
        verdicts.row("release: all " + release.emails() + " e-mails sent (SMTP received)",
                release.failure() != null ? release.failure() : fmt(release.mailedMs(), 0) + " ms after ready",
                release.failure() == null && release.received() == release.emails() ? "OK" : "FAILED");
        verdicts.row("no answer other than 2xx", totalErrors.get() + "", totalErrors.get() == 0 ? "OK" : "FAILED");

        String header = "TimelineBench — fan-out to " + members + " members, " + release.held()
                + " held deliveries released; directory reads by " + threads + " threads alongside ("
                + Bench.machineLine() + "; load(1m) " + fmt(loadFanOut, 2) + " at the fan-out rounds, "
                + fmt(loadRelease, 2) + " at the release; Liberty restart " + release.restartMs() + " ms)";
        say("");
        say(header);
        say("");
        say(fan.text());
        say(reads.text());
        say(verdicts.text());
        errorKinds.forEach((k, v) -> say("  " + v.get() + " × " + k));

        JsonArrayBuilder fanJson = Json.createArrayBuilder();
        fanOuts.forEach(m -> fanJson.add(Json.createObjectBuilder().add("postMs", m.postMs())
                .add("deliveredMs", m.deliveredMs()).add("deliveries", m.deliveries())));
        JsonArrayBuilder phaseJson = Json.createArrayBuilder();
        List<Phase> all = new ArrayList<>(quiet);
        all.addAll(busy);
        all.add(duringRelease);
        all.add(afterRelease);
        all.forEach(p -> phaseJson.add(Json.createObjectBuilder().add("phase", p.name()).add("seconds", p.seconds())
                .add("requests", p.requests()).add("throughput", p.throughput()).add("p50Ms", p.p50Ms())
                .add("p99Ms", p.p99Ms()).add("maxMs", p.maxMs()).add("non2xx", p.errors())));
        var errorsJson = Json.createObjectBuilder();
        errorKinds.forEach((k, v) -> errorsJson.add(k, v.get()));
        json.add("parameters", Json.createObjectBuilder().add("members", members).add("heldSchools", heldSchools)
                        .add("heldMembers", heldMembers).add("emailEvery", emailEvery).add("threads", threads)
                        .add("warmupSeconds", warmup).add("phaseSeconds", phaseSeconds).add("rounds", rounds))
                .add("loadAtFanOut", loadFanOut).add("loadAtRelease", loadRelease)
                .add("fanOuts", fanJson).add("readPhases", phaseJson).add("readP50RatioFanOutVsQuiet", p50Ratio)
                .add("readP99RatioFanOutVsQuiet", p99Ratio)
                .add("release", Json.createObjectBuilder().add("held", release.held()).add("restartMs", release.restartMs())
                        .add("visibleMs", release.visibleMs()).add("emails", release.emails())
                        .add("mailedMs", release.mailedMs()).add("received", release.received())
                        .add("failure", release.failure() == null ? "" : release.failure()))
                .add("non2xx", totalErrors.get()).add("failures", errorsJson);
        String md = "## " + header + "\n\n" + verdicts.markdown() + "\n" + reads.markdown() + "\n" + fan.markdown();
        Bench.writeResults("timeline", json.build(), md);
        if (totalErrors.get() > 0 || release.failure() != null || release.received() != release.emails()) {
            say("FAILED: " + totalErrors.get() + " answers other than 2xx, " + release.received() + "/"
                    + release.emails() + " e-mails");
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- (a) fan-out

    /** Posts a notice to the fan-out school and waits until all its members have their delivery. */
    static FanOutMeasure fanOut(BenchPlatform platform, Setup setup, String text) throws Exception {
        long t0 = System.nanoTime();
        String id = post(platform.client(), setup.host(), setup.fanOutSchool().id(), text);
        long posted = System.nanoTime();
        long count = awaitDeliveries(platform, setup.schema(), id, setup.fanOutSchool().members());
        return new FanOutMeasure((posted - t0) / 1e6, (System.nanoTime() - t0) / 1e6, count);
    }

    /** The administrator's notice to a school; returns its id. Must answer 202. */
    static String post(PlatformClient client, String host, String school, String text) throws Exception {
        HttpResponse<String> posted = client.postJson(host, "/api/notifications", Json.createObjectBuilder()
                .add("audiences", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "STRUCTURE")
                        .add("id", school)))
                .add("text", text).build().toString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("notice refused: " + posted.statusCode() + " " + posted.body());
        }
        return PlatformClient.json(posted).getString("id");
    }

    private static Void fanOutsUntil(BenchPlatform platform, Setup setup, long deadline, List<FanOutMeasure> into)
            throws Exception {
        int n = 0;
        while (System.nanoTime() < deadline) {
            into.add(fanOut(platform, setup, "Message à toute l'école n° " + ++n));
        }
        return null;
    }

    /**
     * Counts the notice's deliveries every 10 ms until {@code expected}, on one connection held for the wait (a new
     * PostgreSQL backend per poll would add load of its own beside the measured reads).
     */
    static long awaitDeliveries(BenchPlatform platform, String schema, String noticeId, long expected)
            throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        try (Connection c = platform.dataSource().getConnection()) {
            long count;
            while ((count = scalar(c, "SELECT count(*) FROM " + schema + ".delivery WHERE notice_id = ?::uuid",
                    noticeId)) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("notice " + noticeId + ": " + count + "/" + expected
                            + " deliveries after " + DELIVERY_TIMEOUT);
                }
                Thread.sleep(10);
            }
            return count;
        }
    }

    static long scalar(BenchPlatform platform, String sql, String... parameters) throws SQLException {
        try (Connection c = platform.dataSource().getConnection()) {
            return scalar(c, sql, parameters);
        }
    }

    static long scalar(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs the closed loop of reads for {@code seconds} while {@code work} runs in this thread. */
    private static Phase readsWhile(Target[] target, URI uri, int threads, int seconds, HttpClient http,
            AtomicLong totalErrors, Map<String, AtomicLong> errorKinds, String name,
            java.util.concurrent.Callable<?> work) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            Future<Phase> phase = loop.submit(() -> DirectoryReadBench.run(name, "A", 0, target, uri, threads, seconds,
                    http, totalErrors, errorKinds));
            work.call();
            return phase.get();
        } finally {
            loop.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- (b) held deliveries

    /** What the release of the held deliveries took, from Liberty ready. */
    record Release(long held, long restartMs, double visibleMs, long emails, double mailedMs, long received,
            String failure) {
    }

    /**
     * After the restart 8 days later: waits until the first held school's staff member's unread count shows the
     * held notice (API, their token) and until every e-mail due is marked SENT and received by the SMTP server.
     */
    static Release awaitRelease(BenchPlatform platform, Setup setup, TestMailServer mail, long ready, Duration restart)
            throws Exception {
        long held = scalar(platform, "SELECT count(*) FROM " + setup.schema() + ".delivery d JOIN " + setup.schema()
                + ".notice n ON n.id = d.notice_id WHERE n.text_fr = '" + TimelineFixture.HELD_TEXT + "'");
        long emails = setup.heldSchools().stream().mapToLong(s -> s.emailed().size()).sum();
        School first = setup.heldSchools().get(0);
        PasswordLogin member = platform.signInUser(setup.slug(), first.staffId(), "Personnel", "Paul", "Secrétaire");
        HttpClient http = DirectoryReadBench.client();
        URI unread = URI.create(platform.server().runtimeBase() + "/api/notifications/unread-count");
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        double visibleMs = -1;
        while (visibleMs < 0) {
            HttpResponse<String> r = http.send(member.request(unread, setup.host()), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("unread count: " + r.statusCode() + " " + r.body());
            }
            if (PlatformClient.json(r).getJsonNumber("unread").longValue() >= 1) {
                visibleMs = (System.nanoTime() - ready) / 1e6;
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("held notice still not visible after " + DELIVERY_TIMEOUT);
            }
            Thread.sleep(10);
        }
        double mailedMs = -1;
        try (Connection c = platform.dataSource().getConnection()) {
            long lastSent = -1;
            long lastProgress = System.nanoTime();
            while (mailedMs < 0) {
                long sent = scalar(c, "SELECT count(*) FROM " + setup.schema() + ".delivery WHERE email = 'SENT'");
                if (sent != lastSent) {
                    lastSent = sent;
                    lastProgress = System.nanoTime();
                }
                if (sent >= emails && mail.received().size() >= emails) {
                    mailedMs = (System.nanoTime() - ready) / 1e6;
                } else if (System.nanoTime() > deadline || System.nanoTime() - lastProgress > STALL.toNanos()) {
                    // the e-mail job sends 200 a second when it works: a minute without one is a failure (its
                    // warnings are in Liberty's messages.log)
                    // recorded, not thrown: the fan-out figures measured before are still written out
                    return new Release(held, restart.toMillis(), visibleMs, emails, -1, mail.received().size(),
                            sent + "/" + emails + " e-mails sent, none for " + STALL + " (see messages.log)");
                }
                Thread.sleep(50);
            }
        }
        return new Release(held, restart.toMillis(), visibleMs, emails, mailedMs, mail.received().size(), null);
    }

    // ---------------------------------------------------------------- statistics

    private static void addMean(Table table, String label, List<Phase> phases) {
        table.row(label, phases.size(), fmt(mean(phases, Phase::throughput), 1), fmt(mean(phases, Phase::p50Ms), 2),
                fmt(mean(phases, Phase::p99Ms), 2), fmt(phases.stream().mapToDouble(Phase::maxMs).max().orElse(0), 1));
    }

    private static double mean(List<Phase> phases, java.util.function.ToDoubleFunction<Phase> value) {
        return phases.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
