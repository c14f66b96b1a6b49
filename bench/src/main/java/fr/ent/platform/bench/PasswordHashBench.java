package fr.ent.platform.bench;

import static fr.ent.platform.bench.Bench.fmt;
import static fr.ent.platform.bench.Bench.percentile;
import static fr.ent.platform.bench.Bench.say;

import fr.ent.platform.branding.Branding;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PasswordHashing;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a password costs Keycloak 26.7.3 under its default hashing (Argon2) and under the integration tests'
 * {@code ent.keycloak.password-hashing} ({@code hashAlgorithm(pbkdf2-sha256) and hashIterations(1)}), side by side
 * in one run on one Keycloak: two collectivity realms made by the REALM step ({@link KeycloakRealms}), one per
 * hashing, then, round after round and alternating which goes first, in each: a user created with a password
 * (POST /users), that password changed by an administrator (reset-password: the realm's passwordHistory(3) checks
 * the new one against the stored ones, then hashes it), and a password sign-in (direct grant of the portal). Also
 * the master administrator's password sign-in (admin-cli), what every admin client pays per token. Wall time per
 * operation and Keycloak's CPU per operation (its process's user + system time around the call; the machine's
 * other work is not in it, Keycloak's background work is, hence medians).
 */
public final class PasswordHashBench {

    static final String FAST = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";

    private PasswordHashBench() {
    }

    private record Variant(String name, PasswordHashing hashing, Collectivity collectivity) {
    }

    /** One operation's samples: wall milliseconds and Keycloak CPU milliseconds. */
    private record Samples(List<Long> wall, List<Long> cpu) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        long[] wallArray() {
            return wall.stream().mapToLong(Long::longValue).toArray();
        }

        long[] cpuArray() {
            return cpu.stream().mapToLong(Long::longValue).toArray();
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Bench.intProperty("bench.ph.rounds", 30);
        Path home = Bench.targetDirectory().resolve("keycloak-hash");
        Bench.deleteTree(home.resolve("data"));
        String base = System.getProperty("bench.keycloak.base", "");
        if (!base.isBlank() && !base.startsWith("${") && LocalKeycloak.copyBuiltHome(Path.of(base), home)) {
            say("Keycloak: built home copied from " + base);
        }
        say("PasswordHashBench: " + rounds + " rounds; machine: " + Bench.machineLine());
        try (LocalKeycloak keycloak = LocalKeycloak.builder(home).option("--log-level=warn").progress(Bench::say)
                .timeout(Duration.ofMinutes(10)).start()) {
            KeycloakAdmin admin = new KeycloakAdmin(keycloak.baseUrl(), new AdminCredentials.Password("master",
                    keycloak.adminUsername(), keycloak.adminPassword()));
            List<Variant> variants = List.of(
                    new Variant("Keycloak default (Argon2)", PasswordHashing.KEYCLOAK_DEFAULT,
                            IdentityBench.collectivity("bench-hash-default")),
                    new Variant("tests: " + FAST, new PasswordHashing(Optional.of(FAST)),
                            IdentityBench.collectivity("bench-hash-fast")));
            for (Variant v : variants) {
                new KeycloakRealms(admin, new PortalUrls("http://{domain}:9080"), Optional.empty(),
                        c -> Branding.NONE, v.hashing()).ensureRealm(v.collectivity());
                allowPasswordGrant(admin, v.collectivity().names().realm());
                say(v.name() + ": policy " + admin.get(v.collectivity().names().realm()).object()
                        .getString("passwordPolicy"));
            }
            HttpClient http = HttpClient.newHttpClient();
            ProcessHandle process = keycloak.process();
            Map<String, Samples> samples = new LinkedHashMap<>();
            // warm-up: one of each, not counted (first requests into a realm pay its keys, classes load)
            for (Variant v : variants) {
                round(v, -1, admin, http, keycloak, process, new LinkedHashMap<>());
            }
            for (int i = 0; i < rounds; i++) {
                List<Variant> order = i % 2 == 0 ? variants : variants.reversed();
                for (Variant v : order) {
                    round(v, i, admin, http, keycloak, process, samples);
                }
                Samples master = samples.computeIfAbsent("master administrator sign-in (admin-cli)",
                        k -> new Samples());
                measure(process, master, () -> {
                    HttpResponse<String> r = token(http, keycloak.baseUrl() + "/realms/master", "admin-cli",
                            keycloak.adminUsername(), keycloak.adminPassword());
                    expect(r, 200);
                });
            }
            report(rounds, samples);
        }
    }

