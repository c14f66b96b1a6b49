package fr.ent.platform.operator.compliance;

import fr.ent.platform.adminapi.CollectivityRequest;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's continuous evaluation pushes each inventory it collects to the real tenant-manager, whose
 * compliance report then reflects the cluster: a node added outside the collectivity's residency flips
 * SNC-REGION-COMPUTE in the next report.
 */
@EnableKubernetesMockClient(crud = true)
class InventoryPushIT {

    KubernetesClient client;
    @TempDir
    Path dir;

    @Test
    void theReportFollowsTheInventoryTheOperatorPushes() throws Exception {
        RealPlatform platform = RealPlatform.get();
        TenantManagerClient tenantManager = new TenantManagerClient(platform.adminApi(), Duration.ofSeconds(30),
                platform.operatorCredentials()::authorization);
        String slug = "push-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        tenantManager.create(new CollectivityRequest(slug, "commune", "Commune " + slug, List.of(slug + ".localhost"), null));

        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "regions.fr=fr-par,fr-mrs\nregions.eu=de-fra\n");
        node("node-par-1", "fr-par");
        client.configMaps().inNamespace("ent").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("ent-platform-config").withNamespace("ent").endMetadata()
                .addToData("platform.properties", "admin.mfa.required=true\n").build()).create();
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("platform.ent.fr/v1alpha1").withKind("Collectivity")
                .withNewMetadata().withName(slug).withNamespace("ent").endMetadata()
                .withAdditionalProperties(Map.of("spec", new LinkedHashMap<>(Map.of("slug", slug,
                        "dataResidency", "FR")))).build();
        client.genericKubernetesResources(InventoryCollector.COLLECTIVITY).inNamespace("ent").resource(resource)
                .create();
        CollectivityComplianceTest.MutableClock clock = new CollectivityComplianceTest.MutableClock(Instant.now());
        CollectivityCompliance compliance = new CollectivityCompliance(client,
                new ComplianceSettings(policy, "ent", "ent-platform-config", Duration.ofMinutes(5)),
                PolicySource.of(policy), clock, snapshot -> tenantManager.putInventory(snapshot.toJson()));

        compliance.assess("ent", slug, slug, "FR");
        jakarta.json.JsonObject first = report(platform, slug);
        assertThat(first.getString("residency")).isEqualTo("FR");
        assertThat(rule(first, "SNC-REGION-COMPUTE").getString("status")).isEqualTo("conforme");

        node("node-virginie", "us-east-1");
        clock.advance(Duration.ofMinutes(5));
        compliance.assess("ent", slug, slug, "FR");

        jakarta.json.JsonObject next = report(platform, slug);
        jakarta.json.JsonObject compute = rule(next, "SNC-REGION-COMPUTE");
        assertThat(compute.getString("status")).isEqualTo("non conforme");
        assertThat(compute.getString("evidence")).contains("node-virginie", "us-east-1");
        assertThat(next.getString("summary")).isEqualTo("non conforme");
    }

    private static jakarta.json.JsonObject report(RealPlatform platform, String slug)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.adminApi() + "/collectivities/" + slug + "/compliance-report"))
                .header("Accept", "application/json")
                .header("Authorization", platform.operatorCredentials().authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static jakarta.json.JsonObject rule(jakarta.json.JsonObject report, String id) {
        return report.getJsonArray("lines").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(l -> l.getString("rule").equals(id)).findFirst().orElseThrow();
    }

    private void node(String name, String region) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                .addToLabels("topology.kubernetes.io/region", region).addToLabels("ent.fr/provider", "ovhcloud")
                .endMetadata().build()).create();
    }
}
