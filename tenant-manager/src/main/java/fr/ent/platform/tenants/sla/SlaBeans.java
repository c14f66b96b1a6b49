package fr.ent.platform.tenants.sla;

import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** The SLA report's reporter and the plans the admin API accepts, from {@link SlaSettings}. */
@ApplicationScoped
public class SlaBeans {

    /** The plans and their objectives ({@code ent.sla.plans}); the first is the default. */
    @Produces
    @Singleton
    SlaPlans slaPlans(SlaSettings settings) {
        return settings.plans();
    }

    @Produces
    @Singleton
    SlaReporter slaReporter(CollectivityService collectivities, SlaSettings settings) {
        Optional<PrometheusQueries> prometheus = settings.prometheusUrl()
                .map(url -> new PrometheusQueries(url, settings.prometheusTimeout()));
        return new SlaReporter(collectivities::get, prometheus, settings.plans(), Clock.systemUTC());
    }
}
