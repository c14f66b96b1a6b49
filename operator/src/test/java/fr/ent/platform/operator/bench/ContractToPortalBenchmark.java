package fr.ent.platform.operator.bench;

import static fr.ent.platform.operator.support.Collectivities.NAMESPACE;
import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.local.PlatformClient;
import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Collectivities;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import fr.ent.platform.testing.login.LoginAgent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's "contract to portal" (benchmark, not a test of the default build): a {@code Collectivity} resource
 * applied to the operator (mock API server in CRUD mode, as {@code CollectivityLifecycleIT}; the real tenant-manager
 * and runtime on PostgreSQL, the test JVM's Keycloak) until its Ready condition, then until a first person signs in
 * to the portal on its domain. One contract at a time, each measured from its apply, after
 * {@code ent.bench.warmups} contracts that are not (the first provisioning after a start pays the JIT and the
 * first Flyway run). Phases, client-side clocks (the resource read every 50 ms from the mock API server,
 * tenant-manager's state every 100 ms):
 * <ol>
 * <li>the operator took it: tenant-manager knows the collectivity (the resource's {@code status.tenantState});</li>
 * <li>tenant-manager ACTIVE (its own state); its steps' server-side durations from
 * {@code GET /collectivities/{slug}/provisioning}, and the progress the resource showed ({@code status.provisioning})
 * with the time it was first seen;</li>
 * <li>Ready: the resource's Ready condition True at its generation (the operator polls tenant-manager every second
 * while it provisions);</li>
 * <li>the portal answers: {@code /auth/login} on the domain sends to the collectivity's realm (the runtime reads the
 * registry again within a second);</li>
 * <li>a first person: one school and one pupil through the runtime's directory API, as the collectivity's
 * administrator (a service client of its realm made for the bench: the directory feed's place);</li>
 * <li>account sync: tenant-manager's {@code POST /collectivities/{slug}/accounts/sync}, the pupil's activation
 * code;</li>
 * <li>first sign-in: the portal's code flow with PKCE, the activation code in Keycloak's form, a new password, back
 * on the portal's home page.</li>
 * </ol>
 * Target (issue 19): apply to first sign-in under 10 s on the least-filled shard (the platform here has one: the
 * report lists the shards and their realms). Run with
 * {@code mvn -B -o -f operator/pom.xml -Pbench verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ContractToPortalBenchmark [-Dent.bench.contracts=5 -Dent.bench.warmups=1]}; writes
 * target/bench/contract-to-portal.md. docs/benchmarks.md has the figures.
 */
@EnableKubernetesMockClient(crud = true)
class ContractToPortalBenchmark {

    static KubernetesClient client;

    private static final double TARGET_SECONDS = 10;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> PHASES = List.of("operator took it", "tenant-manager ACTIVE", "Ready",
            "portal answers", "first person", "account sync", "first sign-in");

    /** One contract's clock: when each phase ended, in seconds from the apply; the steps and progress seen. */
    private record Contract(String slug, Map<String, Double> ends, Map<String, Long> stepMillis,
            Map<String, Double> progressSeen) {

        double total() {
            return ends.get(PHASES.getLast());
        }

        double duration(String phase) {
            int i = PHASES.indexOf(phase);
            return ends.get(phase) - (i == 0 ? 0 : ends.get(PHASES.get(i - 1)));
        }
    }

    @Test
    void aContractReachesAFirstPortalSignIn() throws Exception {
        int contracts = Integer.getInteger("ent.bench.contracts", 5);
        int warmups = Integer.getInteger("ent.bench.warmups", 1);
        RealPlatform platform = RealPlatform.get();
        List<Contract> measured = new ArrayList<>();
        String shardsBefore;
        String shardsAfter;
        double loadBefore = load();
        try (RunningOperator operator = RunningOperator.start(client, platform.adminApi())) {
            shardsBefore = shards(platform);
            for (int i = 1; i <= warmups + contracts; i++) {
                Contract c = contract(platform, i);
                System.out.printf(Locale.ROOT, "%s %s: %.2f s to the first sign-in %s%n",
                        i <= warmups ? "warm-up" : "contract", c.slug(), c.total(), c.ends());
                if (i > warmups) {
                    measured.add(c);
                }
            }
            shardsAfter = shards(platform);
        }
        String report = report(measured, warmups, loadBefore, load(), shardsBefore, shardsAfter);
        System.out.println(report);
        Path out = Path.of("target/bench/contract-to-portal.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(measured).allSatisfy(c -> assertThat(c.ends()).containsKeys(PHASES.toArray(String[]::new)));
    }

    /** Applies collectivity {@code contract-<i>} on {@code contract<i>.localhost} and follows it to a first sign-in. */
    private static Contract contract(RealPlatform platform, int i) throws Exception {
        String slug = "contract-" + i;
        String domain = "contract" + i + ".localhost";
        PlatformClient api = platform.client();
        Map<String, Double> ends = new LinkedHashMap<>();
        Map<String, Double> progress = new LinkedHashMap<>();
        long start = System.nanoTime();
        client.resource(collectivity(slug, slug, domain)).create();

        long deadline = start + TIMEOUT.toNanos();
        long nextTenantRead = start;
        while (!ends.containsKey("Ready")) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(slug + " not Ready after " + TIMEOUT + ": " + ends + " "
                        + Collectivities.read(client, slug).getStatus());
            }
            Collectivity c = Collectivities.read(client, slug);
            if (c.getStatus() != null && c.getStatus().getTenantState() != null) {
                ends.putIfAbsent("operator took it", seconds(start, now));
            }
            if (c.getStatus() != null && c.getStatus().getProvisioning() != null) {
                progress.putIfAbsent(c.getStatus().getProvisioning(), seconds(start, now));
            }
            if (!ends.containsKey("tenant-manager ACTIVE") && now >= nextTenantRead) {
                nextTenantRead = now + 100_000_000L;
                HttpResponse<String> tenant = api.admin("GET", "/collectivities/" + slug, null);
                if (tenant.statusCode() == 200 && "ACTIVE".equals(PlatformClient.json(tenant).getString("state"))) {
                    ends.put("tenant-manager ACTIVE", seconds(start, System.nanoTime()));
                }
            }
            if (Collectivities.isTrue(c, ConditionType.Ready) && "Ready".equals(Collectivities.phase(c))
                    && c.getMetadata().getGeneration().equals(c.getStatus().getObservedGeneration())) {
                ends.putIfAbsent("operator took it", seconds(start, now));
                ends.putIfAbsent("tenant-manager ACTIVE", seconds(start, now)); // ACTIVE between two reads
                ends.put("Ready", seconds(start, now));
            }
            Thread.sleep(50);
        }

        LoginAgent browser = new LoginAgent(platform.runtimeBase());
        String portal = "http://" + domain + ":" + platform.runtimeBase().getPort();
        while (true) {
            HttpResponse<String> login = browser.get(portal + "/auth/login?return=/");
            if (login.statusCode() == 302 && LoginAgent.location(login).orElse("").contains("/realms/"
                    + Realms.ofCollectivity(slug) + "/")) {
                ends.put("portal answers", seconds(start, System.nanoTime()));
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(domain + " not served: " + login.statusCode());
            }
            Thread.sleep(50);
        }

        firstPerson(platform, slug, domain);
        ends.put("first person", seconds(start, System.nanoTime()));

        HttpResponse<String> sync = api.admin("POST", "/collectivities/" + slug + "/accounts/sync", null);
        if (sync.statusCode() != 200) {
            throw new IllegalStateException("accounts/sync of " + slug + ": " + sync.statusCode() + " " + sync.body());
        }
        JsonObject account = PlatformClient.json(sync).getJsonArray("accounts").getValuesAs(JsonObject.class)
                .stream().filter(a -> "Student".equals(a.getString("profile", ""))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no account for the pupil: " + sync.body()));
        ends.put("account sync", seconds(start, System.nanoTime()));

        HttpResponse<String> home = new LoginAgent(platform.runtimeBase()).firstSignIn(portal,
                account.getString("login"), account.getString("activationCode"), "contrat-signe-2026");
        if (home.statusCode() != 200 || !home.uri().getPath().equals("/") || !home.body().contains("Léa")) {
            throw new IllegalStateException("first sign-in on " + domain + " ended on " + home.uri() + " "
                    + home.statusCode());
        }
        ends.put("first sign-in", seconds(start, System.nanoTime()));
        return new Contract(slug, ends, stepMillis(api, slug), progress);
    }

    /**
     * One school and one pupil (Léa Martin) in the collectivity's directory, through the runtime's API as its
     * administrator: a service client of its realm with SUPER_ADMIN, as the bench module's set-ups make.
     */
    private static void firstPerson(RealPlatform platform, String slug, String domain) throws Exception {
        ClientCredentials admin = platform.keycloak().ensureServiceClient(Realms.ofCollectivity(slug), "bench-admin",
                "bench-admin-secret", List.of(RealmRoles.SUPER_ADMIN));
        PlatformClient api = platform.client();
        api.authorizeRuntime(domain, admin::authorization);
        String school = created(api.postJson(domain, "/api/directory/structures", Json.createObjectBuilder()
                .add("uai", "0750001U").add("name", "École du contrat").add("type", "ECOLE").build().toString()));
        created(api.postJson(domain, "/api/directory/users", Json.createObjectBuilder()
                .add("profile", "Student").add("lastName", "Martin").add("firstName", "Léa")
                .add("structureId", school).build().toString()));
    }

    private static String created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("refused: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Server-side duration of each provisioning step (ms), as tenant-manager recorded them. */
    private static Map<String, Long> stepMillis(PlatformClient api, String slug) throws IOException,
            InterruptedException {
        Map<String, Long> steps = new LinkedHashMap<>();
        HttpResponse<String> r = api.admin("GET", "/collectivities/" + slug + "/provisioning", null);
        for (JsonObject step : PlatformClient.json(r).getJsonArray("steps").getValuesAs(JsonObject.class)) {
            if (!step.isNull("startedAt") && !step.isNull("finishedAt")) {
                steps.put(step.getString("step"), Duration.between(Instant.parse(step.getString("startedAt")),
                        Instant.parse(step.getString("finishedAt"))).toMillis());
            }
        }
        return steps;
    }

    /** The Keycloak shards and their realms, as tenant-manager places collectivities on them. */
    private static String shards(RealPlatform platform) throws IOException, InterruptedException {
        HttpResponse<String> r = platform.client().admin("GET", "/keycloak-shards", null);
        StringBuilder out = new StringBuilder();
        for (JsonObject s : Json.createReader(new java.io.StringReader(r.body())).readArray()
                .getValuesAs(JsonObject.class)) {
            out.append(out.isEmpty() ? "" : ", ").append(s.getString("name")).append(": ").append(s.getInt("realms"))
                    .append(" realms / capacity ").append(s.getInt("capacity"));
        }
        return out.toString();
    }

    private static String report(List<Contract> contracts, int warmups, double loadBefore, double loadAfter,
            String shardsBefore, String shardsAfter) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## ContractToPortalBenchmark — %d contracts one after another after %d"
                + " warm-up (%s, %d CPUs; load(1m) %.2f before, %.2f after)%n%n", contracts.size(), warmups,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Runtime.getRuntime()
                        .availableProcessors(), loadBefore, loadAfter));
        md.append("Keycloak shards before: ").append(shardsBefore).append("; after: ").append(shardsAfter)
                .append("\n\n");
        md.append("| phase (s, from the end of the previous one) |");
        contracts.forEach(c -> md.append(' ').append(c.slug()).append(" |"));
        md.append(" median | max |\n|---|");
        contracts.forEach(c -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (String phase : PHASES) {
            row(md, phase, contracts.stream().mapToDouble(c -> c.duration(phase)).toArray());
        }
        row(md, "**apply → first sign-in**", contracts.stream().mapToDouble(Contract::total).toArray());
        row(md, "apply → Ready", contracts.stream().mapToDouble(c -> c.ends().get("Ready")).toArray());
        for (String step : contracts.getFirst().stepMillis().keySet()) {
            row(md, "tenant-manager step " + step + " (server side)", contracts.stream()
                    .mapToDouble(c -> c.stepMillis().getOrDefault(step, -1L) / 1000.0).toArray());
        }
        md.append("\nProgress the resource showed (`status.provisioning`: first seen, s after the apply):\n\n");
        contracts.forEach(c -> md.append("- ").append(c.slug()).append(": ").append(c.progressSeen()).append('\n'));
        double[] totals = contracts.stream().mapToDouble(Contract::total).sorted().toArray();
        double worst = totals[totals.length - 1];
        md.append(String.format(Locale.ROOT, "%nTarget: apply → first sign-in < %.0f s: median %.2f s, max %.2f s:"
                + " %s%n", TARGET_SECONDS, median(totals), worst, worst < TARGET_SECONDS ? "OK" : "MISSED"));
        return md.toString();
    }

    private static void row(StringBuilder md, String label, double[] values) {
        md.append("| ").append(label).append(" |");
        for (double v : values) {
            md.append(String.format(Locale.ROOT, " %.2f |", v));
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        md.append(String.format(Locale.ROOT, " %.2f | %.2f |%n", median(sorted), sorted[sorted.length - 1]));
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double seconds(long start, long now) {
        return (now - start) / 1e9;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
