package fr.ent.platform.operator.platform;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The managed PostgreSQL's memory (ADR 0060): the CPU and memory each instance gets, as the spec gives them, and the
 * PostgreSQL parameters that follow from its memory. Without them PostgreSQL keeps its 128 MB of
 * {@code shared_buffers} whatever the pod has, and a platform of 1,000 collectivities (17 GB for the generated
 * France's directories) reads many of its pages from the kernel's cache or the disk.
 *
 * @param resources the instances' requests and limits, as CloudNativePG's {@code resources} takes them
 * @param memory    the memory PostgreSQL may plan for: the limit, or the request when there is no limit
 */
record DatabaseMemory(Map<String, Object> resources, Optional<BigDecimal> memory) {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

    static DatabaseMemory of(ResourceRequirements given) {
        if (given == null) {
            return new DatabaseMemory(Map.of(), Optional.empty());
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        if (given.getRequests() != null && !given.getRequests().isEmpty()) {
            resources.put("requests", text(given.getRequests()));
        }
        if (given.getLimits() != null && !given.getLimits().isEmpty()) {
            resources.put("limits", text(given.getLimits()));
        }
        Quantity memory = given.getLimits() != null && given.getLimits().get("memory") != null
                ? given.getLimits().get("memory")
                : given.getRequests() == null ? null : given.getRequests().get("memory");
        return new DatabaseMemory(resources, Optional.ofNullable(memory).map(Quantity::getAmountInBytes));
    }

    /**
     * PostgreSQL's documented starting point for a dedicated server: {@code shared_buffers} a quarter of the memory,
     * and {@code effective_cache_size} (what the planner may count on being cached, the kernel's cache included)
     * three quarters. Nothing below 512 MiB of memory: a quarter of less is at or below PostgreSQL's default.
     */
    Map<String, String> parameters() {
        Map<String, String> parameters = new TreeMap<>();
        memory.filter(bytes -> bytes.compareTo(MIB.multiply(BigDecimal.valueOf(512))) >= 0).ifPresent(bytes -> {
            long mib = bytes.divide(MIB, java.math.RoundingMode.DOWN).longValue();
            parameters.put("shared_buffers", mib / 4 + "MB");
            parameters.put("effective_cache_size", mib * 3 / 4 + "MB");
        });
        return parameters;
    }

    /** Quantities as the API server writes them back ("8Gi", "2"), so that an unchanged spec compares equal. */
    private static Map<String, String> text(Map<String, Quantity> quantities) {
        Map<String, String> text = new TreeMap<>();
        quantities.forEach((name, quantity) -> text.put(name, quantity.toString()));
        return text;
    }
}
