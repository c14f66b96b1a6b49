package fr.ent.platform.operator.sla;

import fr.ent.platform.observability.sla.SlaPlans;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The SLA watch, from the operator's environment.
 *
 * @param prometheus base URL of the Prometheus HTTP API that evaluates the ent-sla rules ({@code ENT_PROMETHEUS_URL};
 *        unset: no SLAMet condition, no status.sla)
 * @param timeout timeout of one query ({@code ENT_PROMETHEUS_TIMEOUT_SECONDS}, 10)
 * @param refresh how often each collectivity's figures are read again ({@code ENT_SLA_REFRESH_SECONDS}, 60)
 * @param plans the objectives per plan ({@code ENT_SLA_PLANS}, e.g. {@code standard:99.8:0.5,premium:99.9:0.5};
 *        default: the observability module's plans). Must be the plans the PrometheusRule was generated from.
 * @param prometheusRule whether each EntPlatform gets the generated PrometheusRule {@code ent-sla} in its namespace
 *        ({@code ENT_SLA_PROMETHEUS_RULE}, true; needs the prometheus-operator's CRD)
 */
public record SlaSettings(URI prometheus, Duration timeout, Duration refresh, SlaPlans plans, boolean prometheusRule) {

    public SlaSettings {
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(plans, "plans");
        if (refresh.isNegative() || refresh.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ENT_SLA_REFRESH_SECONDS and ENT_PROMETHEUS_TIMEOUT_SECONDS must be positive");
        }
    }

    /** null when {@code ENT_PROMETHEUS_URL} is not set: the SLA watch is off. */
    public static SlaSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("ENT_PROMETHEUS_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String plans = env.get("ENT_SLA_PLANS");
        return new SlaSettings(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("ENT_PROMETHEUS_TIMEOUT_SECONDS", "10"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("ENT_SLA_REFRESH_SECONDS", "60"))),
                plans == null || plans.isBlank() ? SlaPlans.defaults() : SlaPlans.parse(plans),
                Boolean.parseBoolean(env.getOrDefault("ENT_SLA_PROMETHEUS_RULE", "true")));
    }
}
