package fr.ent.platform.tenants.sla;

import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The SLA report's settings (docs/configuration.md).
 *
 * @param prometheusUrl     {@code ent.prometheus.url}: the Prometheus HTTP API; empty: the report answers 503
 * @param prometheusTimeout {@code ent.prometheus.timeout-seconds} (10): one query's timeout
 * @param plans             {@code ent.sla.plans} (the observability module's plans): the operator's setting, the
 *                          same plans as the rules Prometheus evaluates; the first is the default
 */
public record SlaSettings(Optional<URI> prometheusUrl, Duration prometheusTimeout, SlaPlans plans) {

    public static SlaSettings from(SettingReader settings) {
        return new SlaSettings(settings.url("ent.prometheus.url"),
                Duration.ofSeconds(settings.integer("ent.prometheus.timeout-seconds", 10, 1, 600)),
                settings.text("ent.sla.plans").map(SlaSettings::plans).orElseGet(SlaPlans::defaults));
    }

    private static SlaPlans plans(String setting) {
        try {
            return SlaPlans.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("ent.sla.plans", setting,
                    "a list of plan:availability:latency (" + e.getMessage() + ")");
        }
    }
}
