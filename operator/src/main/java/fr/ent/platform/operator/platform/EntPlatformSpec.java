package fr.ent.platform.operator.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/** The runtime's image, its scale, its resources, where its database and Keycloak are, how its admin endpoint opens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.maxReplicas) || self.maxReplicas >= self.replicas",
        message = "maxReplicas must be at least replicas")
@ValidationRule(value = "has(self.database) != has(self.managedDatabase)",
        message = "give either database (a PostgreSQL run elsewhere) or managedDatabase (owned as a CloudNativePG Cluster)")
@ValidationRule(value = "!(has(self.keycloak) && has(self.managedKeycloak))",
        message = "give either keycloak (a Keycloak run elsewhere) or managedKeycloak (owned as a Keycloak Operator resource)")
@ValidationRule(value = "!has(self.managedKeycloak) || has(self.managedDatabase) || has(self.managedKeycloak.database)",
        message = "managedKeycloak needs managedDatabase or its own managedKeycloak.database")
@ValidationRule(value = "!has(self.managedKeycloak) || !has(self.managedKeycloak.shards) || has(self.managedDatabase)",
        message = "managedKeycloak.shards needs managedDatabase: each shard gets a database of its own in the platform's Cluster")
@ValidationRule(value = "!has(self.directoryAccounts) || has(self.managedDatabase) || has(self.directoryAccounts.jdbcUrl)",
        message = "directoryAccounts needs jdbcUrl when the database is run elsewhere: the address Keycloak reaches it at")
public class EntPlatformSpec {

    @Required
    @JsonPropertyDescription("Container image of the ENT runtime (Open Liberty with tenant-manager and ent-runtime)")
    private String image;

    @Default("2")
    @Min(1)
    @Max(50)
    @JsonPropertyDescription("Minimum number of runtime pods (the HorizontalPodAutoscaler scales between replicas and maxReplicas)")
    private Integer replicas = 2;

    @Min(1)
    @Max(100)
    private Integer maxReplicas;

    @Default("70")
    @Min(10)
    @Max(100)
    @JsonPropertyDescription("Average CPU utilisation (%) the autoscaler aims at")
    private Integer targetCpuUtilization = 70;

    private ResourceRequirements resources;

    @Min(1)
    @Max(8)
    @JsonPropertyDescription("Connection lanes of each runtime pod (ENT_DB_LANES, ADR 0057): each collectivity's database"
            + " work on one of n pools of 10 connections, so that a connection keeps the prepared statements of a"
            + " share of the collectivities; for platforms with more active collectivities than that (4 measured at"
            + " 1,000). Absent: one shared pool. PostgreSQL must accept 40 + n × 10 connections per pod; a managedDatabase"
            + " is sized for it (ADR 0058)")
    private Integer connectionLanes;

    @JsonPropertyDescription("Secret with the connection to a PostgreSQL run elsewhere: keys host, port, database, username, password")
    private SecretReference database;

    @JsonPropertyDescription("PostgreSQL owned by the platform as a CloudNativePG Cluster, instead of database")
    private ManagedDatabase managedDatabase;

    @JsonPropertyDescription("Keycloak run elsewhere, serving the collectivities' realms")
    private KeycloakReference keycloak;

    @JsonPropertyDescription("Keycloak owned by the platform as a Keycloak Operator resource, instead of keycloak")
    private ManagedKeycloak managedKeycloak;

    @JsonPropertyDescription("Accounts federated from the directory (ADR 0043): each new collectivity's realm reads its"
            + " people from its directory schema through the platform's Keycloak provider, which Keycloak's image must"
            + " hold (keycloak-federation/deploy/Containerfile); existing collectivities are switched one by one"
            + " (Collectivity spec.accounts). Absent: accounts are copied into Keycloak")
    private DirectoryAccounts directoryAccounts;

    @Size(min = 1)
    @JsonPropertyDescription("Regions (topology.kubernetes.io/region) the runtime may be scheduled in, e.g. fr-par")
    private List<String> allowedRegions = new ArrayList<>();

    @JsonPropertyDescription("The admin endpoint on the pod network: TLS keystore, metrics scrape token, admitted clients (all defaulted)")
    private AdminEndpoint adminEndpoint;

    @JsonPropertyDescription("Secret whose key 'keys' holds the backup master keys given to tenant-manager as ENT_BACKUP_KEYS"
            + " (1:<base64 of 32 random bytes>,2:...; docs/backup.md); default <name>-backup-keys")
    private String backupKeysSecret;

    /** Where Keycloak's provider reaches the platform database (ENT_IDENTITY_FEDERATION_JDBC_URL). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectoryAccounts(
            @Pattern("^jdbc:postgresql://[^?]+$")
            @JsonPropertyDescription("The platform database as Keycloak's pods reach it, without credentials (each"
                    + " realm gets a role of its own), e.g. jdbc:postgresql://pg.example.fr:5432/ent; default with"
                    + " managedDatabase: its Cluster's primary Service")
            String jdbcUrl) {
    }

    public record SecretReference(@Required String name) {
    }

    /**
     * @param url         base URL of Keycloak (the shard {@code default})
     * @param adminSecret Secret with keys username and password; every shard is administered with these (ADR 0044)
     * @param capacity    realms it may hold; unset: the registry's (300)
     * @param shards      more Keycloak servers run elsewhere, registered through tenant-manager's shard API (ADR 0050)
     */
    // tenant-manager refuses addresses for the shard 'default' with an API's words (send internalUrl null): say it in
    // the spec's, at admission
    @ValidationRule(value = "!has(self.shards) || self.shards.all(s, s.name != 'default')",
            message = "the shard 'default' is keycloak.url itself: set its capacity with keycloak.capacity, not in shards")
    public record KeycloakReference(@Required String url, SecretReference adminSecret,
            @Min(0) @JsonPropertyDescription("Realms this Keycloak (the shard 'default') may hold; unset: the registry's (300)")
            Integer capacity,
            @JsonPropertyDescription("More Keycloak servers run elsewhere (shards), administered with the same adminSecret;"
                    + " a shard left out of the list stays registered: close it with open: false")
            List<ExternalShard> shards) {
    }

    /** A Keycloak server run elsewhere that collectivities' realms may be placed on (ADR 0044, ADR 0050). */
    public record ExternalShard(
            @Required @Pattern("^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$") @JsonPropertyDescription("Shard name in the registry")
            String name,
            @Required @Pattern("^https?://.+") @JsonPropertyDescription("Its public base URL: browsers, the issuer of its tokens")
            String url,
            @Pattern("^https?://.+") @JsonPropertyDescription("Its base URL from the runtime's pods; unset: url")
            String internalUrl,
            @Required @Min(0) @JsonPropertyDescription("Realms it may hold")
            Integer capacity,
            @JsonPropertyDescription("Whether new collectivities may be placed on it; unset: true")
            Boolean open) {
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getConnectionLanes() {
        return connectionLanes;
    }

    public void setConnectionLanes(Integer connectionLanes) {
        this.connectionLanes = connectionLanes;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getTargetCpuUtilization() {
        return targetCpuUtilization;
    }

    public void setTargetCpuUtilization(Integer targetCpuUtilization) {
        this.targetCpuUtilization = targetCpuUtilization;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public SecretReference getDatabase() {
        return database;
    }

    public void setDatabase(SecretReference database) {
        this.database = database;
    }

    public ManagedDatabase getManagedDatabase() {
        return managedDatabase;
    }

    public void setManagedDatabase(ManagedDatabase managedDatabase) {
        this.managedDatabase = managedDatabase;
    }

    public DirectoryAccounts getDirectoryAccounts() {
        return directoryAccounts;
    }

    public void setDirectoryAccounts(DirectoryAccounts directoryAccounts) {
        this.directoryAccounts = directoryAccounts;
    }

    public ManagedKeycloak getManagedKeycloak() {
        return managedKeycloak;
    }

    public void setManagedKeycloak(ManagedKeycloak managedKeycloak) {
        this.managedKeycloak = managedKeycloak;
    }

    public KeycloakReference getKeycloak() {
        return keycloak;
    }

    public void setKeycloak(KeycloakReference keycloak) {
        this.keycloak = keycloak;
    }

    public List<String> getAllowedRegions() {
        return allowedRegions;
    }

    public void setAllowedRegions(List<String> allowedRegions) {
        this.allowedRegions = allowedRegions == null ? new ArrayList<>() : allowedRegions;
    }

    public AdminEndpoint getAdminEndpoint() {
        return adminEndpoint;
    }

    public void setAdminEndpoint(AdminEndpoint adminEndpoint) {
        this.adminEndpoint = adminEndpoint;
    }

    public String getBackupKeysSecret() {
        return backupKeysSecret;
    }

    public void setBackupKeysSecret(String backupKeysSecret) {
        this.backupKeysSecret = backupKeysSecret;
    }

    /** The Secret of the backup master keys: the spec's, or {@code <platform>-backup-keys}. */
    String backupKeysSecret(String platform) {
        return backupKeysSecret == null || backupKeysSecret.isBlank() ? platform + "-backup-keys" : backupKeysSecret;
    }

    int minReplicas() {
        return replicas == null ? 2 : replicas;
    }

    int maxReplicasOrMin() {
        return maxReplicas == null ? Math.max(minReplicas(), 2 * minReplicas()) : Math.max(maxReplicas, minReplicas());
    }
}
