package fr.ent.platform.sovereignty.inventory;

import java.util.Objects;

/**
 * A cluster node and where it runs. {@code region}, {@code zone} and {@code provider} are {@code null} when the node
 * does not carry the label ({@value #REGION_LABEL}, {@value #ZONE_LABEL}, {@value #PROVIDER_LABEL}): the rules treat
 * an unknown location or provider as a violation, never as compliant.
 */
public record Node(String name, String region, String zone, String provider) {

    public static final String REGION_LABEL = "topology.kubernetes.io/region";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    public static final String PROVIDER_LABEL = "ent.fr/provider";

    public Node {
        Objects.requireNonNull(name, "name");
    }
}
