package fr.ent.platform.operator.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The platform's Keycloak, owned as a Keycloak Operator {@code Keycloak} resource (issue 18 item 7, ADR 0038), pinned
 * to the allowed regions. Its data is in the platform's managed PostgreSQL (a database and a role of its own in the
 * same Cluster), or in the database {@link #database} names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedKeycloak {

    @Default("2")
    @Min(1)
    @Max(10)
    @JsonPropertyDescription("Keycloak pods")
    private Integer instances = 2;

    @Min(5)
    @Max(200)
    @JsonPropertyDescription("Database connections of each Keycloak pod (the Keycloak resource's db.poolMaxSize);"
            + " default 30. Counted in the managed PostgreSQL's max_connections (ADR 0058)")
    private Integer databasePoolSize;

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    @JsonPropertyDescription("Host name Keycloak answers on, e.g. auth.ent.example.fr")
    private String hostname;

    @Required
    @JsonPropertyDescription("Secret of type kubernetes.io/tls with Keycloak's certificate for hostname")
    private EntPlatformSpec.SecretReference tlsSecret;

    @JsonPropertyDescription("Keycloak image (from an allowed registry, built with the platform's login theme); the operator's default when absent")
    private String image;

    @JsonPropertyDescription("Secret with Keycloak's own database connection (keys host, port, database, username, password); only without managedDatabase")
    private EntPlatformSpec.SecretReference database;

    @JsonPropertyDescription("More Keycloak servers (shards) opened by the operator when every open one is filling up (ADR 0050)")
    private ManagedShards shards;

    /**
     * When to open one more Keycloak of the same kind (same instances, image, regions, administrator; a database of its
     * own in the platform's Cluster): when every open shard holds at least {@code openAbovePercent} of its capacity,
     * up to {@code maxShards} servers including the first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "self.hostnamePattern.contains('{n}')",
            message = "hostnamePattern must contain {n}, the shard's number")
    public record ManagedShards(
            @Min(1) @JsonPropertyDescription("Realms each Keycloak may hold, the first one included (default 50: ADR 0044, measured growth)")
            Integer capacity,
            @Min(1) @Max(100) @JsonPropertyDescription("Open a new shard when every open one is at least this full, in % (default 90)")
            Integer openAbovePercent,
            @Min(1) @Max(40) @JsonPropertyDescription("Keycloak servers at most, the first one included (default 24)")
            Integer maxShards,
            @Required @Pattern("^[a-z0-9{]([-a-z0-9.{}]*[a-z0-9}])?$")
            @JsonPropertyDescription("Host name of shard n (2, 3...), with {n} in it, e.g. auth-{n}.ent.example.fr")
            String hostnamePattern,
            @JsonPropertyDescription("Secret of type kubernetes.io/tls covering the shards' host names; default tlsSecret")
            EntPlatformSpec.SecretReference tlsSecret) {

        public int capacityOrDefault() {
            // Keycloak 26.7.3's REALM step costs 1.33x its cost at 10 realms on a server of 50, 1.93x at 100, 3.5x at
            // 400 (RealmCapacityBench side by side, ADR 0044 amended): 50 keeps it within issue 19's 1.5x.
            return capacity == null ? 50 : capacity;
        }

        public int openAboveOrDefault() {
            return openAbovePercent == null ? 90 : openAbovePercent;
        }

        public int maxShardsOrDefault() {
            return maxShards == null ? 24 : maxShards; // 1,000 collectivities at 50 per shard, and room
        }

        public String hostname(int n) {
            return hostnamePattern.replace("{n}", Integer.toString(n));
        }
    }

    public ManagedShards getShards() {
        return shards;
    }

    public void setShards(ManagedShards shards) {
        this.shards = shards;
    }

    int instancesOrDefault() {
        return instances == null ? 2 : instances;
    }

    int databasePoolSizeOrDefault() {
        return databasePoolSize == null ? ConnectionBudget.KEYCLOAK_POOL : databasePoolSize;
    }

    public Integer getDatabasePoolSize() {
        return databasePoolSize;
    }

    public void setDatabasePoolSize(Integer databasePoolSize) {
        this.databasePoolSize = databasePoolSize;
    }

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public EntPlatformSpec.SecretReference getTlsSecret() {
        return tlsSecret;
    }

    public void setTlsSecret(EntPlatformSpec.SecretReference tlsSecret) {
        this.tlsSecret = tlsSecret;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public EntPlatformSpec.SecretReference getDatabase() {
        return database;
    }

    public void setDatabase(EntPlatformSpec.SecretReference database) {
        this.database = database;
    }
}
