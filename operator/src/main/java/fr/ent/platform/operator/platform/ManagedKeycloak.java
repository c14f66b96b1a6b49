package fr.ent.platform.operator.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

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
