package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.median;
import static fr.ent.platform.bench.Bench.percentile;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Keycloak as the platform fills up: (1) the REALM step (KeycloakRealms.ensureRealm, what provisioning runs) for
 * realm 1 to N on one server, plus the first OIDC request into each new realm; (2) accounts created per second in
 * one realm by AccountSync with partialImport batches and with parallel POST /users, side by side in one run, each
 * on a fresh realm with the same directory size. A real Keycloak (keycloak-local) and a real PostgreSQL (zonky).
 */
public final class IdentityBench {

    private static final int WINDOW = 10;
    private static final double TARGET_RATIO = 1.5;
    private static final double TARGET_USERS_SECONDS = 60;

    private IdentityBench() {
    }

    public static void main(String[] args) throws Exception {
        int realms = Bench.intProperty("bench.kc.realms", 200);
        int users = Bench.intProperty("bench.kc.users", 10_000);
        List<Variant> variants = Variant.parse(System.getProperty("bench.kc.variants",
                "import:500:1,import:50:4,posts:8"));
        int rounds = Bench.intProperty("bench.kc.rounds", 1);
        // "realms", "accounts" or both (default): the two parts can be run separately on a busy machine
        String phases = System.getProperty("bench.kc.phases", "realms,accounts");
        // "postgres" (as in production) or "dev-file" (Keycloak's embedded H2, what start-dev uses by default)
        String database = System.getProperty("bench.kc.db", "postgres");
        Path home = Bench.targetDirectory().resolve("keycloak-bench");
        // Fresh data each run (the distribution stays unpacked): realm #1 really is the first.
        Bench.deleteTree(home.resolve("data"));
        say("IdentityBench: " + realms + " realms, then " + users + " accounts x " + variants + " x " + rounds
                + " round(s), Keycloak database " + database + "; machine: " + Bench.machineLine());
        var json = Bench.object().add("benchmark", "IdentityBench").add("machine", Bench.machine())
                .add("parameters", Bench.object().add("realms", realms).add("users", users).add("variants", variants.toString()).add("rounds", rounds).add("keycloakDatabase", database));
        StringBuilder md = new StringBuilder("## IdentityBench (Keycloak on " + database + "; " + Bench.machineLine()
                + ")\n\n");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                LocalKeycloak keycloak = keycloak(home, database, postgres)) {
            KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl(), new AdminCredentials.Password("master",
                    keycloak.adminUsername(), keycloak.adminPassword()));
            KeycloakRealms identity = new KeycloakRealms(admin, new PortalUrls("http://{domain}:9080"), Optional.empty());
            HttpClient http = HttpClient.newHttpClient();

