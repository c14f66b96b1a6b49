package fr.ent.platform.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The managed PostgreSQL's resources and the memory parameters that follow from them (ADR 0060). */
class DatabaseMemoryTest {

    @Test
    void aMemoryLimitGivesAQuarterToSharedBuffersAndThreeQuartersToTheCacheEstimate() {
        DatabaseMemory memory = DatabaseMemory.of(guaranteed("8Gi", "2"));
        assertThat(memory.parameters()).isEqualTo(Map.of("shared_buffers", "2048MB", "effective_cache_size",
                "6144MB"));
        // as the API server writes them back, so that an unchanged spec is not sent again
        assertThat(memory.resources()).isEqualTo(Map.of("requests", Map.of("cpu", "2", "memory", "8Gi"),
                "limits", Map.of("cpu", "2", "memory", "8Gi")));
    }

    @Test
    void theLimitCountsOverTheRequestAndARequestAloneIsUsed() {
        assertThat(DatabaseMemory.of(new ResourceRequirementsBuilder().addToRequests("memory", new Quantity("4Gi"))
                .addToLimits("memory", new Quantity("16Gi")).build()).parameters())
                .containsEntry("shared_buffers", "4096MB");
        assertThat(DatabaseMemory.of(new ResourceRequirementsBuilder().addToRequests("memory",
                new Quantity("6000Mi")).build()).parameters())
                .isEqualTo(Map.of("shared_buffers", "1500MB", "effective_cache_size", "4500MB"));
        assertThat(DatabaseMemory.of(new ResourceRequirementsBuilder().addToRequests("memory",
                new Quantity("3G")).build()).parameters()).containsEntry("shared_buffers", "715MB");
    }

    @Test
    void withoutMemoryOrWithTooLittlePostgresqlKeepsItsDefaults() {
        assertThat(DatabaseMemory.of(null).parameters()).isEmpty();
        assertThat(DatabaseMemory.of(null).resources()).isEmpty();
        DatabaseMemory cpuOnly = DatabaseMemory.of(new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("500m")).build());
        assertThat(cpuOnly.parameters()).isEmpty();
        assertThat(cpuOnly.resources()).isEqualTo(Map.of("requests", Map.of("cpu", "500m")));
        assertThat(DatabaseMemory.of(guaranteed("256Mi", "1")).parameters()).as("a quarter would be 64 MB").isEmpty();
    }

    private static ResourceRequirements guaranteed(String memory, String cpu) {
        return new ResourceRequirementsBuilder().addToRequests("memory", new Quantity(memory))
                .addToRequests("cpu", new Quantity(cpu)).addToLimits("memory", new Quantity(memory))
                .addToLimits("cpu", new Quantity(cpu)).build();
    }
}
