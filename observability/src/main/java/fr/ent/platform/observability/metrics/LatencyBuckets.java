package fr.ent.platform.observability.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The bucket bounds of the request histogram. Every plan's latency threshold must be one of them: Prometheus can only
 * count "requests faster than T" when T is a bucket bound ({@code _bucket{le="T"}}), interpolation would make the SLI
 * approximate. The list is short on purpose (8 bounds plus +Inf): the histogram is multiplied by collectivities,
 * apps and statuses.
 */
public final class LatencyBuckets {

    private static final List<Duration> BOUNDS = List.of(
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private LatencyBuckets() {
    }

    public static List<Duration> bounds() {
        return BOUNDS;
    }

    public static List<Double> boundsInSeconds() {
        return BOUNDS.stream().map(LatencyBuckets::seconds).toList();
    }

    public static boolean isBound(Duration threshold) {
        return BOUNDS.contains(threshold);
    }

    /**
     * The {@code le} label value of a bound as the Prometheus registry of Micrometer writes it (Java's
     * {@code Double.toString}: "0.5", "1.0", "2.0"), which is also Prometheus 3's normalised form.
     */
    public static String leLabel(Duration bound) {
        if (!isBound(bound)) {
            throw new IllegalArgumentException(bound + " is not a bucket bound " + boundsInSeconds());
        }
        return Double.toString(seconds(bound));
    }

    /**
     * The filter that gives {@link MetricContract#HTTP_REQUESTS_METER} exactly these buckets (and no percentile
     * histogram, which would add ~70 buckets per series). Install it on the registry before the first request.
     */
    public static MeterFilter requestHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(MetricContract.HTTP_REQUESTS_METER)) {
                    return config;
                }
                double[] nanos = BOUNDS.stream().mapToDouble(bound -> (double) bound.toNanos()).toArray();
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
