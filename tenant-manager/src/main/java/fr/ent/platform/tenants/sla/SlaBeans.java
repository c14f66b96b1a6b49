package fr.ent.platform.tenants.sla;

import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The SLA report's reporter, from MicroProfile Config: {@code ent.prometheus.url} (ENT_PROMETHEUS_URL; unset: the
 * report answers 503), {@code ent.prometheus.timeout-seconds} (10) and {@code ent.sla.plans} (ENT_SLA_PLANS, the
 * operator's setting: the same plans as the rules Prometheus evaluates).
 */
@ApplicationScoped
public class SlaBeans {

    /** The plans and their objectives ({@code ent.sla.plans}); the first is the default. */
    @Produces
    @Singleton
    SlaPlans slaPlans() {
        Config config = ConfigProvider.getConfig(SlaBeans.class.getClassLoader());
        return config.getOptionalValue("ent.sla.plans", String.class).filter(p -> !p.isBlank())
                .map(SlaPlans::parse).orElseGet(SlaPlans::defaults);
    }

    @Produces
    @Singleton
    SlaReporter slaReporter(CollectivityService collectivities, SlaPlans plans) {
        Config config = ConfigProvider.getConfig(SlaBeans.class.getClassLoader());
        Optional<PrometheusQueries> prometheus = config.getOptionalValue("ent.prometheus.url", String.class)
                .filter(url -> !url.isBlank())
                .map(url -> new PrometheusQueries(URI.create(url.strip()), Duration.ofSeconds(
                        config.getOptionalValue("ent.prometheus.timeout-seconds", Integer.class).orElse(10))));
        return new SlaReporter(collectivities::get, prometheus, plans, Clock.systemUTC());
    }
}
