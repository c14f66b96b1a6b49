package fr.ent.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one metrics registry of the Liberty server. Micrometer is loaded once for the whole server from a shared
 * library (server.xml, {@code commonLibraryRef}), so {@link Metrics#globalRegistry} is the same object in
 * tenant-manager and ent-runtime; the first application to ask adds the Prometheus registry to it, the others find
 * it there. Applications record straight into the returned registry (not through the global composite, which would
 * add an indirection per recording); tenant-manager's {@code /admin/metrics} scrapes it.
 */
public final class PlatformRegistry {

    /**
     * Two of Micrometer's JVM meters break Prometheus naming rules that {@code promtool check metrics} enforces:
     * {@code process_cpu_time_ns_total} (abbreviated unit; {@code process_cpu_usage} says the same) is dropped, and
     * {@code system_cpu_count} (a gauge named like a histogram's count) becomes {@code system_cpu_processors}.
     */
    static final MeterFilter PROMTOOL_CLEAN = new MeterFilter() {
        @Override
        public io.micrometer.core.instrument.config.MeterFilterReply accept(Meter.Id id) {
            return id.getName().equals("process.cpu.time")
                    ? io.micrometer.core.instrument.config.MeterFilterReply.DENY
                    : io.micrometer.core.instrument.config.MeterFilterReply.NEUTRAL;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
        }
    };

    private PlatformRegistry() {
    }

    /** The server's Prometheus registry, created on first use. */
    public static PrometheusMeterRegistry prometheus() {
        synchronized (Metrics.globalRegistry) {
            for (MeterRegistry child : Metrics.globalRegistry.getRegistries()) {
                if (child instanceof PrometheusMeterRegistry prometheus) {
                    return prometheus;
                }
            }
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            prometheus.config().meterFilter(PROMTOOL_CLEAN);
            Metrics.addRegistry(prometheus);
            return prometheus;
        }
    }
}
