package fr.ent.platform.tenants.metrics;

import fr.ent.platform.metrics.PlatformRegistry;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gauges read from the collectivity registry when Prometheus scrapes (the registry is the truth; nothing to keep
 * in step between scrapes): {@code ent_collectivity_info{collectivity, plan} 1} for every collectivity not
 * DELETED, and {@code ent_collectivities{state}} for every state (0 included, so that alerts on a state see a
 * series). The plan is the registry's ({@code platform.collectivity.plan}).
 */
@ApplicationScoped
public class RegistryGauges {

    private static final Logger LOG = Logger.getLogger(RegistryGauges.class.getName());

    @Inject
    CollectivityRepository registry;

    private MultiGauge info;
    private MultiGauge byState;

    synchronized void refresh() {
        List<Collectivity> collectivities;
        try {
            collectivities = registry.list(EnumSet.allOf(TenantState.class));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the collectivity registry for metrics; keeping the last values", e);
            return;
        }
        if (info == null) {
            info = MultiGauge.builder("ent.collectivity.info")
                    .description("1 for each collectivity of the registry (not deleted), with its plan")
                    .register(PlatformRegistry.prometheus());
            byState = MultiGauge.builder("ent.collectivities").description("Collectivities of the registry by state")
                    .register(PlatformRegistry.prometheus());
        }
        Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
        for (TenantState state : TenantState.values()) {
            counts.put(state, 0);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Collectivity c : collectivities) {
            counts.merge(c.state(), 1, Integer::sum);
            if (c.state() != TenantState.DELETED) {
                rows.add(MultiGauge.Row.of(Tags.of("collectivity", c.slug(), "plan", c.plan()), 1));
            }
        }
        info.register(rows, true);
        byState.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey().name()), e.getValue()))
                .<MultiGauge.Row<?>>map(r -> r).toList(), true);
    }

    @PreDestroy
    synchronized void close() {
        if (info != null) {
            info.register(List.of(), true);
            byState.register(List.of(), true);
        }
    }
}
