package fr.ent.platform.operator.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The platform's PostgreSQL, owned as a CloudNativePG {@code Cluster} (issue 18 item 7, ADR 0038): instances spread
 * over zones of the allowed regions, encrypted base backups and WAL archives to an object store in the residency
 * region through the Barman Cloud plugin, which is what point-in-time recovery needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedDatabase {

    @Default("3")
    @Min(1)
    @Max(9)
    @JsonPropertyDescription("PostgreSQL instances (one primary, the others streaming replicas in other zones)")
    private Integer instances = 3;

    @Default("20Gi")
    @Pattern("^[0-9]+(Mi|Gi|Ti)$")
    @JsonPropertyDescription("Volume size of each instance")
    private String storageSize = "20Gi";

    @JsonPropertyDescription("Storage class of the instances' volumes (encrypted, for the sovereign rules); the cluster's default when absent")
    private String storageClass;

    @JsonPropertyDescription("PostgreSQL operand image (from an allowed registry); CloudNativePG's default when absent")
    private String imageName;

    @Min(20)
    @Max(10000)
    @JsonPropertyDescription("PostgreSQL's max_connections; absent, the operator sums the pools of the pods it runs"
            + " (runtime pods at maxReplicas + 1, each 40 + connectionLanes × 10; Keycloak pods whose database is"
            + " here, each its databasePoolSize) and 20 reserved (ADR 0058)")
    private Integer maxConnections;

    @JsonPropertyDescription("CPU and memory of each instance (requests and limits, as CloudNativePG takes them; equal"
            + " requests and limits give the Guaranteed QoS it recommends). With memory, the operator sets"
            + " shared_buffers to a quarter of the limit (or request) and effective_cache_size to three quarters"
            + " (ADR 0060); absent, PostgreSQL keeps its defaults (shared_buffers 128 MB)")
    private ResourceRequirements resources;

    @Default("Retain")
    @Pattern("^(Retain|Delete)$")
    @JsonPropertyDescription("What deleting the EntPlatform does to the database: Retain (default) keeps the Cluster and its backups; Delete removes them with it")
    private String deletionPolicy = "Retain";

    @Required
    @JsonPropertyDescription("Continuous backup: base backups and WAL archives, encrypted, to an object store in the residency region")
    private Backup backup;

    /** Where and how the backups go. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backup {

        @Required
        @Pattern("^s3://.+")
        @JsonPropertyDescription("Bucket and path, e.g. s3://ent-backups/ent-db")
        private String destinationPath;

        @Required
        @Pattern("^https://.+")
        @JsonPropertyDescription("The object store's endpoint (TLS), e.g. https://s3.fr-par.example.fr")
        private String endpointURL;

        @Required
        @JsonPropertyDescription("The object store's region (topology.kubernetes.io/region name), checked by the sovereign rules")
        private String region;

        @Required
        @JsonPropertyDescription("Secret with the object store's keys ACCESS_KEY_ID and ACCESS_SECRET_KEY")
        private EntPlatformSpec.SecretReference credentialsSecret;

        @Default("AES256")
        @Pattern("^(AES256|aws:kms)$")
        @JsonPropertyDescription("Server-side encryption of base backups and WAL archives")
        private String encryption = "AES256";

        @Default("30d")
        @Pattern("^[1-9][0-9]*[dwm]$")
        @JsonPropertyDescription("How long backups are kept (the window of point-in-time recovery)")
        private String retentionPolicy = "30d";

        @Default("0 0 2 * * *")
        @JsonPropertyDescription("When base backups are taken (six-field cron, seconds first)")
        private String schedule = "0 0 2 * * *";

        public String getDestinationPath() {
            return destinationPath;
        }

        public void setDestinationPath(String destinationPath) {
            this.destinationPath = destinationPath;
        }

        public String getEndpointURL() {
            return endpointURL;
        }

        public void setEndpointURL(String endpointURL) {
            this.endpointURL = endpointURL;
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public EntPlatformSpec.SecretReference getCredentialsSecret() {
            return credentialsSecret;
        }

        public void setCredentialsSecret(EntPlatformSpec.SecretReference credentialsSecret) {
            this.credentialsSecret = credentialsSecret;
        }

        public String getEncryption() {
            return encryption;
        }

        public void setEncryption(String encryption) {
            this.encryption = encryption;
        }

        public String getRetentionPolicy() {
            return retentionPolicy;
        }

        public void setRetentionPolicy(String retentionPolicy) {
            this.retentionPolicy = retentionPolicy;
        }

        public String getSchedule() {
            return schedule;
        }

        public void setSchedule(String schedule) {
            this.schedule = schedule;
        }
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public String getStorageSize() {
        return storageSize;
    }

    public void setStorageSize(String storageSize) {
        this.storageSize = storageSize;
    }

    public String getStorageClass() {
        return storageClass;
    }

    public void setStorageClass(String storageClass) {
        this.storageClass = storageClass;
    }

    public String getImageName() {
        return imageName;
    }

    public void setImageName(String imageName) {
        this.imageName = imageName;
    }

    public String getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(String deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public Backup getBackup() {
        return backup;
    }

    public void setBackup(Backup backup) {
        this.backup = backup;
    }

    boolean deletedWithThePlatform() {
        return "Delete".equals(deletionPolicy);
    }
}
