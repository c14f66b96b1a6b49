package fr.ent.platform.operator.bench;

import static fr.ent.platform.operator.support.Collectivities.NAMESPACE;
import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import fr.ent.platform.local.PlatformClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.Counter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test of the default build): N Collectivity resources applied at once, reconciled to Ready by
 * the operator against the mock API server and the real tenant-manager on PostgreSQL. Run with
 * {@code mvn -f operator/pom.xml -Pbench verify [-Dent.bench.collectivities=200]}. Prints and writes
 * target/bench/operator-collectivities.txt: total time, reconciliations per second, time to Ready per resource,
 * operator heap.
 */
@EnableKubernetesMockClient(crud = true)
class CollectivityBenchmark {

    static KubernetesClient client;

    @Test
    void collectivitiesAppliedAtOnceBecomeReady() throws IOException {
        int count = Integer.getInteger("ent.bench.collectivities", 200);
        RealPlatform platform = RealPlatform.get();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (RunningOperator operator = RunningOperator.start(client, platform.adminApi(), 20)) {
            long start = System.nanoTime();
            Map<String, Long> created = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = "bench-" + i;
                client.resource(collectivity(name, "bench-" + i, "bench-" + i + ".ent.example.fr")).create();
                created.put(name, System.nanoTime());
            }
            long applied = System.nanoTime();
            Map<String, Long> readyAt = new HashMap<>();
            long allActive = 0;
            long deadline = start + 15L * 60 * 1_000_000_000L;
            while (readyAt.size() < count && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                if (allActive == 0 && activeInTenantManager(platform) == count) {
                    allActive = now;
                }
                for (Collectivity c : client.resources(Collectivity.class).inNamespace(NAMESPACE).list().getItems()) {
                    if (c.getStatus() != null && "Ready".equals(c.getStatus().getPhase())) {
                        readyAt.putIfAbsent(c.getMetadata().getName(), now);
                    }
                }
                sleep(200);
            }
            long end = System.nanoTime();
            assertThat(readyAt).as("collectivities Ready").hasSize(count);

            double seconds = (end - start) / 1e9;
            double reconciliations = counter(operator, "reconciliations.started.total");
            List<Double> toReady = new ArrayList<>();
            readyAt.forEach((name, at) -> toReady.add((at - created.get(name)) / 1e9));
            Collections.sort(toReady);
            System.gc();
            long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            String report = String.format(java.util.Locale.ROOT, """
                    operator benchmark: %d Collectivity resources applied at once (mock API server, real tenant-manager + PostgreSQL)
                      applied in              %.2f s
                      all ACTIVE in tenant-manager after %.1f s
                      all Ready after         %.1f s (from the first apply; polling every 200 ms)
                      reconciliations         %.0f started (%.1f per collectivity), %.1f per second
                      time to Ready           p50 %.1f s, p95 %.1f s, max %.1f s
                      heap (test JVM: operator + mock server + client)  peak %d MiB, after GC %d MiB
                      Keycloak step           not measured: tenant-manager has no Keycloak realm step yet
                    """, count, (applied - start) / 1e9, allActive == 0 ? Double.NaN : (allActive - start) / 1e9, seconds, reconciliations, reconciliations / count,
                    reconciliations / seconds, pct(toReady, 50), pct(toReady, 95), toReady.get(toReady.size() - 1),
                    heapPeak >> 20, heapAfter >> 20);
            System.out.println(report);
            Path out = Path.of("target/bench/operator-collectivities.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    /** How many bench collectivities tenant-manager reports ACTIVE (its own view, independent of the operator). */
    private static int activeInTenantManager(RealPlatform platform) {
        try {
            PlatformClient admin = new PlatformClient(platform.adminApi(), platform.adminApi(),
                    platform.operatorCredentials()::authorization);
            HttpResponse<String> list = admin.admin("GET", "/collectivities?state=ACTIVE", null);
            try (JsonReader reader = Json.createReader(new StringReader(list.body()))) {
                return (int) reader.readArray().getValuesAs(JsonObject.class).stream()
                        .filter(c -> c.getString("slug").startsWith("bench-")).count();
            }
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double counter(RunningOperator operator, String name) {
        // only Collectivity resources exist in this run: every reconciliation counted is one of theirs
        return operator.registry().find(name).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
