package fr.ent.platform.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code ent_http_server_requests_seconds{collectivity, app, outcome, status}}: the request histogram the SLA is
 * computed from. Its buckets are the plans' latency thresholds as explicit service-level-objective bounds (no
 * percentile histogram: 6 buckets instead of ~70, the series count stays low with 1,000 collectivities). Timers
 * are cached per (collectivity, app, status) — outcome follows from status — so a request costs a map look-up.
 * Every label value is bounded: the collectivity is a registry slug or {@link #UNKNOWN_COLLECTIVITY}, never the
 * Host header; the app comes from {@link AppOfPath}.
 */
public final class RequestMetrics {

    public static final String NAME = "ent.http.server.requests";
    public static final String UNKNOWN_COLLECTIVITY = "_unknown";
    /**
     * Bucket bounds: exactly the per-plan latency thresholds. Each bound is one series per timer, and with 1,000
     * collectivities a bound costs ~40,000 series (MetricsMemoryBench): none is added without a plan needing it.
     */
    public static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private record Key(String collectivity, String app, int status) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String collectivity, String app, int status, long nanos) {
        Key key = new Key(collectivity, app, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME).description("HTTP requests served by the ENT runtime, per collectivity and app")
                .tag("collectivity", key.collectivity()).tag("app", key.app())
                .tag("outcome", Outcome.forStatus(key.status()).name())
                .tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
