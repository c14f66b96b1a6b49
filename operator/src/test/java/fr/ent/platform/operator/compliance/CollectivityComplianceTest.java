package fr.ent.platform.operator.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation behind the Compliant condition, on the mock API server: the inventory is what InventoryCollector
 * reads there (nodes, the platform's ConfigMap), the policy a file as mounted from a ConfigMap.
 */
@EnableKubernetesMockClient(crud = true)
class CollectivityComplianceTest {

    static final String COMPLIANT_CONFIG = """
            admin.mfa.required=true
            logs.retention.days=365
            accounts.deletion.delay.days=90
            tenant.export.available=true
            """;

    KubernetesClient client;
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    CollectivityCompliance compliance;

    @BeforeEach
    void compliantCluster() throws Exception {
        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "regions.fr=fr-par,fr-mrs\nregions.eu=de-fra\nregistries.allowed=registry.ent.example.fr\n");
        node("node-par-1", "fr-par");
        platformConfig(COMPLIANT_CONFIG);
        compliance = new CollectivityCompliance(client,
                new ComplianceSettings(policy, "ent", "ent-platform-config", Duration.ofMinutes(5)),
                PolicySource.of(policy), clock);
    }

    @Test
    void aCompliantClusterMakesTheCollectivityCompliant() {
        ComplianceOutcome outcome = compliance.assess("ent", "lyon", "lyon", "FR");
        assertThat(outcome.compliant()).as(outcome.message()).isTrue();
        assertThat(outcome.reason()).isEqualTo("Compliant");
        assertThat(outcome.violatedRules()).isEmpty();
    }

    @Test
    void aNodeOutsideTheResidencyIsSeenOnceTheIntervalHasPassed() {
        assertThat(compliance.assess("ent", "lyon", "lyon", "FR").compliant()).isTrue();
        node("node-fra-1", "de-fra");

        // collected less than 5 minutes ago: the cluster is not listed again
        clock.advance(Duration.ofMinutes(4));
        assertThat(compliance.assess("ent", "lyon", "lyon", "FR").compliant()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        ComplianceOutcome france = compliance.assess("ent", "lyon", "lyon", "FR");
        assertThat(france.compliant()).isFalse();
        assertThat(france.reason()).isEqualTo("RulesViolated");
        assertThat(france.violatedRules()).containsExactly("SNC-REGION-COMPUTE");
        assertThat(france.message()).contains("règles bloquantes violées : SNC-REGION-COMPUTE", "nœud node-fra-1",
                "région de-fra");
        // the same inventory, a collectivity that accepts the EU
        assertThat(compliance.assess("ent", "occitanie", "occitanie", "EU").compliant()).isTrue();
    }

    @Test
    void aPlatformConfigurationChangeIsAViolationForEveryCollectivity() {
        platformConfig(COMPLIANT_CONFIG.replace("admin.mfa.required=true", "admin.mfa.required=false"));
        ComplianceOutcome outcome = compliance.assess("ent", "occitanie", "occitanie", "EU");
        assertThat(outcome.compliant()).isFalse();
        assertThat(outcome.violatedRules()).containsExactly("SNC-ADMIN-MFA");
    }

    @Test
    void anUnknownResidencyIsADataResidencyViolation() {
        ComplianceOutcome outcome = compliance.assess("ent", "lyon", "lyon", "US");
        assertThat(outcome.compliant()).isFalse();
        assertThat(outcome.violatedRules()).containsExactly("SNC-REGION-DATA");
    }

    @Test
    void aMissingPlatformConfigurationIsNotCompliant() {
        client.configMaps().inNamespace("ent").withName("ent-platform-config").delete();
        ComplianceOutcome outcome = compliance.assess("ent", "lyon", "lyon", "FR");
        assertThat(outcome.compliant()).isFalse();
        assertThat(outcome.reason()).isEqualTo("EvaluationFailed");
        assertThat(outcome.message()).contains("ent/ent-platform-config");
    }

    private void node(String name, String region) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("topology.kubernetes.io/region", region).addToLabels("ent.fr/provider", "ovhcloud")
                .endMetadata().build()).createOr(n -> n.update());
    }

    private void platformConfig(String properties) {
        client.configMaps().inNamespace("ent").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("ent-platform-config").withNamespace("ent").endMetadata()
                .addToData("platform.properties", properties).build()).createOr(c -> c.update());
    }

    /** A clock the test moves forward, to cross the evaluation interval without waiting. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
