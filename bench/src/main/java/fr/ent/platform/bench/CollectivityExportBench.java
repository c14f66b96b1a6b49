package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole collectivity out and back (reversibility, issue 18, ADR 0033) at the size of a real one. On a fresh
 * platform, provisions a collectivity and fills it: {@code bench.export.users} directory people (schools, classes,
 * pupils, teachers, staff, written as rows: the export reads rows, and the source's Keycloak accounts are not in the
 * archive, so it needs none but its uploaders'), {@code bench.export.messages} messages between them (1 to 3
 * recipients each, every holder's mailbox entry), and {@code bench.export.files} documents uploaded through the
 * documents API by {@code bench.export.uploaders} teachers (one folder each; sizes drawn as office files are: most
 * tens of kB, some hundreds, a few MB; their bytes random, i.e. as incompressible as PDFs and photos). Then, as an
 * operator would: the export (tenant-manager's {@code POST /collectivities/{slug}/exports}, each step of the job
 * timed from its progress row, until READY = written, stored, read back and verified), its download, and the import
 * of that archive under a new slug and domain (upload and verification, provisioning, the job's steps), the account
 * sync that gives every person an account and an activation code, and one pupil's first sign-in with that code on
 * the new domain (password chosen, portal home page). Peak heap of the server JVM sampled every second from
 * {@code /admin/metrics}. Targets (issue 18): export ≤ 5 min, import until people can sign in ≤ 5 min.
 * Parameters: -Dbench.export.users (10000), .messages (50000), .files (2000), .uploaders (100), .meanKb (about 250,
 * the mean of the size mix), .threads (4 upload threads), .noCheck (false: a small collectivity goes out and back
 * first, untimed, so that a broken step fails in a minute rather than after the fill).
 */
public final class CollectivityExportBench {

    private static final Duration TARGET = Duration.ofMinutes(5);
    private static final String[] FIRST = {"Lea", "Hugo", "Chloe", "Lucas", "Manon", "Louis", "Emma", "Jules",
        "Ines", "Gabriel", "Jade", "Arthur", "Louise", "Raphael", "Alice", "Adam", "Lina", "Paul", "Rose", "Nathan",
        "Anna", "Tom", "Mila", "Sacha", "Zoe", "Noah", "Lou", "Ethan", "Camille", "Leo", "Sarah", "Theo", "Eva",
        "Maxime", "Julia", "Victor", "Nina", "Oscar", "Clara", "Martin"};
    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
        "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "Andre", "Lefevre", "Mercier", "Dupont", "Lambert", "Bonnet",
        "Francois", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry",
        "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clement", "Gauthier", "Dumont", "Lopez", "Fontaine",
        "Chevalier", "Robin"};

    private CollectivityExportBench() {
    }

    /** The collectivity's size. */
    public record Size(int users, int messages, int files, int uploaders, int meanKb, int threads) {
    }

    /** What was put in the source collectivity. */
    public record Filled(String slug, String domain, long users, long messages, long files, long fileBytes,
            Map<String, Long> seconds) {
    }

    /** One job as the bench followed it: how long each step took (seconds, in the job's order) and its last view. */
    public record Job(Map<String, Double> steps, double seconds, JsonObject last) {
    }

    /** One measured round: export, download, import, accounts, first sign-in. */
    public record Round(Filled source, Job export, double downloadSeconds, long archiveBytes, double uploadSeconds,
            double provisioningSeconds, Job importJob, double syncSeconds, int accounts, double signInSeconds,
            double importTotalSeconds, Map<String, Long> copied, long peakHeapBytes, long maxHeapBytes) {
    }

    public static void main(String[] args) throws Exception {
        Size size = new Size(Bench.intProperty("bench.export.users", 10_000),
                Bench.intProperty("bench.export.messages", 50_000), Bench.intProperty("bench.export.files", 2_000),
                Bench.intProperty("bench.export.uploaders", 100), Bench.intProperty("bench.export.meanKb", 250),
                Bench.intProperty("bench.export.threads", 4));
        say("CollectivityExportBench: " + size);
        say("Machine: " + Bench.machineLine());
        var json = Bench.object().add("benchmark", "CollectivityExportBench").add("machine", Bench.machine());
        Round round;
        double loadBefore;
        double loadAfter;
        try (BenchPlatform platform = BenchPlatform.start("collectivity-export")) {
            if (!Boolean.getBoolean("bench.export.noCheck")) {
                // a small collectivity out and back first, untimed: a mistake shows in a minute, not after the fill
                long c0 = System.nanoTime();
                measure(platform, fill(platform, "expchk", "expchk.localhost", new Size(60, 200, 6, 2, 50, 2)),
                        "expchk2", "expchk2.localhost");
                say("  check round done in " + elapsed(c0) + " s");
            }
            Filled source = fill(platform, "expsrc", "expsrc.localhost", size);
            loadBefore = Bench.load();
            round = measure(platform, source, "expcopy", "expcopy.localhost");
            loadAfter = Bench.load();
            platform.printLogProblems();
            json.add("libertyLog", platform.logProblemsJson());
        }
        boolean exportOk = round.export().seconds() <= TARGET.toSeconds();
        boolean importOk = round.importTotalSeconds() <= TARGET.toSeconds();
        Table phases = phaseTable(round);
        Table verdicts = new Table("target", "measured", "verdict");
        verdicts.row("export ≤ 5 min (asked → READY, verified)", fmt(round.export().seconds(), 1) + " s",
                exportOk ? "OK" : "MISSED");
        verdicts.row("import ≤ 5 min (archive sent → a person signed in)", fmt(round.importTotalSeconds(), 1) + " s",
                importOk ? "OK" : "MISSED");
        String header = "CollectivityExportBench — " + size.users() + " people, " + size.messages() + " messages, "
                + size.files() + " documents (" + mib(round.source().fileBytes()) + " MiB) (" + Bench.machineLine()
                + "; load(1m) " + fmt(loadBefore, 2) + " before the export, " + fmt(loadAfter, 2) + " after the import)";
        say("");
        say(header);
        say(phases.text());
        say(verdicts.text());
        json.add("parameters", Json.createObjectBuilder().add("users", size.users()).add("messages", size.messages())
                        .add("files", size.files()).add("uploaders", size.uploaders()).add("meanKb", size.meanKb()))
                .add("round", roundJson(round)).add("loadBefore", loadBefore).add("loadAfter", loadAfter)
                .add("exportTargetMet", exportOk).add("importTargetMet", importOk);
        String md = "## " + header + "\n\n" + phases.markdown() + "\n" + verdicts.markdown();
        Bench.writeResults("collectivity-export", json.build(), md);
    }

    /**
     * Provisions {@code slug} on {@code domain} and fills it to {@code size}; returns what it holds. The seeding
     * is not the measure: rows in SQL, documents through the API (their bytes must be in the file store).
     */
    public static Filled fill(BenchPlatform platform, String slug, String domain, Size size) throws Exception {
        Map<String, Long> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        platform.provision(slug, domain, 50);
        platform.authorizeAsAdministrator(slug, domain);
        awaitServed(platform.client(), domain);
        seconds.put("provisioning", elapsed(t0));
        String schema = "t_" + slug.replace('-', '_');
        long t1 = System.nanoTime();
        directory(platform.dataSource(), schema, size.users());
        seconds.put("directory", elapsed(t1));
        long t2 = System.nanoTime();
        messages(platform.dataSource(), schema, size.messages());
        seconds.put("messages", elapsed(t2));
        long t3 = System.nanoTime();
        long bytes = documents(platform, slug, domain, schema, size);
        seconds.put("documents", elapsed(t3));
        Map<String, Long> counts = counts(platform, schema);
        say("  filled " + slug + ": " + counts + ", " + mib(bytes) + " MiB of files, in " + seconds);
        return new Filled(slug, domain, counts.get("ent_user"), counts.get("message"), counts.get("version"), bytes,
                seconds);
    }

    /**
     * The export, its download, the import under {@code copySlug}/{@code copyDomain}, the account sync and a first
     * sign-in, each timed; the copy's row counts compared with the source's.
     */
    public static Round measure(BenchPlatform platform, Filled source, String copySlug, String copyDomain)
            throws Exception {
        PlatformClient client = platform.client();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (HeapSampler heap = new HeapSampler(http, client.adminBase().resolve("/admin/metrics"))) {
            say("  export of " + source.slug() + " (load(1m) " + fmt(Bench.load(), 2) + ")");
            long e0 = System.nanoTime();
            HttpResponse<String> asked = client.admin("POST", "/collectivities/" + source.slug() + "/exports", null);
            if (asked.statusCode() != 202) {
                throw new IllegalStateException("export: " + asked.statusCode() + " " + asked.body());
            }
            String exportId = PlatformClient.json(asked).getString("id");
            Job export = follow(client, source.slug(), exportId, "READY", e0);
            say("  export READY in " + fmt(export.seconds(), 1) + " s: " + export.steps());

            Path archive = Files.createTempFile("bench-collectivity-export-", ".zip");
            try {
                long d0 = System.nanoTime();
                HttpResponse<Path> download = http.send(HttpRequest.newBuilder(URI.create(client.adminBase()
                                + "/collectivities/" + source.slug() + "/exports/" + exportId + "/archive"))
                        .header("Authorization", client.adminAuthorization()).timeout(Duration.ofMinutes(10)).GET()
                        .build(), HttpResponse.BodyHandlers.ofFile(archive));
                if (download.statusCode() != 200) {
                    throw new IllegalStateException("download: " + download.statusCode());
                }
                double downloadSeconds = seconds(d0);
                long archiveBytes = Files.size(archive);
                say("  archive " + mib(archiveBytes) + " MiB downloaded in " + fmt(downloadSeconds, 1) + " s");

                say("  import as " + copySlug + " (load(1m) " + fmt(Bench.load(), 2) + ")");
                long i0 = System.nanoTime();
                String query = "/collectivities/imports?slug=" + copySlug + "&domain=" + copyDomain
                        + "&kind=commune&displayName=" + URLEncoder.encode("Copie de " + source.slug(),
                        StandardCharsets.UTF_8);
                HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(client.adminBase() + query))
                        .header("Authorization", client.adminAuthorization()).header("Content-Type", "application/zip")
                        .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(archive)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (started.statusCode() != 202) {
                    throw new IllegalStateException("import: " + started.statusCode() + " " + started.body());
                }
                double uploadSeconds = seconds(i0);
                String importId = PlatformClient.json(started).getString("importId");
                long p0 = System.nanoTime();
                client.awaitState(copySlug, fr.ent.platform.tenancy.TenantState.ACTIVE, Duration.ofMinutes(5));
                double provisioningSeconds = seconds(p0);
                Job importJob = follow(client, copySlug, importId, "DONE", System.nanoTime());
                say("  import DONE " + fmt(seconds(i0), 1) + " s after the upload began: upload and verification "
                        + fmt(uploadSeconds, 1) + " s, provisioning " + fmt(provisioningSeconds, 1) + " s, job "
                        + importJob.steps());

                long s0 = System.nanoTime();
                HttpResponse<String> sync = http.send(HttpRequest.newBuilder(URI.create(client.adminBase()
                                + "/collectivities/" + copySlug + "/accounts/sync"))
                        .header("Authorization", client.adminAuthorization()).timeout(Duration.ofMinutes(15))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (sync.statusCode() != 200) {
                    throw new IllegalStateException("accounts/sync: " + sync.statusCode() + " " + sync.body());
                }
                double syncSeconds = seconds(s0);
                var accounts = PlatformClient.json(sync).getJsonArray("accounts");
                say("  " + accounts.size() + " accounts in " + fmt(syncSeconds, 1) + " s");
                JsonObject pupil = accounts.getValuesAs(JsonObject.class).stream()
                        .filter(a -> "Student".equals(a.getString("profile", ""))).findFirst().orElseThrow();
                long l0 = System.nanoTime();
                firstSignIn(platform, copyDomain, pupil.getString("login"), pupil.getString("activationCode"));
                double signInSeconds = seconds(l0);
                double importTotal = seconds(i0);
                say("  " + pupil.getString("login") + " signed in on " + copyDomain + " in " + fmt(signInSeconds, 1)
                        + " s; import to sign-in " + fmt(importTotal, 1) + " s");

                Map<String, Long> copied = counts(platform, "t_" + copySlug.replace('-', '_'));
                Map<String, Long> original = counts(platform, "t_" + source.slug().replace('-', '_'));
                if (!copied.equals(original)) {
                    throw new IllegalStateException("the copy differs: " + copied + " vs " + original);
                }
                if (accounts.size() != copied.get("ent_user")) {
                    throw new IllegalStateException(accounts.size() + " accounts for " + copied.get("ent_user")
                            + " people");
                }
                return new Round(source, export, downloadSeconds, archiveBytes, uploadSeconds, provisioningSeconds,
                        importJob, syncSeconds, accounts.size(), signInSeconds, importTotal, copied, heap.peak(),
                        heap.max());
            } finally {
                Files.deleteIfExists(archive);
            }
        }
    }

    /** Polls the job every 250 ms until {@code state}; the time of each step is from its first sighting. */
    private static Job follow(PlatformClient client, String slug, String id, String state, long since)
            throws Exception {
        Map<String, Double> steps = new LinkedHashMap<>();
        String current = "queued";
        long stepStart = since;
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (true) {
            HttpResponse<String> r = client.admin("GET", "/collectivities/" + slug + "/transfers/" + id, null);
            if (r.statusCode() == 200) {
                JsonObject job = PlatformClient.json(r);
                String s = job.getString("state");
                String step = !job.containsKey("currentStep") || job.isNull("currentStep") ? s.toLowerCase()
                        : job.getString("currentStep");
                if (s.equals("FAILED")) {
                    throw new IllegalStateException(slug + " job " + id + " FAILED: " + job);
                }
                long now = System.nanoTime();
                if (s.equals(state)) {
                    steps.merge(current, (now - stepStart) / 1e9, Double::sum);
                    return new Job(steps, (now - since) / 1e9, job);
                }
                if (!step.equals(current)) {
                    steps.merge(current, (now - stepStart) / 1e9, Double::sum);
                    current = step;
                    stepStart = now;
                }
            } else if (r.statusCode() != 404) { // 404: the import's row is queued once provisioning is over
                throw new IllegalStateException("job " + id + ": " + r.statusCode() + " " + r.body());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(slug + " job " + id + " not " + state + " after an hour");
            }
            Thread.sleep(250);
        }
    }

    /** The pupil's first sign-in on the new domain: activation code, a password of their choice, the portal. */
    static void firstSignIn(BenchPlatform platform, String domain, String login, String code) {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        String portal = "http://" + domain + ":" + platform.server().runtimeBase().getPort();
        HttpResponse<String> home = browser.firstSignIn(portal, login, code, "bench-choisi-2026");
        if (home.statusCode() != 200 || !home.uri().getPath().equals("/")
                || browser.cookie(domain, PortalSession.COOKIE) == null) {
            throw new IllegalStateException("first sign-in of " + login + " on " + domain + " ended on " + home.uri()
                    + " " + home.statusCode());
        }
    }

    /** Schools of 500, 20 classes each; one teacher in 25, one staff member in 100, the rest pupils. */
    static void directory(javax.sql.DataSource db, String schema, int users) throws SQLException {
        int schools = Math.max(1, (users + 499) / 500);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE school AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, "
                    + (schools - 1) + ") AS n");
            s.execute("INSERT INTO " + schema + ".structure (id, uai, name, type, education_level)"
                    + " SELECT id, '09' || lpad(n::text, 5, '0') || 'B', 'École ' || (n + 1), 'ECOLE', '1D' FROM school");
            s.execute("CREATE TEMP TABLE klass AS SELECT s.n AS school, k, gen_random_uuid() AS id"
                    + " FROM school s, generate_series(0, 19) AS k");
            s.execute("INSERT INTO " + schema + ".school_class (id, structure_id, name, level) SELECT k.id, s.id,"
                    + " 'Classe ' || (k.k + 1), 'CM2' FROM klass k JOIN school s ON s.n = k.school");
            s.execute("CREATE TEMP TABLE person AS SELECT i, gen_random_uuid() AS id, CASE WHEN i % 25 = 0 THEN"
                    + " 'Teacher' WHEN i % 100 = 1 THEN 'Personnel' ELSE 'Student' END AS profile,"
                    + " (" + array(FIRST) + ")[1 + (i * 7) % " + FIRST.length + "] AS first_name,"
                    + " (" + array(LAST) + ")[1 + (i / " + FIRST.length + ") % " + LAST.length + "] AS last_name,"
                    + " i % " + schools + " AS school, (i / " + schools + ") % 20 AS k"
                    + " FROM generate_series(0, " + (users - 1) + ") AS i");
            s.execute("INSERT INTO " + schema + ".ent_user (id, external_id, profile, last_name, first_name,"
                    + " birth_date, structure_id, search_key) SELECT p.id, 'BENCH' || p.i, p.profile, p.last_name,"
                    + " p.first_name, CASE WHEN p.profile = 'Student' THEN date '2015-01-01' + (p.i % 1500) END,"
                    + " s.id, lower(p.last_name || ' ' || p.first_name) FROM person p JOIN school s ON s.n = p.school");
            s.execute("INSERT INTO " + schema + ".class_member (class_id, user_id) SELECT k.id, p.id FROM person p"
                    + " JOIN klass k ON k.school = p.school AND k.k = p.k WHERE p.profile <> 'Personnel'");
            s.execute("DROP TABLE school, klass, person");
            s.execute("ANALYZE " + schema + ".ent_user, " + schema + ".class_member");
        }
    }

    /**
     * Messages between people drawn over the whole directory: each to 1 recipient, every fifth to 3 (TO + 2 CC),
     * a body of a few sentences; the author's SENT entry and each recipient's INBOX entry, a third of them read.
     */
    static void messages(javax.sql.DataSource db, String schema, int messages) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE who AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS k, id,"
                    + " first_name || ' ' || last_name AS name FROM " + schema + ".ent_user");
            long people;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM who")) {
                rs.next();
                people = rs.getLong(1);
            }
            if (people < 4) {
                throw new IllegalStateException("messages need at least 4 people");
            }
            s.execute("CREATE INDEX ON who (k)");
            // recipients at offsets 1..3 + x from the author (x ≤ people - 4): never the author, never twice
            s.execute("CREATE TEMP TABLE m AS SELECT gen_random_uuid() AS id, n, (n * 7919) % " + people + " AS a,"
                    + " ((n * 7919) % " + people + " + 1 + (n * 104729) % " + (people - 3) + ") % " + people + " AS r,"
                    + " now() - n * interval '37 seconds' AS at FROM generate_series(CAST(1 AS bigint), " + messages + ") AS n");
            s.execute("INSERT INTO " + schema + ".message (id, thread_id, author_id, author_name, subject, body,"
                    + " body_text, state, created_at, updated_at, sent_at) SELECT m.id, m.id, w.id, w.name,"
                    + " 'Sortie du ' || (1 + n % 28) || ' mars, classe ' || (1 + n % 20),"
                    + " '<p>' || repeat('Bonjour, la sortie au musée aura lieu le matin ; pensez au pique-nique. ',"
                    + " CAST(1 + n % 6 AS int)) || '</p>',"
                    + " repeat('Bonjour, la sortie au musée aura lieu le matin ; pensez au pique-nique. ', CAST(1 + n % 6 AS int)),"
                    + " 'SENT', at, at, at FROM m JOIN who w ON w.k = m.a");
            s.execute("CREATE TEMP TABLE rcpt AS SELECT m.id AS message_id, m.n, m.at, 'TO' AS field, m.r AS k FROM m"
                    + " UNION ALL SELECT m.id, m.n, m.at, 'CC', (m.r + j) % " + people + " FROM m,"
                    + " generate_series(1, 2) AS j WHERE m.n % 5 = 0");
            s.execute("INSERT INTO " + schema + ".message_addressee (message_id, field, kind, addressee_id, name)"
                    + " SELECT r.message_id, r.field, 'USER', w.id, w.name FROM rcpt r JOIN who w ON w.k = r.k");
            s.execute("INSERT INTO " + schema + ".mailbox_entry (user_id, message_id, box, unread, trashed, at)"
                    + " SELECT w.id, m.id, 'SENT', false, false, m.at FROM m JOIN who w ON w.k = m.a");
            s.execute("INSERT INTO " + schema + ".mailbox_entry (user_id, message_id, box, unread, trashed, at)"
                    + " SELECT w.id, r.message_id, 'INBOX', r.n % 3 <> 0, false, r.at FROM rcpt r JOIN who w"
                    + " ON w.k = r.k");
            s.execute("DROP TABLE who, m, rcpt");
            s.execute("ANALYZE " + schema + ".message, " + schema + ".message_addressee, " + schema
                    + ".mailbox_entry");
        }
    }

    /**
     * {@code size.files()} documents uploaded through the documents API by the first {@code size.uploaders()}
     * teachers (each signed in with a password, one folder each), {@code size.threads()} uploads at a time;
     * returns their bytes. Sizes: 70 % 10-150 kB, 25 % 150 kB-1 MB, 5 % 1-2 MB (scaled to {@code meanKb}).
     */
    static long documents(BenchPlatform platform, String slug, String domain, String schema, Size size)
            throws Exception {
        if (size.files() == 0) {
            return 0;
        }
        List<String[]> teachers = new ArrayList<>();
        try (Connection c = platform.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, first_name, last_name FROM " + schema + ".ent_user"
                        + " WHERE profile = 'Teacher' ORDER BY external_id LIMIT " + size.uploaders())) {
            while (rs.next()) {
                teachers.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        platform.allowPasswordGrant(slug);
        List<PasswordLogin> logins = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (String[] t : teachers) {
            PasswordLogin login = platform.signInUser(slug, t[0], "Teacher", t[1], t[2]);
            HttpResponse<String> folder = platform.client().runtime(domain, "POST", "/api/documents/folders",
                    "application/json", "{\"name\":\"Cours\"}".getBytes(StandardCharsets.UTF_8),
                    login.authorization());
            if (folder.statusCode() != 201) {
                throw new IllegalStateException("folder: " + folder.statusCode() + " " + folder.body());
            }
            logins.add(login);
            folders.add(PlatformClient.json(folder).getString("id"));
        }
        double scale = size.meanKb() / 250.0;
        AtomicLong bytes = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(size.threads());
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int f = 0; f < size.files(); f++) {
                int index = f;
                uploads.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(index);
                    double pick = random.nextDouble();
                    int kb = pick < 0.70 ? random.nextInt(10, 150) : pick < 0.95 ? random.nextInt(150, 1024)
                            : random.nextInt(1024, 2048);
                    byte[] content = new byte[(int) Math.max(1, kb * 1024 * scale)];
                    new Random(index).nextBytes(content);
                    byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(pdf, 0, content, 0, Math.min(pdf.length, content.length));
                    int who = index % logins.size();
                    String path = "/api/documents/files?name=" + URLEncoder.encode("Fiche " + (index + 1) + ".pdf",
                            StandardCharsets.UTF_8) + "&folder=" + folders.get(who);
                    HttpResponse<String> r = platform.client().runtime(domain, "POST", path, "application/pdf",
                            content, logins.get(who).authorization());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
                    }
                    bytes.addAndGet(content.length);
                    long n = done.incrementAndGet();
                    if (n % 250 == 0) {
                        say("  uploaded " + n + "/" + size.files() + " (" + elapsed(t0) + " s)");
                    }
                    return null;
                }));
            }
            for (Future<?> u : uploads) {
                u.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return bytes.get();
    }

    /** Row counts of the tables the comparison looks at. */
    static Map<String, Long> counts(BenchPlatform platform, String schema) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = platform.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("structure", "school_class", "ent_user", "class_member", "message",
                    "message_addressee", "mailbox_entry", "node", "version")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void awaitServed(PlatformClient client, String domain) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (client.get(domain, "/api/directory/structures").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(domain + " not served");
            }
            Thread.sleep(100);
        }
    }

    private static Table phaseTable(Round r) {
        Table t = new Table("phase", "s", "what");
        r.export().steps().forEach((step, s) -> t.row("export: " + step, fmt(s, 1), exportWhat(step)));
        t.row("**export, asked → READY**", fmt(r.export().seconds(), 1), r.export().last().getJsonNumber("rows")
                + " rows, " + r.export().last().getJsonNumber("files") + " files, archive "
                + mib(r.archiveBytes()) + " MiB");
        t.row("download (operator)", fmt(r.downloadSeconds(), 1), "GET …/exports/{id}/archive");
        t.row("import: upload + verification", fmt(r.uploadSeconds(), 1), "POST /collectivities/imports until 202");
        t.row("import: provisioning", fmt(r.provisioningSeconds(), 1), "schema, migrations, realm");
        r.importJob().steps().forEach((step, s) -> t.row("import: " + step, fmt(s, 1), ""));
        t.row("import: account sync", fmt(r.syncSeconds(), 1), r.accounts() + " accounts with activation codes");
        t.row("import: first sign-in", fmt(r.signInSeconds(), 1), "activation code, new password, portal");
        t.row("**import, archive sent → signed in**", fmt(r.importTotalSeconds(), 1), "copy's counts = source's");
        t.row("server heap, peak sampled", mib(r.peakHeapBytes()) + " MiB", "of " + mib(r.maxHeapBytes())
                + " MiB max (/admin/metrics every second)");
        return t;
    }

    private static String exportWhat(String step) {
        return switch (step) {
            case "queued" -> "until the runtime's sweep starts it";
            case "archive" -> "manifest, ZIP closed";
            case "verification" -> "stored copy read back, every checksum";
            default -> "";
        };
    }

    private static JsonObject roundJson(Round r) {
        var exportSteps = Json.createObjectBuilder();
        r.export().steps().forEach(exportSteps::add);
        var importSteps = Json.createObjectBuilder();
        r.importJob().steps().forEach(importSteps::add);
        var copied = Json.createObjectBuilder();
        r.copied().forEach(copied::add);
        var seeding = Json.createObjectBuilder();
        r.source().seconds().forEach(seeding::add);
        return Json.createObjectBuilder().add("seedingSeconds", seeding).add("fileBytes", r.source().fileBytes())
                .add("exportSeconds", r.export().seconds()).add("exportSteps", exportSteps)
                .add("exportJob", r.export().last()).add("archiveBytes", r.archiveBytes())
                .add("downloadSeconds", r.downloadSeconds()).add("uploadSeconds", r.uploadSeconds())
                .add("provisioningSeconds", r.provisioningSeconds()).add("importSteps", importSteps)
                .add("importJob", r.importJob().last()).add("syncSeconds", r.syncSeconds())
                .add("accounts", r.accounts()).add("signInSeconds", r.signInSeconds())
                .add("importTotalSeconds", r.importTotalSeconds()).add("copiedCounts", copied)
                .add("peakHeapBytes", r.peakHeapBytes()).add("maxHeapBytes", r.maxHeapBytes()).build();
    }

    private static String array(String[] names) {
        StringBuilder sql = new StringBuilder("ARRAY[");
        for (int i = 0; i < names.length; i++) {
            sql.append(i == 0 ? "'" : ", '").append(names[i]).append('\'');
        }
        return sql.append("]").toString();
    }

    private static long elapsed(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String mib(long bytes) {
        return fmt(bytes / 1048576.0, 1);
    }

    /** The server JVM's heap in use, read from its Prometheus page every second; the highest value seen. */
    static final class HeapSampler implements AutoCloseable {
        private final HttpClient http;
        private final URI metrics;
        private final Thread thread;
        private volatile long peak;
        private volatile long max;
        private volatile boolean running = true;

        HeapSampler(HttpClient http, URI metrics) {
            this.http = http;
            this.metrics = metrics;
            this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::run);
        }

        private void run() {
            while (running) {
                try {
                    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
                    long used = 0;
                    long limit = 0;
                    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(),
                            StandardCharsets.UTF_8)).lines()) {
                        for (String line : (Iterable<String>) lines::iterator) {
                            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                                used += value(line);
                            } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
                                limit += Math.max(0, value(line));
                            }
                        }
                    }
                    peak = Math.max(peak, used);
                    max = Math.max(max, limit);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // a missed sample: the next one counts
                }
            }
        }

        private static long value(String line) {
            String v = line.substring(line.lastIndexOf(' ') + 1);
            return (long) Double.parseDouble(v);
        }

        long peak() {
            return peak;
        }

        long max() {
            return max;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
