package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.percentile;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.DirectoryAccounts;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.Collectivity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Accounts federated from the directory (ADR 0043) against accounts copied into Keycloak (AccountSync), on one real
 * Keycloak (PostgreSQL database, our provider jar) and one directory of N people:
 * (1) time until N accounts can sign in: DirectoryAccounts (rows in the directory) vs AccountSync (partialImport);
 * (2) sign-in latency of a sample, password grant with the activation code (checked, then Keycloak stops at "set a
 * new password"): first sign-in through the provider (lookup + import), second sign-in of the same people
 * (imported), and people copied by AccountSync (Keycloak alone).
 */
public final class FederationBench {

    private FederationBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = Bench.intProperty("bench.fed.users", 10_000);
        int sample = Bench.intProperty("bench.fed.sample", 300);
        boolean sync = Boolean.parseBoolean(System.getProperty("bench.fed.sync", "true"));
        Path home = Bench.targetDirectory().resolve("keycloak-bench");
        Bench.deleteTree(home.resolve("data"));
        say("FederationBench: " + users + " people, sample of " + sample + " sign-ins; machine: "
                + Bench.machineLine());
        var json = Bench.object().add("benchmark", "FederationBench").add("machine", Bench.machine())
                .add("parameters", Bench.object().add("users", users).add("sample", sample));
        StringBuilder md = new StringBuilder("## FederationBench (Keycloak on PostgreSQL; " + Bench.machineLine()
                + ")\n\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            try (Connection c = db.getConnection(); var st = c.createStatement()) {
                st.execute("CREATE ROLE keycloak LOGIN PASSWORD 'keycloak-bench'");
                st.execute("CREATE DATABASE keycloak OWNER keycloak");
            }
            try (LocalKeycloak keycloak = LocalKeycloak.builder(home).option("--log-level=warn").progress(Bench::say)
                    .postgres("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/keycloak", "keycloak",
                            "keycloak-bench").timeout(Duration.ofMinutes(15)).start()) {
                KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl(), new AdminCredentials.Password("master",
                        keycloak.adminUsername(), keycloak.adminPassword()));
                KeycloakRealms identity = new KeycloakRealms(admin, new PortalUrls("http://{domain}:9080"),
                        Optional.empty());
                TenantDatabase tenants = new TenantDatabase(db, Optional.empty());
                Collectivity fed = IdentityBench.collectivity("bench-fed");
                tenants.createSchemaAndRole(fed.names());
                tenants.migrate(fed.names());
                IdentityBench.insertUsers(db, fed.names(), users);
                identity.ensureRealm(fed);
                new DirectoryFederationSetup(db, admin, "jdbc:postgresql://127.0.0.1:" + postgres.getPort()
                        + "/postgres").ensure(fed);
                allowPasswordGrant(admin, fed.names().realm());

                long t0 = System.nanoTime();
                AccountSync.Result made = new DirectoryAccounts(db, Duration.ofDays(30), Clock.systemUTC())
                        .create(fed, null, java.util.Set.of());
                double directorySeconds = (System.nanoTime() - t0) / 1e9;
                say("directory accounts: " + made.created().size() + " in " + fmt(directorySeconds, 2) + " s");

                HttpClient http = HttpClient.newHttpClient();
                List<AccountSync.NewAccount> picked = made.created().subList(0, Math.min(sample, users));
                long[] first = signIns(http, keycloak, fed, picked);
                long[] second = signIns(http, keycloak, fed, picked);

                Table table = new Table("measure", "accounts", "seconds", "accounts/s");
                table.row("directory rows (DirectoryAccounts)", users, fmt(directorySeconds, 2),
                        fmt(users / directorySeconds, 0));
                Table logins = new Table("sign-in (password grant, activation code)", "n", "p50 ms", "p90 ms",
                        "p99 ms");
                logins.row("first, through the provider (lookup + import)", first.length, percentile(first, 50),
                        percentile(first, 90), percentile(first, 99));
                logins.row("second, same people (imported)", second.length, percentile(second, 50),
                        percentile(second, 90), percentile(second, 99));
                var jsonLogins = Bench.object().add("firstMs", longs(first)).add("secondMs", longs(second));
                double syncSeconds = -1;
                if (sync) {
                    // the same number of people, in a collectivity of their own, copied into its realm as today
                    Collectivity copyRealm = IdentityBench.collectivity("bench-copy");
                    tenants.createSchemaAndRole(copyRealm.names());
                    tenants.migrate(copyRealm.names());
                    IdentityBench.insertUsers(db, copyRealm.names(), users);
                    identity.ensureRealm(copyRealm);
                    allowPasswordGrant(admin, copyRealm.names().realm());
                    long s0 = System.nanoTime();
                    AccountSync.Result result = new AccountSync(db, identity, AccountSync.Method.PARTIAL_IMPORT, 500,
                            1).sync(copyRealm);
                    syncSeconds = (System.nanoTime() - s0) / 1e9;
                    table.row("copied into Keycloak (AccountSync partialImport 500 x1)", result.created().size(),
                            fmt(syncSeconds, 1), fmt(result.created().size() / syncSeconds, 0));
                    long[] local = signIns(http, keycloak, copyRealm,
                            result.created().subList(0, Math.min(sample, result.created().size())));
                    logins.row("copied account (Keycloak alone)", local.length, percentile(local, 50),
                            percentile(local, 90), percentile(local, 99));
                    jsonLogins.add("copiedMs", longs(local));
                }
                say(table.text());
                say(logins.text());
                md.append("### Time until ").append(users).append(" accounts can sign in\n\n").append(table.markdown())
                        .append("\n### Sign-in latency\n\n").append(logins.markdown()).append('\n');
                json.add("directorySeconds", directorySeconds).add("syncSeconds", syncSeconds)
                        .add("logins", jsonLogins);
            }
        }
        Bench.writeResults("federation", json.build(), md.toString());
    }

    /** Each person's password grant with their activation code; the answer must be "set a new password first". */
    private static long[] signIns(HttpClient http, LocalKeycloak keycloak, Collectivity c,
            List<AccountSync.NewAccount> people) throws Exception {
        URI token = URI.create(keycloak.baseUrl() + "/realms/" + c.names().realm() + "/protocol/openid-connect/token");
        long[] ms = new long[people.size()];
        for (int i = 0; i < people.size(); i++) {
            AccountSync.NewAccount p = people.get(i);
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal&username="
                            + URLEncoder.encode(p.login(), StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(p.activationCode(), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            if (!r.body().contains("not fully set up")) {
                throw new IllegalStateException("sign-in of " + p.login() + " in " + c.names().realm() + ": "
                        + r.statusCode() + " " + r.body());
            }
        }
        return ms;
    }

    private static void allowPasswordGrant(KeycloakAdmin admin, String realm) {
        JsonObject portal = admin.get(realm + "/clients?clientId=portal").array().getJsonObject(0);
        admin.put(realm + "/clients/" + portal.getString("id"), jakarta.json.Json.createObjectBuilder(portal)
                .add("directAccessGrantsEnabled", true).build());
    }

    private static jakarta.json.JsonArrayBuilder longs(long[] values) {
        jakarta.json.JsonArrayBuilder a = jakarta.json.Json.createArrayBuilder();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }
}
