package fr.ent.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlatformRegistryTest {

    @Test
    void everyCallerGetsTheSameRegistryEvenWhenAskingAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<PrometheusMeterRegistry>> calls = IntStream.range(0, 32)
                    .<Callable<PrometheusMeterRegistry>>mapToObj(i -> PlatformRegistry::prometheus).toList();
            List<PrometheusMeterRegistry> registries = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(registries).containsOnly(registries.get(0));
            assertThat(Metrics.globalRegistry.getRegistries())
                    .filteredOn(r -> r instanceof PrometheusMeterRegistry).singleElement().isSameAs(registries.get(0));
        } finally {
            pool.shutdown();
        }
    }
}