    private static void round(Variant v, int i, KeycloakAdmin admin, HttpClient http, LocalKeycloak keycloak,
            ProcessHandle process, Map<String, Samples> samples) throws Exception {
        String realm = v.collectivity().names().realm();
        String username = "hash.user" + (i < 0 ? "-warm" : i);
        String first = "premier-mot-de-passe-" + i;
        String second = "second-mot-de-passe-" + i;
        String[] id = new String[1];
        measure(process, samples.computeIfAbsent(v.name() + " | user created with a password", k -> new Samples()),
                () -> id[0] = admin.post(realm + "/users", Json.createObjectBuilder().add("username", username)
                        .add("enabled", true).add("firstName", "Hash").add("lastName", "User" + i)
                        .add("email", username + "@example.invalid").add("emailVerified", true)
                        .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "password").add("value", first).add("temporary", false)))
                        .build()).createdId());
        measure(process, samples.computeIfAbsent(v.name() + " | password changed (history checked)",
                k -> new Samples()), () -> admin.put(realm + "/users/" + id[0] + "/reset-password",
                        Json.createObjectBuilder().add("type", "password").add("value", second)
                                .add("temporary", false).build()));
        measure(process, samples.computeIfAbsent(v.name() + " | password sign-in (direct grant)", k -> new Samples()),
                () -> expect(token(http, keycloak.baseUrl() + "/realms/" + realm, "portal", username, second), 200));
    }

    private interface Operation {
        void run() throws Exception;
    }

    private static void measure(ProcessHandle keycloak, Samples into, Operation operation) throws Exception {
        long cpu0 = cpuMillis(keycloak);
        long t0 = System.nanoTime();
        operation.run();
        into.wall().add((System.nanoTime() - t0) / 1_000_000);
        into.cpu().add(cpuMillis(keycloak) - cpu0);
    }

    /** CPU milliseconds of Keycloak's process and its descendants (kc.sh starts the JVM). */
    private static long cpuMillis(ProcessHandle keycloak) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(keycloak), keycloak.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    private static void report(int rounds, Map<String, Samples> samples) {
        Table table = new Table("hashing | operation", "n", "p50 ms", "p90 ms", "p99 ms", "Keycloak CPU p50 ms",
                "CPU mean ms");
        var json = Bench.object().add("benchmark", "PasswordHashBench").add("machine", Bench.machine())
                .add("parameters", Bench.object().add("rounds", rounds).add("fast", FAST));
        var figures = Bench.object();
        samples.forEach((name, s) -> {
            long[] wall = s.wallArray();
            long[] cpu = s.cpuArray();
            double mean = java.util.Arrays.stream(cpu).average().orElse(Double.NaN);
            table.row(name, wall.length, percentile(wall, 50), percentile(wall, 90), percentile(wall, 99),
                    percentile(cpu, 50), fmt(mean, 1));
            figures.add(name, Bench.object().add("wallP50", percentile(wall, 50)).add("wallP90", percentile(wall, 90))
                    .add("wallP99", percentile(wall, 99)).add("cpuP50", percentile(cpu, 50)).add("cpuMean", mean));
        });
        say(table.text());
        Bench.writeResults("password-hash", json.add("operations", figures).build(),
                "## PasswordHashBench (" + Bench.machineLine() + ")\n\n" + table.markdown());
    }

    private static HttpResponse<String> token(HttpClient http, String realmBase, String clientId, String username,
            String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(realmBase + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + clientId + "&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static void allowPasswordGrant(KeycloakAdmin admin, String realm) {
        JsonObject portal = admin.get(realm + "/clients?clientId=portal").array().getJsonObject(0);
        admin.put(realm + "/clients/" + portal.getString("id"), Json.createObjectBuilder(portal)
                .add("directAccessGrantsEnabled", true).build());
    }
}
