package fr.ent.platform.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.collectivity.TenantObjectSettings;
import fr.ent.platform.operator.support.Eventually;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The runnable operator: it takes the Lease before reconciling, and serves health and Prometheus metrics. */
@EnableKubernetesMockClient(crud = true)
class OperatorEndpointsTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    @Test
    void takesTheLeaseAndServesHealthAndMetrics() throws Exception {
        OperatorSettings settings = new OperatorSettings(URI.create("http://127.0.0.1:9/admin/api/v1"),
                Duration.ofSeconds(5), 0, true, "ent-system", "ent-operator-0", TenantObjectSettings.defaults(), 2, false, null, null, null,
                () -> "Bearer unit-test", null);
        // JOSDK checks its Lease permissions with a SelfSubjectRulesReview, which the CRUD mock does not compute:
        // answer with exactly the verbs deploy/rbac.yaml grants on Leases
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewMetadata().endMetadata().withNewStatus()
                        .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases")
                        .withVerbs("get", "create", "update").endResourceRule().withIncomplete(false).endStatus()
                        .build())
                .always();
        PrometheusMeterRegistry registry = OperatorMetrics.prometheus();
        Operator operator = EntOperator.create(client, settings, registry);
        try (HttpEndpoints endpoints = HttpEndpoints.start(0, operator, registry)) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + endpoints.port());
            assertThat(get(http, base.resolve("/healthz")).statusCode()).isEqualTo(200);
            assertThat(get(http, base.resolve("/readyz")).statusCode()).as("not started yet").isEqualTo(503);

            operator.start();

            Lease lease = Eventually.await(Duration.ofSeconds(30), "the leader Lease",
                    () -> client.leases().inNamespace("ent-system").withName(OperatorSettings.LEASE_NAME).get(),
                    l -> "ent-operator-0".equals(l.getSpec().getHolderIdentity()));
            assertThat(lease.getSpec().getLeaseDurationSeconds()).isPositive();
            Eventually.await(Duration.ofSeconds(30), "/readyz 200", () -> get(http, base.resolve("/readyz")),
                    r -> r.statusCode() == 200);
            HttpResponse<String> metrics = get(http, base.resolve("/metrics"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("reconciliations_queue");
        } finally {
            operator.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
