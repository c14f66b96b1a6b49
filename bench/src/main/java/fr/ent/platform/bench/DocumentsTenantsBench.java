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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * The espace documentaire on one collectivity versus spread over many (issue 15: B/A ≥ 0.9). On a fresh platform,
 * provisions T collectivities (domain d{i}.localhost), seeds each with {@link DirectoryReadBench#seed} (one school,
 * one class, U people; collectivity 1 as many people as the others together, so that A and B draw from as many
 * people and the ratio measures collectivities, not users), gives every person a space of
 * {@code bench.docTenants.folders} folders and {@code bench.docTenants.files} files at its top (rows written in the
 * app's tables: a listing reads rows, never the stored bytes), and signs every person in with their password. Then
 * {@link DirectoryReadBench}'s closed loop sends {@code GET /api/documents} (the top of my space, the request the
 * app answers most) as a person of the target collectivity drawn at random per request: phase A on collectivity 1
 * only, phase B on a collectivity drawn at random per request, interleaved in rounds after a warm-up.
 * Targets: throughput B/A ≥ 0.90; any answer other than 200 fails the run.
 * Parameters: -Dbench.docTenants.tenants (100), .users (5), .firstUsers (U × T, at most 500), .folders (5),
 * .files (40), .threads (16), .warmupSeconds (60), .phaseSeconds (10), .rounds (6).
 */
public final class DocumentsTenantsBench {

    static final String PATH = "/api/documents";
    private static final double TARGET_RATIO = 0.90;