            if (phases.contains("realms")) {
                realms(realms, identity, keycloak, http, json, md);
            }
            if (phases.contains("accounts")) {
                accounts(users, variants, rounds, postgres, identity, json, md);
            }
        }
        Bench.writeResults("identity-" + phases.replace(',', '-') + "-" + database, json.build(), md.toString());
    }

    /** Keycloak on its own database of the bench's PostgreSQL server, or on its H2 file. */
    private static LocalKeycloak keycloak(Path home, String database, EmbeddedPostgres postgres) throws Exception {
        LocalKeycloak.Builder builder = LocalKeycloak.builder(home).option("--log-level=warn").progress(Bench::say);
        switch (database) {
            case "postgres" -> {
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        var st = c.createStatement()) {
                    st.execute("CREATE ROLE keycloak LOGIN PASSWORD 'keycloak-bench'");
                    st.execute("CREATE DATABASE keycloak OWNER keycloak");
                }
                builder.postgres("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/keycloak", "keycloak",
                        "keycloak-bench");
            }
            case "dev-file" -> { }
            default -> throw new IllegalArgumentException("bench.kc.db: postgres or dev-file, not " + database);
        }
        return builder.start();
    }

    private static void realms(int realms, KeycloakRealms identity, LocalKeycloak keycloak, HttpClient http,
            jakarta.json.JsonObjectBuilder json, StringBuilder md) throws Exception {
        {
            // ---- (1) realm provisioning as realms accumulate
            long[] create = new long[realms];
            long[] firstRequest = new long[realms];
            long[] adminRead = new long[realms];
            // One line per realm as it goes: a run that dies (an admin call timing out on a loaded machine) keeps
            // its figures so far.
            Path progress = Bench.targetDirectory().resolve("bench-results/identity-realms-progress.csv");
            Files.createDirectories(progress.getParent());
            Files.writeString(progress, "realm,step_ms,first_request_ms,admin_read_ms,load\n");
            for (int i = 0; i < realms; i++) {
                Collectivity c = collectivity(String.format("bench-r%04d", i + 1));
                long t0 = System.nanoTime();
                identity.ensureRealm(c);
                long t1 = System.nanoTime();
                HttpResponse<Void> certs = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/"
                        + c.names().realm() + "/protocol/openid-connect/certs")).build(),
                        HttpResponse.BodyHandlers.discarding());
                long t2 = System.nanoTime();
                if (certs.statusCode() != 200) {
                    throw new IllegalStateException("certs of " + c.names().realm() + ": " + certs.statusCode());
                }
                // One realm-scoped admin read with the master administrator's token: Keycloak builds the caller's
                // identity from the master "admin" role, which gains a composite per realm (keycloak#52009).
                identity.admin().get(c.names().realm() + "/users/profile");
                long t3 = System.nanoTime();
                create[i] = (t1 - t0) / 1_000_000;
                firstRequest[i] = (t2 - t1) / 1_000_000;
                adminRead[i] = (t3 - t2) / 1_000_000;
                Files.writeString(progress, (i + 1) + "," + create[i] + "," + firstRequest[i] + ","
                        + adminRead[i] + "," + fmt(Bench.load(), 1) + "\n", StandardOpenOption.APPEND);
                if ((i + 1) % 25 == 0 || i == 0) {
                    say("realm " + (i + 1) + "/" + realms + ": " + create[i] + " ms (+ first request "
                            + firstRequest[i] + " ms, admin read " + adminRead[i] + " ms), load "
                            + fmt(Bench.load(), 1));
                }
            }
            Table single = new Table("realm #", "REALM step ms", "first OIDC request ms", "admin read ms");
            for (int k : new int[] {1, Math.min(50, realms), realms}) {
                single.row(k, create[k - 1], firstRequest[k - 1], adminRead[k - 1]);
            }
            int w = Math.min(WINDOW, realms);
            double firstWindow = median(Arrays.copyOfRange(create, 0, w));
            double lastWindow = median(Arrays.copyOfRange(create, realms - w, realms));
            double midWindow = median(Arrays.copyOfRange(create, Math.max(0, Math.min(50, realms) - w / 2 - 1),
                    Math.min(realms, Math.min(50, realms) + w / 2 - 1)));
            Table trend = new Table("comparison", "ms", "ratio to first");
            trend.row("median #1-" + w, fmt(firstWindow, 0), "1.00");
            trend.row("median around #50", fmt(midWindow, 0), fmt(midWindow / firstWindow, 2));
            trend.row("median #" + (realms - w + 1) + "-" + realms, fmt(lastWindow, 0),
                    fmt(lastWindow / firstWindow, 2));
            trend.row("admin read: median #1-" + w + " / last " + w,
                    fmt(median(Arrays.copyOfRange(adminRead, 0, w)), 0) + " / "
                            + fmt(median(Arrays.copyOfRange(adminRead, realms - w, realms)), 0),
                    fmt(median(Arrays.copyOfRange(adminRead, realms - w, realms))
                            / Math.max(1, median(Arrays.copyOfRange(adminRead, 0, w))), 2));
            trend.row("all: p50 / p90 / max", percentile(create, 50) + " / " + percentile(create, 90) + " / "
                    + percentile(create, 100), "");
            boolean realmOk = lastWindow <= TARGET_RATIO * firstWindow;
            say(single.text());
            say(trend.text());
            md.append("### Realm provisioning (REALM step), ").append(realms).append(" realms on one Keycloak\n\n")
                    .append(single.markdown()).append('\n').append(trend.markdown()).append('\n')
                    .append("Target: median of the last ").append(w).append(" ≤ 1.5 × median of the first ").append(w)
                    .append(": **").append(realmOk ? "met" : "missed").append("** (")
                    .append(fmt(lastWindow / firstWindow, 2)).append(")\n\n");
            json.add("realms", Bench.object().add("createMs", Json.longs(create))
                    .add("firstRequestMs", Json.longs(firstRequest)).add("adminReadMs", Json.longs(adminRead)).add("firstWindowMedianMs", firstWindow)
                    .add("lastWindowMedianMs", lastWindow).add("ratio", lastWindow / firstWindow)
                    .add("targetMet", realmOk));
        }
    }

    private static void accounts(int users, List<Variant> variants, int rounds, EmbeddedPostgres postgres,
            KeycloakRealms identity, jakarta.json.JsonObjectBuilder json, StringBuilder md) throws Exception {
        {
            // ---- (2) accounts per second, both methods side by side
            DataSource db = postgres.getPostgresDatabase();
            TenantDatabase tenants = new TenantDatabase(db, Optional.empty());
            Collectivity directory = collectivity("bench-directory");
            tenants.createSchemaAndRole(directory.names());
            tenants.migrate(directory.names());
            insertUsers(db, directory.names(), users);
            Table accounts = new Table("round", "variant", "accounts", "seconds", "accounts/s");
            var accountsJson = Json.array();
            Map<Variant, Double> best = new LinkedHashMap<>();
            variants.forEach(v -> best.put(v, Double.MAX_VALUE));
            for (int round = 1; round <= rounds; round++) {
                // rotate which variant goes first, so that none always meets a warmer (or more crowded) server
                List<Variant> order = new ArrayList<>(variants);
                Collections.rotate(order, -(round - 1));
                for (Variant variant : order) {
                    // same directory, fresh realm: the realm is what the sync reads and writes
                    Collectivity target = new Collectivity(UUID.randomUUID(), directory.slug(), directory.kind(),
                            directory.displayName(), directory.domains(), TenantState.ACTIVE, null, null,
                            directory.names(), null, null, false, Instant.now(), Instant.now());
                    identity.deleteRealm(target);
                    identity.ensureRealm(target);
                    AccountSync sync = new AccountSync(db, identity, variant.method(), variant.batch(),
                            variant.parallelism());
                    long t0 = System.nanoTime();
                    AccountSync.Result result = sync.sync(target);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (result.created().size() != users) {
                        throw new IllegalStateException(variant + " created " + result.created().size() + " of "
                                + users);
                    }
                    double rate = users / seconds;
                    best.merge(variant, seconds, Math::min);
                    accounts.row(round, variant, users, fmt(seconds, 1), fmt(rate, 0));
                    accountsJson.add(Bench.object().add("round", round).add("variant", variant.toString())
                            .add("accounts", users).add("seconds", seconds).add("perSecond", rate)
                            .add("load1m", Bench.load()));
                    say("round " + round + " " + variant + ": " + users + " accounts in " + fmt(seconds, 1) + " s");
                }
            }
            say(accounts.text());
            double fastest = best.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            boolean usersOk = fastest <= TARGET_USERS_SECONDS * users / 10_000.0;
            StringBuilder bests = new StringBuilder();
            best.forEach((v, sec) -> bests.append(bests.isEmpty() ? "" : ", ").append(v).append(' ')
                    .append(fmt(sec, 1)).append(" s"));
            md.append("### Accounts created in one realm (AccountSync, activation code = temporary password)\n\n")
                    .append(accounts.markdown()).append('\n')
                    .append("Target: 10,000 accounts in ≤ 60 s (scaled to ").append(users).append("): **")
                    .append(usersOk ? "met" : "missed").append("** (best: ").append(bests).append(")\n");
            json.add("accounts", accountsJson).add("accountsTargetMet", usersOk);
        }
    }

    /**
     * One way of running the sync: "import:BATCH:PARALLEL" (partialImport, batches of BATCH accounts, PARALLEL
     * batches at a time) or "posts:PARALLEL" (one POST per account).
     */
    record Variant(AccountSync.Method method, int batch, int parallelism) {

        static List<Variant> parse(String list) {
            List<Variant> variants = new ArrayList<>();
            for (String v : list.split(",")) {
                String[] p = v.trim().split(":");
                variants.add(switch (p[0]) {
                    case "import" -> new Variant(AccountSync.Method.PARTIAL_IMPORT, Integer.parseInt(p[1]),
                            Integer.parseInt(p[2]));
                    case "posts" -> new Variant(AccountSync.Method.PARALLEL_POSTS, 0, Integer.parseInt(p[1]));
                    default -> throw new IllegalArgumentException("bench.kc.variants: " + v);
                });
            }
            return variants;
        }

        @Override
        public String toString() {
            return method == AccountSync.Method.PARTIAL_IMPORT ? "partialImport " + batch + " x" + parallelism
                    : "POST x" + parallelism;
        }
    }

    static Collectivity collectivity(String slug) {
        TenantNames names = TenantNames.of(Slug.of(slug));
        return new Collectivity(UUID.randomUUID(), slug, CollectivityKind.COMMUNE, "Bench " + slug,
                List.of(slug + ".localhost"), TenantState.PROVISIONING, null, null, names, null, null, false,
                Instant.now(), Instant.now());
    }

    static void insertUsers(DataSource db, TenantNames names, int count) throws Exception {
        String[] profiles = {"Student", "Student", "Student", "Relative", "Relative", "Teacher", "Personnel"};
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + names.schema() + ".ent_user (id, profile, first_name, last_name, search_key) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String first = "Prénom" + (i % 97);
                String last = "Nom" + (i / 97);
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, profiles[i % profiles.length]);
                ps.setString(3, first);
                ps.setString(4, last);
                ps.setString(5, (last + " " + first).toLowerCase());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** JSON helpers local to this program. */
    private static final class Json {
        static jakarta.json.JsonArrayBuilder array() {
            return jakarta.json.Json.createArrayBuilder();
        }

        static jakarta.json.JsonArrayBuilder longs(long[] values) {
            jakarta.json.JsonArrayBuilder a = array();
            Arrays.stream(values).forEach(a::add);
            return a;
        }
    }
}
