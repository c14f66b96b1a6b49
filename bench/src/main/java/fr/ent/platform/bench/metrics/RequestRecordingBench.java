package fr.ent.platform.bench.metrics;

import fr.ent.platform.runtime.metrics.AppOfPath;
import fr.ent.platform.runtime.metrics.RequestMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: the metrics filter's recording path alone (app from the path, timer look-up in the cache, histogram
 * update), with 1,000 collectivities' timers already registered, against the same request selection without
 * recording. Two threads, as many as the machine's cores, so the contention on a shared timer is there. The
 * difference is the CPU the metrics add to each request, to be set against a request's p50 (MetricsOverheadBench).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class RequestRecordingBench {

    private static final String[] PATHS = {"/", "/api/directory/structures", "/api/directory/users", "/api/wiki/x"};
    private static final int[] STATUSES = {200, 200, 200, 304, 404};

    private RequestMetrics metrics;
    private String[] collectivities;

    @Setup
    public void fill() {
        metrics = new RequestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        collectivities = new String[1000];
        for (int i = 0; i < collectivities.length; i++) {
            collectivities[i] = "collectivite-" + i;
            for (String path : PATHS) {
                for (int status : STATUSES) {
                    metrics.record(collectivities[i], AppOfPath.of(path), status, 1_000_000);
                }
            }
        }
    }

    @Benchmark
    public int withoutRecording() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String collectivity = collectivities[random.nextInt(collectivities.length)];
        String path = PATHS[random.nextInt(PATHS.length)];
        int status = STATUSES[random.nextInt(STATUSES.length)];
        long nanos = System.nanoTime();
        return collectivity.length() + path.length() + status + (int) nanos;
    }

    @Benchmark
    public int withRecording() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String collectivity = collectivities[random.nextInt(collectivities.length)];
        String path = PATHS[random.nextInt(PATHS.length)];
        int status = STATUSES[random.nextInt(STATUSES.length)];
        long start = System.nanoTime();
        metrics.record(collectivity, AppOfPath.of(path), status, System.nanoTime() - start + 2_000_000);
        return collectivity.length() + path.length() + status;
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RequestRecordingBench.class.getSimpleName()).build()).run();
    }
}
