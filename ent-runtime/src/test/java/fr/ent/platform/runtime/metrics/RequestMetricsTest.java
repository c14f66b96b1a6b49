package fr.ent.platform.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RequestMetrics metrics = new RequestMetrics(registry);

    @Test
    void eachRequestLandsInItsCollectivityAppAndStatusWithOutcome() {
        metrics.record("lyon", "directory", 200, TimeUnit.MILLISECONDS.toNanos(30));
        metrics.record("lyon", "directory", 200, TimeUnit.MILLISECONDS.toNanos(300));
        metrics.record("occitanie", "portal", 503, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.record(RequestMetrics.UNKNOWN_COLLECTIVITY, "portal", 404, TimeUnit.MILLISECONDS.toNanos(1));

        assertThat(registry.get(RequestMetrics.NAME).tags("collectivity", "lyon", "app", "directory", "status", "200",
                "outcome", "SUCCESS").timer().count()).isEqualTo(2);
        assertThat(registry.get(RequestMetrics.NAME).tags("collectivity", "occitanie", "outcome", "SERVER_ERROR")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(RequestMetrics.NAME).tags("collectivity", "_unknown", "outcome", "CLIENT_ERROR")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find(RequestMetrics.NAME).tags("collectivity", "lyon", "outcome", "SERVER_ERROR").timer())
                .isNull();
    }

    @Test
    void bucketsAreThePlanThresholdsOnly() {
        metrics.record("lyon", "directory", 200, TimeUnit.MILLISECONDS.toNanos(300));
        metrics.record("lyon", "directory", 200, TimeUnit.MILLISECONDS.toNanos(30));
        String text = registry.scrape();

        assertThat(text).contains(
                "ent_http_server_requests_seconds_bucket{app=\"directory\",collectivity=\"lyon\",outcome=\"SUCCESS\",status=\"200\",le=\"0.1\"} 1",
                "ent_http_server_requests_seconds_bucket{app=\"directory\",collectivity=\"lyon\",outcome=\"SUCCESS\",status=\"200\",le=\"0.25\"} 1",
                "ent_http_server_requests_seconds_bucket{app=\"directory\",collectivity=\"lyon\",outcome=\"SUCCESS\",status=\"200\",le=\"0.5\"} 2",
                "ent_http_server_requests_seconds_count{app=\"directory\",collectivity=\"lyon\",outcome=\"SUCCESS\",status=\"200\"} 2");
        long buckets = text.lines().filter(l -> l.startsWith("ent_http_server_requests_seconds_bucket")).count();
        assertThat(buckets).isEqualTo(RequestMetrics.BUCKETS.length + 1); // + le="+Inf"
    }
}
