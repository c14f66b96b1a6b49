package fr.ent.platform.operator.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * How the runtime's admin endpoint (tenant-manager's admin API and {@code /admin/metrics}) is opened to the pod
 * network: TLS with a keystore from a Secret, the scrape token of {@code /admin/metrics} from a Secret, and the
 * clients a NetworkPolicy admits. Every field has a default (docs/operator.md), so {@code adminEndpoint} may be left
 * out; the Secrets must exist before the pods can start.
 *
 * @param tlsSecret Secret holding {@code keystore.p12} (certificate and key, e.g. written by a cert-manager
 *        Certificate with {@code keystores.pkcs12.create}); default {@code <name>-admin-tls}
 * @param keystorePasswordSecret Secret whose key {@code password} opens that keystore; default
 *        {@code <name>-admin-tls-password}
 * @param metricsTokenSecret Secret whose key {@code token} Prometheus must send as bearer token to
 *        {@code /admin/metrics}; default {@code <name>-metrics-token}
 * @param clients who may open connections to the admin port; default: the operator (namespace ent-system, pods
 *        {@code app.kubernetes.io/name=ent-operator}) and Prometheus (namespace monitoring, pods
 *        {@code app.kubernetes.io/name=prometheus})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminEndpoint(
        @JsonPropertyDescription("Secret with keystore.p12 (the admin endpoint's TLS certificate and key); default <name>-admin-tls")
        String tlsSecret,
        @JsonPropertyDescription("Secret whose key 'password' opens keystore.p12; default <name>-admin-tls-password")
        String keystorePasswordSecret,
        @JsonPropertyDescription("Secret whose key 'token' is the bearer token Prometheus sends to /admin/metrics; default <name>-metrics-token")
        String metricsTokenSecret,
        @JsonPropertyDescription("Clients admitted to the admin port by the NetworkPolicy; default: the operator (ent-system) and Prometheus (monitoring)")
        List<Client> clients) {

    /** Label every namespace carries with its own name (Kubernetes 1.22+). */
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    static final Client OPERATOR = new Client(Map.of(NAMESPACE_NAME, "ent-system"),
            Map.of("app.kubernetes.io/name", "ent-operator"));
    static final Client PROMETHEUS = new Client(Map.of(NAMESPACE_NAME, "monitoring"),
            Map.of("app.kubernetes.io/name", "prometheus"));

    /**
     * One admitted client: pods matching {@code podLabels} in namespaces matching {@code namespaceLabels} (empty
     * or absent: any namespace for namespaceLabels, any pod for podLabels; both absent is refused).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "(has(self.namespaceLabels) && size(self.namespaceLabels) > 0)"
            + " || (has(self.podLabels) && size(self.podLabels) > 0)",
            message = "a client needs namespaceLabels or podLabels (neither would admit every pod)")
    public record Client(
            @JsonPropertyDescription("Labels of the client's namespace, e.g. kubernetes.io/metadata.name: monitoring")
            Map<String, String> namespaceLabels,
            @JsonPropertyDescription("Labels of the client's pods, e.g. app.kubernetes.io/name: prometheus")
            Map<String, String> podLabels) {
    }

    static AdminEndpoint orDefaults(AdminEndpoint given) {
        return given == null ? new AdminEndpoint(null, null, null, null) : given;
    }

    String tlsSecret(String platform) {
        return tlsSecret == null || tlsSecret.isBlank() ? platform + "-admin-tls" : tlsSecret;
    }

    String keystorePasswordSecret(String platform) {
        return keystorePasswordSecret == null || keystorePasswordSecret.isBlank() ? platform + "-admin-tls-password"
                : keystorePasswordSecret;
    }

    String metricsTokenSecret(String platform) {
        return metricsTokenSecret == null || metricsTokenSecret.isBlank() ? platform + "-metrics-token"
                : metricsTokenSecret;
    }

    List<Client> clientsOrDefaults() {
        return clients == null || clients.isEmpty() ? List.of(OPERATOR, PROMETHEUS) : clients;
    }
}
