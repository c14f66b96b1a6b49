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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
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
        int batch = Bench.intProperty("bench.kc.batch", 500);
        int parallelism = Bench.intProperty("bench.kc.parallelism", 8);
        int rounds = Bench.intProperty("bench.kc.rounds", 1);
        // "realms", "accounts" or both (default): the two parts can be run separately on a busy machine
        String phases = System.getProperty("bench.kc.phases", "realms,accounts");
        Path home = Bench.targetDirectory().resolve("keycloak-bench");
        // Fresh data each run (the distribution stays unpacked): realm #1 really is the first.
        Bench.deleteTree(home.resolve("data"));
        say("IdentityBench: " + realms + " realms, then " + users + " accounts x 2 methods x " + rounds
                + " round(s); machine: " + Bench.machineLine());
        var json = Bench.object().add("benchmark", "IdentityBench").add("machine", Bench.machine())
                .add("parameters", Bench.object().add("realms", realms).add("users", users).add("batch", batch)
                        .add("parallelism", parallelism).add("rounds", rounds));
        StringBuilder md = new StringBuilder("## IdentityBench (" + Bench.machineLine() + ")\n\n");

        try (LocalKeycloak keycloak = LocalKeycloak.builder(home).option("--log-level=warn").progress(Bench::say)
                .start(); EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl(), new AdminCredentials.Password("master",
                    keycloak.adminUsername(), keycloak.adminPassword()));
            KeycloakRealms identity = new KeycloakRealms(admin, new PortalUrls("http://{domain}:9080"), Optional.empty());
            HttpClient http = HttpClient.newHttpClient();

            if (phases.contains("realms")) {
                realms(realms, identity, keycloak, http, json, md);
            }
            if (phases.contains("accounts")) {
                accounts(users, batch, parallelism, rounds, postgres, identity, json, md);
            }
        }
        Bench.writeResults("identity-" + phases.replace(',', '-'), json.build(), md.toString());
    }

    private static void realms(int realms, KeycloakRealms identity, LocalKeycloak keycloak, HttpClient http,
            jakarta.json.JsonObjectBuilder json, StringBuilder md) throws Exception {
        {
            // ---- (1) realm provisioning as realms accumulate
            long[] create = new long[realms];
            long[] firstRequest = new long[realms];
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
                create[i] = (t1 - t0) / 1_000_000;
                firstRequest[i] = (t2 - t1) / 1_000_000;
                if ((i + 1) % 25 == 0 || i == 0) {
                    say("realm " + (i + 1) + "/" + realms + ": " + create[i] + " ms (+ first request "
                            + firstRequest[i] + " ms)");
                }
            }
            Table single = new Table("realm #", "REALM step ms", "first OIDC request ms");
            for (int k : new int[] {1, Math.min(50, realms), realms}) {
                single.row(k, create[k - 1], firstRequest[k - 1]);
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
                    .add("firstRequestMs", Json.longs(firstRequest)).add("firstWindowMedianMs", firstWindow)
                    .add("lastWindowMedianMs", lastWindow).add("ratio", lastWindow / firstWindow)
                    .add("targetMet", realmOk));
        }
    }

    private static void accounts(int users, int batch, int parallelism, int rounds, EmbeddedPostgres postgres,
            KeycloakRealms identity, jakarta.json.JsonObjectBuilder json, StringBuilder md) throws Exception {
        {
            // ---- (2) accounts per second, both methods side by side
            DataSource db = postgres.getPostgresDatabase();
            TenantDatabase tenants = new TenantDatabase(db, Optional.empty());
            Collectivity directory = collectivity("bench-directory");
            tenants.createSchemaAndRole(directory.names());
            tenants.migrate(directory.names());
            insertUsers(db, directory.names(), users);
            Table accounts = new Table("round", "method", "accounts", "seconds", "accounts/s");
            var accountsJson = Json.array();
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int round = 1; round <= rounds; round++) {
                // alternate which method goes first, so that neither always meets a warmer server
                AccountSync.Method[] order = round % 2 == 1
                        ? new AccountSync.Method[] {AccountSync.Method.PARTIAL_IMPORT, AccountSync.Method.PARALLEL_POSTS}
                        : new AccountSync.Method[] {AccountSync.Method.PARALLEL_POSTS, AccountSync.Method.PARTIAL_IMPORT};
                for (AccountSync.Method method : order) {
                    // same directory, fresh realm: the realm is what the sync reads and writes
                    Collectivity target = new Collectivity(UUID.randomUUID(), directory.slug(), directory.kind(),
                            directory.displayName(), directory.domains(), TenantState.ACTIVE, null, null,
                            directory.names(), null, null, false, Instant.now(), Instant.now());
                    identity.deleteRealm(target);
                    identity.ensureRealm(target);
                    AccountSync sync = new AccountSync(db, identity, method, batch, parallelism);
                    long t0 = System.nanoTime();
                    AccountSync.Result result = sync.sync(target);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (result.created().size() != users) {
                        throw new IllegalStateException(method + " created " + result.created().size() + " of " + users);
                    }
                    double rate = users / seconds;
                    int m = method.ordinal();
                    best[m] = Math.min(best[m], seconds);
                    accounts.row(round, method, users, fmt(seconds, 1), fmt(rate, 0));
                    accountsJson.add(Bench.object().add("round", round).add("method", method.name())
                            .add("accounts", users).add("seconds", seconds).add("perSecond", rate));
                    say("round " + round + " " + method + ": " + users + " accounts in " + fmt(seconds, 1) + " s");
                }
            }
            say(accounts.text());
            boolean usersOk = Math.min(best[0], best[1]) <= TARGET_USERS_SECONDS * users / 10_000.0;
            md.append("### Accounts created in one realm (AccountSync, activation code = temporary password)\n\n")
                    .append(accounts.markdown()).append('\n')
                    .append("Target: 10,000 accounts in ≤ 60 s (scaled to ").append(users).append("): **")
                    .append(usersOk ? "met" : "missed").append("** (best: partialImport ").append(fmt(best[0], 1))
                    .append(" s, parallel POST ").append(fmt(best[1], 1)).append(" s)\n");
            json.add("accounts", accountsJson).add("accountsTargetMet", usersOk);
        }
    }

    private static Collectivity collectivity(String slug) {
        TenantNames names = TenantNames.of(Slug.of(slug));
        return new Collectivity(UUID.randomUUID(), slug, CollectivityKind.COMMUNE, "Bench " + slug,
                List.of(slug + ".localhost"), TenantState.PROVISIONING, null, null, names, null, null, false,
                Instant.now(), Instant.now());
    }

    private static void insertUsers(DataSource db, TenantNames names, int count) throws Exception {
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
