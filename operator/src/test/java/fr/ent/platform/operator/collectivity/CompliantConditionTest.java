package fr.ent.platform.operator.collectivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.operator.compliance.ComplianceSettings;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Collectivities;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Compliant condition written by the running operator, on the mock API server. tenant-manager is played by a
 * small HTTP server that reports the collectivity ACTIVE (the real one is in the *IT tests): this test is about
 * the condition, which the operator evaluates whatever tenant-manager says.
 */
@EnableKubernetesMockClient(crud = true)
class CompliantConditionTest {

    KubernetesClient client;
    @TempDir
    Path dir;
    HttpServer tenantManager;
    RunningOperator operator;

    @BeforeEach
    void start() throws Exception {
        tenantManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tenantManager.createContext("/admin/api/v1/collectivities/lyon", exchange -> {
            byte[] body = """
                    {"slug": "lyon", "kind": "commune", "displayName": "Commune lyon", "domains": ["lyon.ent.example.fr"],
                     "state": "ACTIVE", "schema": "t_lyon", "schemaVersion": "10", "dataRetained": true}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tenantManager.start();

        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "regions.fr=fr-par,fr-mrs\nregions.eu=de-fra\nregistries.allowed=registry.ent.example.fr\n");
        client.configMaps().inNamespace("ent").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("ent-platform-config").withNamespace("ent").endMetadata()
                .addToData("platform.properties", """
                        admin.mfa.required=true
                        logs.retention.days=365
                        accounts.deletion.delay.days=90
                        tenant.export.available=true
                        """).build()).create();
        node("node-par-1", "fr-par");
        // a one-second interval: the operator re-collects and re-evaluates within the test's patience
        operator = RunningOperator.start(client,
                URI.create("http://127.0.0.1:" + tenantManager.getAddress().getPort() + "/admin/api/v1"),
                new ComplianceSettings(policy, "ent", "ent-platform-config", Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        tenantManager.stop(0);
    }

    @Test
    void compliantThenRulesViolatedWhenANodeJoinsOutsideTheResidency() {
        client.resource(Collectivities.collectivity("lyon", "lyon", "lyon.ent.example.fr")).create();

        Condition compliant = Eventually.await(Duration.ofSeconds(20), "Compliant=True",
                () -> Collectivities.condition(Collectivities.read(client, "lyon"), ConditionType.Compliant),
                c -> c != null && "True".equals(c.getStatus()));
        assertThat(compliant.getReason()).isEqualTo("Compliant");
        assertThat(Collectivities.phase(Collectivities.read(client, "lyon"))).isEqualTo("Ready");

        node("node-us-1", "us-east-1");

        Condition violated = Eventually.await(Duration.ofSeconds(30), "Compliant=False",
                () -> Collectivities.condition(Collectivities.read(client, "lyon"), ConditionType.Compliant),
                c -> c != null && "False".equals(c.getStatus()));
        assertThat(violated.getReason()).isEqualTo("RulesViolated");
        assertThat(violated.getMessage()).startsWith("règles bloquantes violées : SNC-REGION-COMPUTE")
                .contains("nœud node-us-1 : région us-east-1");
        // the transition is an Event too
        assertThat(client.v1().events().inNamespace("ent").list().getItems())
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("RulesViolated"));
    }

    private void node(String name, String region) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("topology.kubernetes.io/region", region).addToLabels("ent.fr/provider", "ovhcloud")
                .endMetadata().build()).create();
    }
}
