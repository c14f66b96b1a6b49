package fr.ent.platform.operator.sla;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.observability.rules.RuleFiles;
import fr.ent.platform.observability.rules.SlaRuleGenerator;
import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.platform.EntPlatform;
import fr.ent.platform.operator.platform.EntPlatformSpec;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Collectivities;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLA watch on the mock API server: the PrometheusRule of an EntPlatform, and SLAMet Unknown (with the reason)
 * when Prometheus cannot be reached. The figures from a real Prometheus are in SlaPrometheusIT.
 */
@EnableKubernetesMockClient(crud = true)
class SlaWatchTest {

    static KubernetesClient client;
    static RunningOperator operator;
    static URI prometheus;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            prometheus = URI.create("http://127.0.0.1:" + free.getLocalPort()); // closed once the block ends
        }
        SlaSettings sla = new SlaSettings(prometheus, Duration.ofSeconds(2), Duration.ofSeconds(2),
                SlaPlans.defaults(), true);
        // tenant-manager is unreachable too: the SLA watch does not depend on it
        operator = RunningOperator.start(client, URI.create("http://127.0.0.1:9/admin/api/v1"), sla);
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    @Test
    void prometheusUnreachableMakesSlaMetUnknownWithTheReason() {
        client.resource(Collectivities.collectivity("cd-44", "cd-44", "cd44.ent.example.fr")).create();

        Condition slaMet = Eventually.await(Duration.ofSeconds(30), "SLAMet on cd-44",
                () -> conditionOf("cd-44"), c -> c != null);

        assertThat(slaMet.getStatus()).isEqualTo("Unknown");
        assertThat(slaMet.getReason()).isEqualTo("PrometheusUnavailable");
        assertThat(slaMet.getMessage()).contains("SLA inconnu").contains(prometheus.toString()).contains("unreachable");
    }

    @Test
    void eachEntPlatformGetsTheGeneratedPrometheusRule() {
        EntPlatform platform = new EntPlatform();
        platform.setMetadata(new ObjectMetaBuilder().withName("ent-runtime").withNamespace("ent").build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.4.0");
        spec.setDatabase(new EntPlatformSpec.SecretReference("ent-database"));
        spec.setAllowedRegions(List.of("fr-par"));
        platform.setSpec(spec);
        EntPlatform created = client.resource(platform).create();

        GenericKubernetesResource rule = Eventually.await(Duration.ofSeconds(30), "PrometheusRule ent-sla",
                () -> client.genericKubernetesResources(SlaPrometheusRule.DEFINITION).inNamespace("ent")
                        .withName("ent-sla").get(), r -> r != null);

        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getKind()).isEqualTo("PrometheusRule");
        assertThat(rule.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(created.getMetadata().getUid()));
        assertThat(rule.getMetadata().getLabels()).containsEntry("role", "alert-rules");
        var json = client.getKubernetesSerialization();
        assertThat(json.asJson(rule.getAdditionalProperties().get("spec")))
                .isEqualTo(json.asJson(RuleFiles.ruleFile(SlaRuleGenerator.defaults().generate())));
    }

    private static Condition conditionOf(String name) {
        Collectivity c = Collectivities.read(client, name);
        return c == null || c.getStatus() == null ? null : Collectivities.condition(c, ConditionType.SLAMet);
    }
}
