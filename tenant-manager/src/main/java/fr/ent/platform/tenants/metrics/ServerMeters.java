package fr.ent.platform.tenants.metrics;

import fr.ent.platform.metrics.PlatformRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The server-wide meters that belong to no request: the JVM (memory, GC, threads, class loading, processor,
 * uptime) and the database pools. tenant-manager binds them, once for the server, when it starts; it removes them
 * when it stops, since their functions are classes of this application (a redeployed tenant-manager binds fresh
 * ones instead of leaving gauges that hold the old class loader).
 */
@ApplicationScoped
public class ServerMeters {

    @Inject
    MetricsSettings settings;

    private JvmGcMetrics gc;
    /** Held here: a gauge keeps only a weak reference to the object it reads, which would be collected (NaN). */
    private List<ConnectionPoolGauges> pools = List.of();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        MeterRegistry registry = PlatformRegistry.prometheus();
        gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        // the shared pool, and each connection lane in use (ENT_DB_LANES, read at start: ADR 0057)
        pools = settings.pools().stream().map(ConnectionPoolGauges::new).toList();
        pools.forEach(pool -> pool.bindTo(registry));
    }

    @PreDestroy
    void close() {
        MeterRegistry registry = PlatformRegistry.prometheus();
        if (gc != null) {
            gc.close();
        }
        // Every JVM and pool meter is a function of this application's objects: remove them all.
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("jvm.") || m.getId().getName().startsWith("process.")
                        || m.getId().getName().startsWith("system.") || m.getId().getName().startsWith("ent.db.pool."))
                .forEach(registry::remove);
    }
}
