package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Phase;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import fr.ent.platform.bench.TimelineFixture.School;
import fr.ent.platform.local.PlatformClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messagerie on a fresh platform, one collectivity with a school of {@code bench.mail.members} people (a
 * teacher, a staff member, pupils in one class).
 *
 * <p>(a) Inbox listing: one pupil holds {@code bench.mail.heavy} messages (10,000), another {@code bench.mail.light}
 * (10), written into the collectivity schema as a fixture (the messages, their addressee and one inbox entry each:
 * the rows a send writes). A closed loop of {@code GET /api/messagerie/boxes/inbox} (the first page, 25 lines) as
 * each pupil, in alternated phases (heavy, light, light, heavy...), side by side in one run: p50/p99 of each and the
 * ratio of the p99s (the issue asks ≤ 2).
 *
 * <p>(b) Sending to the class's pupils group ("Élèves — CM1", from the recipient picker): the time until the teacher
 * gets the answer (the message and every inbox entry stored, one transaction) and until every recipient's
 * notification exists (the timeline's fan-out, after the answer).
 *
 * <p>Parameters: -Dbench.mail.members (1002), .heavy (10000), .light (10), .sends (5), .threads (4),
 * .warmupSeconds (10), .phaseSeconds (10), .rounds (3).
 */
public final class MessagerieBench {

    static final String INBOX = "/api/messagerie/boxes/inbox?limit=25";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    private MessagerieBench() {
    }

    /** The collectivity of the run: the teacher, the two pupils, the class group. */
    record Setup(String host, String schema, PasswordLogin teacher, PasswordLogin heavy, PasswordLogin light,
            String classGroup, int pupils) {
    }

    /** One send to the class group: the answer's time, the notifications' time, how many were notified. */
    record SendMeasure(double answerMs, double notifiedMs, long notified) {
    }

    public static void main(String[] args) throws Exception {
        int members = Bench.intProperty("bench.mail.members", 1002);
        int heavy = Bench.intProperty("bench.mail.heavy", 10_000);
        int light = Bench.intProperty("bench.mail.light", 10);
        int sends = Bench.intProperty("bench.mail.sends", 5);
        int threads = Bench.intProperty("bench.mail.threads", 4);
        int warmup = Bench.intProperty("bench.mail.warmupSeconds", 10);
        int phaseSeconds = Bench.intProperty("bench.mail.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.mail.rounds", 3);
        say("MessagerieBench: inbox of " + heavy + " vs " + light + " messages, " + threads + " threads, " + rounds
                + " rounds of " + phaseSeconds + " s; " + sends + " sends to a class of " + (members - 2));
        say("Machine: " + Bench.machineLine());
        var json = Bench.object().add("benchmark", "MessagerieBench").add("machine", Bench.machine());
        List<Phase> heavyPhases = new ArrayList<>();
        List<Phase> lightPhases = new ArrayList<>();
        List<SendMeasure> measures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        try (BenchPlatform platform = BenchPlatform.start("messagerie")) {
            long t0 = System.nanoTime();
            Setup setup = prepare(platform, "", members, heavy, light);
            say("  set up in " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
            HttpClient http = DirectoryReadBench.client();
            URI inbox = URI.create(platform.server().runtimeBase() + INBOX);
            Target[] heavyTarget = {new Target(setup.host(), List.of(setup.heavy()))};
            Target[] lightTarget = {new Target(setup.host(), List.of(setup.light()))};
            say("Warm-up " + warmup + " s ...");
            DirectoryReadBench.run("warm-up", "A", 0, heavyTarget, inbox, threads, warmup / 2, http, errors, kinds);
            DirectoryReadBench.run("warm-up", "A", 0, lightTarget, inbox, threads, warmup / 2, http, errors, kinds);
            for (int round = 1; round <= rounds; round++) {
                for (boolean isHeavy : round % 2 == 1 ? List.of(true, false) : List.of(false, true)) {
                    Phase phase = DirectoryReadBench.run((isHeavy ? "heavy " : "light ") + round, "A", round,
                            isHeavy ? heavyTarget : lightTarget, inbox, threads, phaseSeconds, http, errors, kinds);
                    (isHeavy ? heavyPhases : lightPhases).add(phase);
                    say(String.format("  %-8s %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms", phase.name(),
                            phase.throughput(), phase.p50Ms(), phase.p99Ms()));
                }
            }
            for (int i = 1; i <= sends; i++) {
                SendMeasure m = send(platform, setup, "Sortie n° " + i);
                measures.add(m);
                say(String.format("  send %d: answer %.1f ms, %d notified after %.0f ms", i, m.answerMs(),
                        m.notified(), m.notifiedMs()));
            }
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }

        double heavyP99 = heavyPhases.stream().mapToDouble(Phase::p99Ms).average().orElseThrow();
        double lightP99 = lightPhases.stream().mapToDouble(Phase::p99Ms).average().orElseThrow();
        double heavyP50 = heavyPhases.stream().mapToDouble(Phase::p50Ms).average().orElseThrow();
        double lightP50 = lightPhases.stream().mapToDouble(Phase::p50Ms).average().orElseThrow();
        Table listing = new Table("inbox", "messages held", "req/s", "p50 ms", "p99 ms");
        listing.row("light (mean of rounds)", light, fmt(lightPhases.stream().mapToDouble(Phase::throughput)
                .average().orElseThrow(), 1), fmt(lightP50, 2), fmt(lightP99, 2));
        listing.row("heavy (mean of rounds)", heavy, fmt(heavyPhases.stream().mapToDouble(Phase::throughput)
                .average().orElseThrow(), 1), fmt(heavyP50, 2), fmt(heavyP99, 2));
        listing.row("ratio heavy / light", "", "", fmt(heavyP50 / lightP50, 3), fmt(heavyP99 / lightP99, 3));
        Table sent = new Table("send", "answer ms", "all notified ms", "notified");
        for (int i = 0; i < measures.size(); i++) {
            SendMeasure m = measures.get(i);
            sent.row("#" + (i + 1), fmt(m.answerMs(), 1), fmt(m.notifiedMs(), 0), m.notified());
        }
        String markdown = "## MessagerieBench\n\n" + Bench.machineLine() + "\n\n" + listing.markdown() + "\n"
                + sent.markdown() + "\nerrors: " + errors.get() + " " + kinds + "\n";
        say("");
        say(listing.text());
        say(sent.text());
        say("errors: " + errors.get() + " " + kinds);
        json.add("heavyMessages", heavy).add("lightMessages", light)
                .add("heavyP99Ms", heavyP99).add("lightP99Ms", lightP99).add("p99Ratio", heavyP99 / lightP99)
                .add("sends", Json.createArrayBuilder(measures.stream().map(m -> Json.createObjectBuilder()
                        .add("answerMs", m.answerMs()).add("notifiedMs", m.notifiedMs())
                        .add("notified", m.notified()).build()).toList()))
                .add("errors", errors.get());
        Bench.writeResults("messagerie", json.build(), markdown);
    }

    /**
     * Provisions collectivity messagerie{prefix} (domain mb{prefix}.localhost) with one school of {@code members}
     * (TimelineFixture's school), signs in its teacher and two pupils, and writes {@code heavy} and {@code light}
     * messages into the pupils' inboxes.
     */
    static Setup prepare(BenchPlatform platform, String prefix, int members, int heavy, int light) throws Exception {
        String slug = "messagerie" + prefix;
        String host = "mb" + prefix + ".localhost";
        String schema = "t_" + slug.replace('-', '_');
        platform.provision(slug, host, 20);
        platform.authorizeAsAdministrator(slug, host);
        School school = TimelineFixture.seedSchool(platform.client(), host, 1, members, Integer.MAX_VALUE);
        List<String> pupils = pupils(platform, schema, 2);
        platform.allowPasswordGrant(slug);
        PasswordLogin teacher = platform.signInUser(slug, school.teacherId(), "Teacher", "Claire", "Enseignante");
        PasswordLogin heavyPupil = platform.signInUser(slug, pupils.get(0), "Student", "Camille", "Lourde");
        PasswordLogin lightPupil = platform.signInUser(slug, pupils.get(1), "Student", "Camille", "Légère");
        fill(platform, schema, school.teacherId(), pupils.get(0), heavy);
        fill(platform, schema, school.teacherId(), pupils.get(1), light);
        String group = classGroup(platform.client(), host, teacher);
        return new Setup(host, schema, teacher, heavyPupil, lightPupil, group, members - 2);
    }

    /** One send as the teacher to the class group, measured until every pupil has the notification. */
    static SendMeasure send(BenchPlatform platform, Setup setup, String subject) throws Exception {
        String body = Json.createObjectBuilder()
                .add("to", Json.createArrayBuilder().add("group:" + setup.classGroup()))
                .add("subject", subject).add("body", "<p>Rendez-vous à 8 h devant l'école.</p>").build().toString();
        long t0 = System.nanoTime();
        HttpResponse<String> answer = platform.client().runtime(setup.host(), "POST", "/api/messagerie/messages",
                "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", setup.teacher().authorization(), "Idempotency-Key", UUID.randomUUID().toString()),
                HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("send refused: " + answer.statusCode() + " " + answer.body());
        }
        String id = PlatformClient.json(answer).getString("id");
        long notified = awaitNotified(platform, setup.schema(), "/messagerie/messages/" + id, setup.pupils());
        return new SendMeasure((answered - t0) / 1e6, (System.nanoTime() - t0) / 1e6, notified);
    }

    /** Counts the deliveries of the message's notification every 10 ms, on one connection, until {@code expected}. */
    private static long awaitNotified(BenchPlatform platform, String schema, String link, long expected)
            throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        try (Connection c = platform.dataSource().getConnection();
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM " + schema + ".delivery d JOIN "
                        + schema + ".notice n ON n.id = d.notice_id WHERE n.link = ?")) {
            count.setString(1, link);
            while (true) {
                long n;
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                if (n >= expected) {
                    return n;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(link + ": " + n + "/" + expected + " notified after "
                            + DELIVERY_TIMEOUT);
                }
                Thread.sleep(10);
            }
        }
    }

    private static List<String> pupils(BenchPlatform platform, String schema, int how) throws SQLException {
        try (Connection c = platform.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM " + schema + ".ent_user"
                        + " WHERE profile = 'Student' ORDER BY id LIMIT " + how);
                ResultSet rs = s.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    /**
     * {@code count} messages from the teacher to one pupil, a minute apart, as a send writes them: the message, its
     * addressee, the pupil's inbox entry (a fixture: sending 10,000 through the API would measure the set-up).
     */
    static void fill(BenchPlatform platform, String schema, String teacher, String pupil, int count)
            throws SQLException {
        try (Connection c = platform.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE seed AS SELECT gen_random_uuid() AS id, n,"
                    + " now() - n * interval '1 minute' AS at FROM generate_series(1, " + count + ") AS n");
            s.execute("INSERT INTO " + schema + ".message (id, thread_id, author_id, author_name, subject, body,"
                    + " body_text, state, created_at, updated_at, sent_at) SELECT id, id, '" + teacher + "',"
                    + " 'Claire Enseignante', 'Message ' || n, '<p>Bonjour, voici le message ' || n || '.</p>',"
                    + " 'Bonjour, voici le message ' || n || '.', 'SENT', at, at, at FROM seed");
            s.execute("INSERT INTO " + schema + ".message_addressee (message_id, field, kind, addressee_id, name)"
                    + " SELECT id, 'TO', 'USER', '" + pupil + "', 'Camille Élève' FROM seed");
            s.execute("INSERT INTO " + schema + ".mailbox_entry (user_id, message_id, box, unread, trashed, at)"
                    + " SELECT '" + pupil + "', id, 'INBOX', n % 3 = 0, false, at FROM seed");
            s.execute("DROP TABLE seed");
            s.execute("ANALYZE " + schema + ".message, " + schema + ".message_addressee, " + schema
                    + ".mailbox_entry");
        }
    }

    /** The pupils' group of the school's class, as the teacher's recipient picker shows it. */
    private static String classGroup(PlatformClient client, String host, PasswordLogin teacher) throws Exception {
        String q = URLEncoder.encode("Élèves", StandardCharsets.UTF_8);
        HttpResponse<String> visible = client.runtime(host, "GET", "/api/directory/communication/visible?limit=20&q="
                + q, null, null, teacher.authorization());
        if (visible.statusCode() != 200) {
            throw new IllegalStateException("picker: " + visible.statusCode() + " " + visible.body());
        }
        return PlatformClient.json(visible).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("kind").equals("GROUP") && i.getString("name").startsWith("Élèves"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no pupils' group in " + visible.body()))
                .getString("id");
    }
}
