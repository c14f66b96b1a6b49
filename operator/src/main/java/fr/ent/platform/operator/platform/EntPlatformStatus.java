package fr.ent.platform.operator.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ent.platform.operator.status.OperatorStatus;

/** The runtime's rollout as its Deployment reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EntPlatformStatus extends OperatorStatus {

    private Integer replicas;
    private Integer readyReplicas;
    private Integer updatedReplicas;
    private String image;
    private java.util.List<ShardStatus> keycloakShards;

    /**
     * A Keycloak shard as the registry and the cluster have it (ADR 0050).
     *
     * @param state Registered (in tenant-manager's registry), or Opening (its Keycloak resource is not ready yet)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShardStatus(String name, String url, Integer capacity, Boolean open, Integer realms,
            Integer fillPercent, String state) {
    }

    public java.util.List<ShardStatus> getKeycloakShards() {
        return keycloakShards;
    }

    public void setKeycloakShards(java.util.List<ShardStatus> keycloakShards) {
        this.keycloakShards = keycloakShards;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public Integer getUpdatedReplicas() {
        return updatedReplicas;
    }

    public void setUpdatedReplicas(Integer updatedReplicas) {
        this.updatedReplicas = updatedReplicas;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
