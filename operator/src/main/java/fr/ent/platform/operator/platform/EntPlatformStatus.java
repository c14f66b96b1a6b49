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
