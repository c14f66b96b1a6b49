package fr.ent.platform.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import fr.ent.platform.observability.sla.SlaPlans;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class LatencyBucketsTest {

    @Test
    void everyPlanThresholdIsABucketBound() {
        SlaPlans.defaults().objectives().forEach(objective ->
                assertThat(LatencyBuckets.isBound(objective.latencyThreshold())).as(objective.plan()).isTrue());
        assertThat(LatencyBuckets.boundsInSeconds()).contains(0.5, 1.0, 2.0);
    }

    @Test
    void micrometerExposesTheContractNamesAndTheLeLabelsTheRulesMatch() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(LatencyBuckets.requestHistogram());
        Timer timer = Timer.builder(MetricContract.HTTP_REQUESTS_METER)
                .tags("collectivity", "lyon", "app", "portal", "outcome", "SUCCESS", "status", "200")
                .register(registry);
        timer.record(Duration.ofMillis(700));
        timer.record(Duration.ofMillis(120));

        String scrape = registry.scrape();

        String labels = "app=\"portal\",collectivity=\"lyon\",outcome=\"SUCCESS\",status=\"200\"";
        assertThat(scrape)
                .contains("ent_http_server_requests_seconds_count{" + labels + "} 2")
                .contains("ent_http_server_requests_seconds_bucket{" + labels + ",le=\"" + LatencyBuckets.leLabel(
                        Duration.ofMillis(500)) + "\"} 1")
                .contains("ent_http_server_requests_seconds_bucket{" + labels + ",le=\"" + LatencyBuckets.leLabel(
                        Duration.ofSeconds(1)) + "\"} 2")
                .contains("le=\"0.5\"").contains("le=\"1.0\"").contains("le=\"2.0\"").contains("le=\"+Inf\"");
        // no percentile histogram: 8 bounds + Inf, nothing else
        assertThat(scrape.lines().filter(l -> l.startsWith("ent_http_server_requests_seconds_bucket"))).hasSize(9);
        registry.close();
    }
}