    private DocumentsTenantsBench() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Bench.intProperty("bench.docTenants.tenants", 100);
        int users = Bench.intProperty("bench.docTenants.users", 5);
        int firstUsers = Bench.intProperty("bench.docTenants.firstUsers", Math.min(500, users * tenants));
        int folders = Bench.intProperty("bench.docTenants.folders", 5);
        int files = Bench.intProperty("bench.docTenants.files", 40);
        int threads = Bench.intProperty("bench.docTenants.threads", 16);
        int warmup = Bench.intProperty("bench.docTenants.warmupSeconds", 60);
        int phaseSeconds = Bench.intProperty("bench.docTenants.phaseSeconds", 10);
        int rounds = Bench.intProperty("bench.docTenants.rounds", 6);
        say("DocumentsTenantsBench: " + tenants + " collectivities × " + users + " people (" + firstUsers
                + " in collectivity 1), each with " + folders + " folders and " + files + " files; " + threads
                + " client threads; " + rounds + " rounds of A and B, " + phaseSeconds + " s each");
        say("Machine: " + Bench.machineLine());
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        var json = Bench.object().add("benchmark", "DocumentsTenantsBench").add("machine", Bench.machine());
        List<Phase> phases;
        double loadBefore;
        double loadAfter;
        try (BenchPlatform platform = BenchPlatform.start("documents-tenants")) {
            StatementStats.watch(platform); // -Dent.db.statementStats: plans per request in each phase
            long t0 = System.nanoTime();
            Target[] targets = prepare(platform, "", tenants, i -> i == 1 ? firstUsers : users, folders, files);
            say("  set up in " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
            // every person's first token before the load (a password login costs Keycloak far more than a listing
            // costs the runtime, and would otherwise land in the first phases only)
            Arrays.stream(targets).parallel().flatMap(t -> t.readers().stream())
                    .forEach(r -> ((PasswordLogin) r).authorization());
            HttpClient http = DirectoryReadBench.client();
            URI uri = URI.create(platform.server().runtimeBase() + PATH);
            if (ServerVariants.requested()) {
                ServerVariants.run("documents-tenants", platform, targets, uri, threads, warmup, rounds,
                        phaseSeconds, http, errors, kinds, tenants,
                        () -> { }); // bearer tokens outlive an application restart; a 401 counts as an error
                platform.printLogProblems();
                return;
            }
            ServerVariants.awaitGo(); // -Dbench.gate: the shared machine's lock is held for the measures only
            try {
                loadBefore = Bench.load();
                phases = DirectoryReadBench.interleaved(targets, uri, threads, warmup, rounds, phaseSeconds, http,
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
        boolean ok = c.ratio() >= TARGET_RATIO;
        Table verdicts = new Table("target", "measured", "verdict");
        verdicts.row("B/A throughput ≥ 0.90 (mean of rounds)", fmt(c.ratio(), 3), ok ? "OK" : "MISSED");
        verdicts.row("no answer other than 200", errors.get() + " non-200", errors.get() == 0 ? "OK" : "FAILED");
        String header = "DocumentsTenantsBench — GET " + PATH + " (bearer), " + threads + " client threads, "
                + tenants + " tenants × " + users + " people (" + firstUsers + " in A's collectivity) × (" + folders
                + " folders + " + files + " files), " + rounds + " rounds of " + phaseSeconds + " s per phase after "
                + warmup + " s warm-up (" + Bench.machineLine() + "; load(1m) " + fmt(loadBefore, 2) + " before, "
                + fmt(loadAfter, 2) + " after)";
        say("");
        say(header);
        say(table.text());
        say(c.table().text());
        say(verdicts.text());
        kinds.forEach((k, v) -> say("  " + v.get() + " × " + k));
        json.add("parameters", Json.createObjectBuilder().add("tenants", tenants).add("usersPerTenant", users)
                        .add("usersInFirst", firstUsers).add("folders", folders).add("files", files)
                        .add("threads", threads).add("warmupSeconds", warmup).add("rounds", rounds))
                .add("phases", DirectoryReadBench.phaseJson(phases)).add("ratioBA", c.ratio())
                .add("p99RatioBA", c.p99Ratio()).add("targetMet", ok).add("non200", errors.get());
        StringBuilder md = new StringBuilder("## " + header + "\n\n").append(table.markdown()).append('\n')
                .append(c.table().markdown()).append('\n').append(verdicts.markdown());
        kinds.forEach((k, v) -> md.append("- ").append(v.get()).append(" × `").append(k).append("`\n"));
        Bench.writeResults("documents-tenants", json.build(), md.toString());
        if (errors.get() > 0) {
            say("FAILED: " + errors.get() + " answers other than 200");
            System.exit(1);
        }
    }

    /**
     * Provisions {@code tenants} collectivities (slug docs{prefix}-i, domain d{prefix}i.localhost), seeds their
     * directories ({@code usersOf.applyAsInt(i)} people in i), fills every person's space and signs everyone in.
     */
    static Target[] prepare(BenchPlatform platform, String prefix, int tenants, IntUnaryOperator usersOf, int folders,
            int files) throws Exception {
        long t0 = System.nanoTime();
        String[] hosts = new String[tenants];
        for (int i = 1; i <= tenants; i++) {
            hosts[i - 1] = "d" + prefix + i + ".localhost";
            platform.provision(slug(prefix, i), hosts[i - 1], 20);
            platform.authorizeAsAdministrator(slug(prefix, i), hosts[i - 1]);
            if (i % 25 == 0 || i == tenants) {
                say("  provisioned " + i + "/" + tenants + " (" + (System.nanoTime() - t0) / 1_000_000_000L + " s)");
            }
        }
        DirectoryReadBench.seed(platform.client(), hosts, usersOf);
        Target[] targets = new Target[tenants];
        for (int i = 1; i <= tenants; i++) {
            fill(platform, "t_" + slug(prefix, i).replace('-', '_'), folders, files);
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
        return "docs" + prefix + "-" + i;
    }

    /**
     * Every person of the collectivity gets {@code folders} folders and {@code files} one-version PDFs at the top of
     * their space, written as the app writes them (node and version rows; the object keys name no stored object,
     * which a listing never reads).
     */
    static void fill(BenchPlatform platform, String schema, int folders, int files) throws SQLException {
        List<String> people = new ArrayList<>();
        try (Connection c = platform.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM " + schema + ".ent_user");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                people.add(rs.getString(1));
            }
        }
        try (Connection c = platform.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE person AS SELECT unnest(ARRAY['" + String.join("','", people)
                    + "']::uuid[]) AS id");
            s.execute("INSERT INTO " + schema + ".node (id, owner_id, parent_id, kind, name, created_at, updated_at)"
                    + " SELECT gen_random_uuid(), p.id, NULL, 'folder', 'Dossier ' || n, now(), now()"
                    + " FROM person p, generate_series(1, " + folders + ") AS n");
            s.execute("CREATE TEMP TABLE file AS SELECT gen_random_uuid() AS id, p.id AS owner, n"
                    + " FROM person p, generate_series(1, " + files + ") AS n");
            s.execute("INSERT INTO " + schema + ".node (id, owner_id, parent_id, kind, name, created_at, updated_at)"
                    + " SELECT id, owner, NULL, 'file', 'Fiche ' || n || '.pdf', now() - n * interval '1 hour',"
                    + " now() - n * interval '1 hour' FROM file");
            s.execute("INSERT INTO " + schema + ".version (node_id, number, object_key, content_type, size,"
                    + " uploaded_by, uploaded_at) SELECT id, 1, 'documents/' || id || '/bench', 'application/pdf',"
                    + " 20000 + n, owner, now() FROM file");
            s.execute("DROP TABLE person, file");
            s.execute("ANALYZE " + schema + ".node, " + schema + ".version");
        }
    }
}
