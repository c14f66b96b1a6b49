package fr.ent.platform.operator.platform;

import static fr.ent.platform.operator.support.Edits.onConflictAgain;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's objects from an EntPlatform resource, on the mock API server. The mock runs no Deployment
 * controller, so the test plays its part: it writes the Deployment status a rollout would produce.
 */
@EnableKubernetesMockClient(crud = true)
class EntPlatformReconcilerTest {

    static KubernetesClient client;
    static RunningOperator operator;
    static final String NS = "ent";

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
    void createsTheRuntimeObjectsAndBecomesReadyWhenTheRolloutCompletes() {
        EntPlatform platform = new EntPlatform();
        platform.setMetadata(new ObjectMetaBuilder().withName("ent-runtime").withNamespace(NS).build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.4.0");
        spec.setReplicas(3);
        spec.setMaxReplicas(6);
        spec.setDatabase(new EntPlatformSpec.SecretReference("ent-database"));
        spec.setAllowedRegions(List.of("fr-par", "fr-mrs"));
        spec.setResources(new ResourceRequirementsBuilder().addToRequests("memory", new Quantity("768Mi")).build());
        spec.setConnectionLanes(4);
        platform.setSpec(spec);
        client.resource(platform).create();

        // the autoscaler is written last: once it exists, every object does
        var hpa = Eventually.await(Duration.ofSeconds(20), "the HorizontalPodAutoscaler",
                () -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("ent-runtime").get(),
                h -> true);
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName("ent-runtime").get();
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo("registry.ent.example.fr/ent/runtime:1.4.0");
        assertThat(pod.getContainers().get(0).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(pod.getContainers().get(0).getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ENT_DB_PASSWORD");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ent-database");
        });
        assertThat(pod.getContainers().get(0).getEnv()).filteredOn(e -> e.getName().equals("ENT_DB_LANES"))
                .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("4"));
        assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getValues())
                .containsExactly("fr-par", "fr-mrs");
        assertThat(pod.getServiceAccountName()).isEqualTo("ent-runtime");
        assertThat(client.services().inNamespace(NS).withName("ent-runtime").get().getSpec().getPorts().get(0)
                .getPort()).isEqualTo(9080);
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(NS).withName("ent-runtime").get()
                .getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(client.serviceAccounts().inNamespace(NS).withName("ent-runtime").get()
                .getAutomountServiceAccountToken()).isFalse();
        assertThat(deployment.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("EntPlatform");

        EntPlatform progressing = Eventually.await(Duration.ofSeconds(20), "Progressing", this::read,
                p -> p.getStatus() != null && "Progressing".equals(p.getStatus().getPhase()));
        assertThat(Conditions.isTrue(progressing.getStatus(), ConditionType.Ready)).isFalse();

        // the Deployment controller's part: the rollout completes
        client.apps().deployments().inNamespace(NS).withName("ent-runtime").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(3).withUpdatedReplicas(3).withReadyReplicas(3).withAvailableReplicas(3).build());
            return d;
        });
        EntPlatform ready = Eventually.await(Duration.ofSeconds(20), "Ready", this::read,
                p -> "Ready".equals(p.getStatus().getPhase()));
        assertThat(Conditions.isTrue(ready.getStatus(), ConditionType.Ready)).isTrue();
        assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(3);
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());

        // a new image: the Deployment follows, the resource is Progressing again until the rollout completes
        onConflictAgain(() -> client.resources(EntPlatform.class).inNamespace(NS).withName("ent-runtime").edit(p -> {
            p.getSpec().setImage("registry.ent.example.fr/ent/runtime:1.5.0");
            return p;
        }));
        Eventually.await(Duration.ofSeconds(20), "the new image in the Deployment",
                () -> client.apps().deployments().inNamespace(NS).withName("ent-runtime").get(),
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":1.5.0"));
        Eventually.await(Duration.ofSeconds(20), "Progressing after the image change", this::read,
                p -> "Progressing".equals(p.getStatus().getPhase()));
    }

    private EntPlatform read() {
        return client.resources(EntPlatform.class).inNamespace(NS).withName("ent-runtime").get();
    }
}
