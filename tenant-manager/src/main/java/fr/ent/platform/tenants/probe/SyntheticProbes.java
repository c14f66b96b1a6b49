package fr.ent.platform.tenants.probe;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.metrics.PlatformRegistry;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakSettings;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The synthetic probe: every {@code ent.probe.interval} seconds, each ACTIVE collectivity is checked from
 * outside by every {@link Probe}, and the result of the last round is published as
 * {@code ent_probe_success{collectivity, probe}} (1 or 0) and {@code ent_probe_duration_seconds{collectivity,
 * probe}}. Only ACTIVE collectivities are probed (a suspended one is down on purpose); a collectivity that leaves
 * ACTIVE loses its series at the next round. Rounds run one after another (fixed delay), never overlapping.
 */
@ApplicationScoped
public class SyntheticProbes {

    private static final Logger LOG = Logger.getLogger(SyntheticProbes.class.getName());

    @Inject
    CollectivityRepository registry;

    @Inject
    IdentityRealms realms;

    /** Where tenant-manager reaches Keycloak: the probe's tokens come from the realm's token endpoint there. */
    @Inject
    KeycloakSettings keycloak;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The registry, for the Keycloak shard of each realm (ADR 0044). */
    @Resource(lookup = "jdbc/ent")
    javax.sql.DataSource dataSource;

    /** Whether, how often and where (by default this server's own HTTP port) the public endpoint is probed. */
    @Inject
    ProbeSettings settings;

    private HttpClient http;
    private List<Probe> probes;
    private MultiGauge success;
    private MultiGauge duration;
    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.enabled()) {
            LOG.info("Synthetic probe disabled (ent.probe.enabled=false)");
            return;
        }
        URI base = settings.baseUrl();
        long intervalSeconds = settings.interval().toSeconds();
        // HTTP/1.1 like browsers behind the ingress: the JDK client's default h2c upgrade has been seen to leave
        // Liberty's HTTP/2 writers waiting forever under load (MetricsOverheadBench, docs/benchmarks.md).
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Duration timeout = settings.timeout();
        List<Probe> all = new ArrayList<>(List.of(new PortalProbe(http, base, timeout)));
        Optional<String> keycloakUrl = keycloak.url();
        if (realms.configured() && keycloakUrl.isPresent()) {
            all.add(new ApiProbe(http, base, timeout, realms,
                    RealmEndpoints.of(keycloakUrl.get(), keycloakUrl.get()))
                    .onShards(new fr.ent.platform.tenants.shards.ShardRegistry(dataSource)::endpointsOfRealm));
        } else {
            LOG.warning("Keycloak is not configured: only the portal page is probed (no probe=\"api\")");
        }
        probes = List.copyOf(all);
        success = MultiGauge.builder("ent.probe.success")
                .description("1 if the last synthetic probe of the collectivity succeeded, else 0")
                .register(PlatformRegistry.prometheus());
        duration = MultiGauge.builder("ent.probe.duration").baseUnit("seconds")
                .description("Duration of the last synthetic probe of the collectivity")
                .register(PlatformRegistry.prometheus());
        task = scheduler.scheduleWithFixedDelay(this::round, Math.min(5, intervalSeconds), intervalSeconds,
                TimeUnit.SECONDS);
        LOG.info(() -> "Synthetic probe of every ACTIVE collectivity through " + base + " every " + intervalSeconds
                + " s");
    }

    List<Probe> probes() {
        return probes;
    }

    void round() {
        try {
            List<MultiGauge.Row<?>> ok = new ArrayList<>();
            List<MultiGauge.Row<?>> seconds = new ArrayList<>();
            java.util.Set<String> probed = new java.util.HashSet<>();
            for (Collectivity c : registry.list(EnumSet.of(TenantState.ACTIVE))) {
                if (c.domains().isEmpty()) {
                    continue;
                }
                probed.add(c.slug());
                for (Probe probe : probes) {
                    Tags tags = Tags.of("collectivity", c.slug(), "probe", probe.name());
                    long start = System.nanoTime();
                    boolean passed;
                    String cause = "";
                    try {
                        passed = probe.check(c, c.domains().get(0));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Probe.NotYet e) {
                        LOG.fine(() -> "tenant=" + c.slug() + " synthetic probe " + probe.name() + " skipped: "
                                + e.getMessage());
                        continue;
                    } catch (Exception e) {
                        LOG.log(Level.FINE, "probe " + probe.name() + " of " + c.slug() + " failed", e);
                        passed = false;
                        cause = ": " + e;
                    }
                    if (!passed) {
                        String why = cause;
                        LOG.warning(() -> "tenant=" + c.slug() + " synthetic probe " + probe.name() + " failed" + why);
                    }
                    ok.add(MultiGauge.Row.of(tags, passed ? 1 : 0));
                    seconds.add(MultiGauge.Row.of(tags, (System.nanoTime() - start) / 1e9));
                }
            }
            success.register(ok, true);
            duration.register(seconds, true);
            probes.forEach(p -> p.retainOnly(probed));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Synthetic probe round failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(true);
            success.register(List.of(), true);
            duration.register(List.of(), true);
            http.close();
        }
    }
}
