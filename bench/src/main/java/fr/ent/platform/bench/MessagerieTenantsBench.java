package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.bench.DirectoryReadBench.Comparison;
import fr.ent.platform.bench.DirectoryReadBench.Phase;
import fr.ent.platform.bench.DirectoryReadBench.Target;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messagerie on one collectivity versus spread over many. On a fresh platform, provisions T collectivities
 * (domain m{i}.localhost), seeds each with {@link DirectoryReadBench#seed} (one school, one class, U people), writes
 * {@code bench.mailTenants.messages} messages from the teacher into every person's inbox (MessagerieBench's
 * fixture), and signs every person in with their password in their collectivity's realm. Then
 * {@link DirectoryReadBench}'s closed loop sends {@code GET /api/messagerie/boxes/inbox?limit=25}, the request the
 * messagerie answers most, as a person of the target collectivity drawn at random per request: phase A on
 * collectivity 1 only, phase B on a collectivity drawn at random per request, interleaved in rounds after a
 * warm-up. Targets: throughput B/A ≥ 0.90; any answer other than 200 fails the run.
 * Parameters: -Dbench.mailTenants.tenants (100), .users (5), .messages (200), .threads (16), .warmupSeconds (15),
 * .phaseSeconds (10), .rounds (6).
 */
public final class MessagerieTenantsBench {

    private static final double TARGET_RATIO = 0.90;

    private MessagerieTenantsBench() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Bench.intProperty("bench.mailTenants.tenants", 100);
        int users = Bench.intProperty("bench.mailTenants.users", 5);
        int messages = Bench.intProperty("bench.mailTenants.messages", 200);
        int threads = Bench.intProperty("bench.mailTenants.threads", 16);
        int warmup = Bench.intProperty("bench.mailTenants.warmupSeconds", 15);
        int phaseSeconds = Bench.intProperty("bench.mailTenants.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.mailTenants.rounds", 6);
        say("MessagerieTenantsBench: " + tenants + " collectivities × " + users + " people with " + messages
                + " messages each; " + threads + " client threads; " + rounds + " rounds of A and B, " + phaseSeconds
                + " s each");
        say("Machine: " + Bench.machineLine());
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        var json = Bench.object().add("benchmark", "MessagerieTenantsBench").add("machine", Bench.machine());
        List<Phase> phases;
        double loadBefore;
        double loadAfter;
        try (BenchPlatform platform = BenchPlatform.start("messagerie-tenants")) {
            long t0 = System.nanoTime();
            Target[] targets = prepare(platform, "", tenants, users, messages);
            say("  set up in " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
            // every person's first token now, before the load (tokens of an hour: BenchPlatform.allowPasswordGrant):
            // a password login costs Keycloak far more than a listing costs the runtime, and would otherwise land
            // in the first B phases only
            long t1 = System.nanoTime();
            java.util.Arrays.stream(targets).parallel().flatMap(t -> t.readers().stream())
                    .forEach(r -> ((PasswordLogin) r).authorization());
            say("  " + java.util.Arrays.stream(targets).mapToInt(t -> t.readers().size()).sum() + " tokens in "
                    + (System.nanoTime() - t1) / 1_000_000_000L + " s");
            HttpClient http = DirectoryReadBench.client();
            URI inbox = URI.create(platform.server().runtimeBase() + MessagerieBench.INBOX);
            loadBefore = Bench.load();
            phases = DirectoryReadBench.interleaved(targets, inbox, threads, warmup, rounds, phaseSeconds, http,
                    errors, kinds);
            loadAfter = Bench.load();
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }
        Table table = DirectoryReadBench.phaseTable(phases, tenants);
        Comparison c = DirectoryReadBench.compare(phases, rounds);
        boolean ok = c.ratio() >= TARGET_RATIO;
        Table verdicts = new Table("target", "measured", "verdict");
        verdicts.row("B/A throughput ≥ 0.90 (mean of rounds)", fmt(c.ratio(), 3), ok ? "OK" : "MISSED");
        verdicts.row("no answer other than 200", errors.get() + " non-200", errors.get() == 0 ? "OK" : "FAILED");
        String header = "MessagerieTenantsBench — GET " + MessagerieBench.INBOX + " (bearer), " + threads
                + " client threads, " + tenants + " tenants × " + users + " people × " + messages + " messages, "
                + rounds + " rounds of " + phaseSeconds + " s per phase after " + warmup + " s warm-up ("
                + Bench.machineLine() + "; load(1m) " + fmt(loadBefore, 2) + " before, " + fmt(loadAfter, 2)
                + " after)";
        say("");
        say(header);
        say(table.text());
        say(c.table().text());
        say(verdicts.text());
        kinds.forEach((k, v) -> say("  " + v.get() + " × " + k));
        json.add("parameters", Json.createObjectBuilder().add("tenants", tenants).add("usersPerTenant", users)
                        .add("messagesPerUser", messages).add("threads", threads).add("rounds", rounds))
                .add("phases", DirectoryReadBench.phaseJson(phases)).add("ratioBA", c.ratio())
                .add("p99RatioBA", c.p99Ratio()).add("targetMet", ok).add("non200", errors.get());
        StringBuilder md = new StringBuilder("## " + header + "\n\n").append(table.markdown()).append('\n')
                .append(c.table().markdown()).append('\n').append(verdicts.markdown());
        kinds.forEach((k, v) -> md.append("- ").append(v.get()).append(" × `").append(k).append("`\n"));
        Bench.writeResults("messagerie-tenants", json.build(), md.toString());
        if (errors.get() > 0) {
            say("FAILED: " + errors.get() + " answers other than 200");
            System.exit(1);
        }
    }

    /**
     * Provisions {@code tenants} collectivities (slug mail{prefix}-i, domain m{prefix}i.localhost), seeds their
     * directories, fills every person's inbox with {@code messages} messages and signs everyone in.
     */
    static Target[] prepare(BenchPlatform platform, String prefix, int tenants, int users, int messages)
            throws Exception {
        long t0 = System.nanoTime();
        String[] hosts = new String[tenants];
        for (int i = 1; i <= tenants; i++) {
            hosts[i - 1] = "m" + prefix + i + ".localhost";
            platform.provision(slug(prefix, i), hosts[i - 1], 20);
            platform.authorizeAsAdministrator(slug(prefix, i), hosts[i - 1]);
            if (i % 25 == 0 || i == tenants) {
                say("  provisioned " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
            }
        }
        DirectoryReadBench.seed(platform.client(), hosts, users);
        Target[] targets = new Target[tenants];
        for (int i = 1; i <= tenants; i++) {
            String schema = "t_" + slug(prefix, i).replace('-', '_');
            List<String> people = people(platform, schema);
            for (String person : people) {
                MessagerieBench.fill(platform, schema, people.get(0), person, messages);
            }
            targets[i - 1] = new Target(hosts[i - 1], platform.signIn(slug(prefix, i), hosts[i - 1],
                    Set.of("Teacher", "Student", "Personnel")));
            if (i % 25 == 0 || i == tenants) {
                say("  filled and signed in " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L
                        + " s)");
            }
        }
        return targets;
    }

    private static String slug(String prefix, int i) {
        return "mail" + prefix + "-" + i;
    }

    /** The collectivity's people, its teacher first (the author of the fixture's messages). */
    private static List<String> people(BenchPlatform platform, String schema) throws SQLException {
        try (Connection c = platform.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM " + schema + ".ent_user"
                        + " ORDER BY profile <> 'Teacher', id");
                ResultSet rs = s.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
