package fr.ent.platform.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EntPlatform opens the runtime's admin endpoint to the pod network over TLS only, with its own Service and a
 * NetworkPolicy that admits the operator and Prometheus to the admin port (mock API server).
 */
@EnableKubernetesMockClient(crud = true)
class AdminEndpointObjectsTest {

    static KubernetesClient client;
    static RunningOperator operator;
    static final String NS = "ent-admin";

    @BeforeAll
    static void start() {
        // no Collectivity in this test: tenant-manager is never called
        operator = RunningOperator.start(client, URI.create("http://127.0.0.1:9/admin/api/v1"));
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    @Test
    void theDefaultsOpenTheAdminEndpointOverTlsToTheOperatorAndPrometheusOnly() {
        client.resource(platform("ent-runtime", null)).create();

        NetworkPolicy policy = Eventually.await(Duration.ofSeconds(20), "the admin NetworkPolicy",
                () -> client.network().v1().networkPolicies().inNamespace(NS).withName("ent-runtime-admin").get(),
                p -> true);
        var container = client.apps().deployments().inNamespace(NS).withName("ent-runtime").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName,
                Function.identity()));
        assertThat(env).as("no connection lanes unless the spec asks (ADR 0057)").doesNotContainKey("ENT_DB_LANES");
        assertThat(env.get("ENT_ADMIN_HOST").getValue()).isEqualTo("*");
        assertThat(env.get("ENT_ADMIN_PORT").getValue()).as("the plain admin port is closed").isEqualTo("-1");
        assertThat(env.get("ENT_ADMIN_TLS").getValue()).isEqualTo("on");
        assertThat(env.get("ENT_ADMIN_HTTPS_PORT").getValue()).isEqualTo("9443");
        assertThat(env.get("ENT_ADMIN_TLS_KEYSTORE").getValue()).isEqualTo("/etc/ent/admin-tls/keystore.p12");
        assertThat(env.get("ENT_ADMIN_TLS_KEYSTORE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("ent-runtime-admin-tls-password");
        assertThat(env.get("ENT_METRICS_TOKEN").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("ent-runtime-metrics-token");
        assertThat(env.get("ENT_METRICS_TOKEN").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
        // the backup master keys from their Secret, never as a value in the Deployment (ADR 0046)
        assertThat(env.get("ENT_BACKUP_KEYS").getValue()).isNull();
        assertThat(env.get("ENT_BACKUP_KEYS").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("ent-runtime-backup-keys");
        assertThat(env.get("ENT_BACKUP_KEYS").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("keys");
        assertThat(container.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(9080, 9443);
        assertThat(container.getVolumeMounts()).singleElement().satisfies(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/ent/admin-tls");
            assertThat(m.getReadOnly()).isTrue();
        });
        var volume = client.apps().deployments().inNamespace(NS).withName("ent-runtime").get().getSpec()
                .getTemplate().getSpec().getVolumes().get(0);
        assertThat(volume.getSecret().getSecretName()).isEqualTo("ent-runtime-admin-tls");

        var adminService = client.services().inNamespace(NS).withName("ent-runtime-admin").get();
        assertThat(adminService.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort())
                .isEqualTo(9443));
        assertThat(adminService.getSpec().getSelector()).containsEntry("app.kubernetes.io/instance", "ent-runtime");
        assertThat(adminService.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "admin");
        assertThat(client.services().inNamespace(NS).withName("ent-runtime").get().getSpec().getPorts())
                .as("the public Service does not expose the admin port").extracting(p -> p.getPort())
                .containsExactly(9080);

        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/instance", "ent-runtime");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        NetworkPolicyIngressRule publicPort = ruleFor(policy, 9080);
        assertThat(publicPort.getFrom()).as("the public port stays open to all").isNullOrEmpty();
        NetworkPolicyIngressRule adminPort = ruleFor(policy, 9443);
        assertThat(adminPort.getFrom()).hasSize(2);
        assertThat(adminPort.getFrom().get(0).getNamespaceSelector().getMatchLabels())
                .containsExactly(Map.entry("kubernetes.io/metadata.name", "ent-system"));
        assertThat(adminPort.getFrom().get(0).getPodSelector().getMatchLabels())
                .containsExactly(Map.entry("app.kubernetes.io/name", "ent-operator"));
        assertThat(adminPort.getFrom().get(1).getNamespaceSelector().getMatchLabels())
                .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
        assertThat(adminPort.getFrom().get(1).getPodSelector().getMatchLabels())
                .containsExactly(Map.entry("app.kubernetes.io/name", "prometheus"));
        assertThat(policy.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("EntPlatform"));
    }

    @Test
    void clientsAndSecretsComeFromTheSpecWhenGiven() {
        AdminEndpoint admin = new AdminEndpoint("admin-cert", "admin-cert-password", "scrape-token",
                List.of(new AdminEndpoint.Client(Map.of("team", "observability"), null),
                        new AdminEndpoint.Client(null, Map.of("app", "ops-console"))));
        EntPlatform p = platform("ent-custom", admin);
        p.getMetadata().setUid("uid-custom");
        p.getSpec().setBackupKeysSecret("vault-synced-backup-keys");

        var rule = ruleFor(RuntimeObjects.networkPolicy(p), 9443);
        assertThat(rule.getFrom()).hasSize(2);
        assertThat(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels()).containsEntry("team", "observability");
        assertThat(rule.getFrom().get(0).getPodSelector()).isNull();
        assertThat(rule.getFrom().get(1).getNamespaceSelector()).as("pods of the runtime's namespace").isNull();
        assertThat(rule.getFrom().get(1).getPodSelector().getMatchLabels()).containsEntry("app", "ops-console");
        var pod = RuntimeObjects.deployment(p).getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes().get(0).getSecret().getSecretName()).isEqualTo("admin-cert");
        assertThat(pod.getContainers().get(0).getEnv()).filteredOn(e -> e.getValueFrom() != null)
                .extracting(e -> e.getName() + "=" + e.getValueFrom().getSecretKeyRef().getName())
                .contains("ENT_ADMIN_TLS_KEYSTORE_PASSWORD=admin-cert-password", "ENT_METRICS_TOKEN=scrape-token",
                        "ENT_BACKUP_KEYS=vault-synced-backup-keys");
    }

    @Test
    void aClientWithoutSelectorsIsRefusedRatherThanAdmittingEveryPod() {
        EntPlatform p = platform("ent-open", new AdminEndpoint(null, null, null,
                List.of(new AdminEndpoint.Client(Map.of(), null))));
        assertThatThrownBy(() -> RuntimeObjects.networkPolicy(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespaceLabels or podLabels");
    }

    private static NetworkPolicyIngressRule ruleFor(NetworkPolicy policy, int port) {
        return policy.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port)).findFirst()
                .orElseThrow(() -> new AssertionError("no ingress rule for port " + port));
    }

    private static EntPlatform platform(String name, AdminEndpoint admin) {
        EntPlatform platform = new EntPlatform();
        platform.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.4.0");
        spec.setDatabase(new EntPlatformSpec.SecretReference("ent-database"));
        spec.setAllowedRegions(List.of("fr-par"));
        spec.setAdminEndpoint(admin);
        platform.setSpec(spec);
        return platform;
    }
}
