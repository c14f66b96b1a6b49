package fr.ent.platform.operator.tenantmanager;

import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static fr.ent.platform.operator.support.Collectivities.phase;
import static fr.ent.platform.operator.support.Collectivities.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator reaches tenant-manager as it does in a cluster: the admin endpoint listens on this machine's
 * non-loopback address (a pod IP in a cluster) over TLS, with a certificate of a CA the operator is given
 * ({@code ENT_TENANT_MANAGER_CA}); the reconciler provisions a collectivity through it. RealPlatform's server
 * (shared by every IT of the JVM) is started that way, so this costs no extra server.
 */
@EnableKubernetesMockClient(crud = true)
class AdminEndpointTlsIT {

    static KubernetesClient client;
    static RealPlatform platform;

    @BeforeAll
    static void start() {
        platform = RealPlatform.get();
    }

    @Test
    void theOperatorProvisionsThroughTheTlsEndpointOnThePodNetwork() throws Exception {
        URI api = platform.adminApiOverTls();
        assertThat(api.getScheme()).isEqualTo("https");
        assertThat(InetAddress.getByName(api.getHost()).isLoopbackAddress()).as(api.toString()).isFalse();
        try (RunningOperator operator = RunningOperator.start(client, api)) {
            client.resource(collectivity("tls", "ops-tls", "tls.ent.example.fr")).create();
            Collectivity ready = Eventually.await(Duration.ofSeconds(180), "the collectivity provisioned over TLS",
                    () -> read(client, "tls"), c -> "Ready".equals(phase(c)));
            assertThat(ready.getStatus().getTenantState()).isEqualTo("ACTIVE");
        }
        assertThat(platform.schemaExists("t_ops_tls")).isTrue();
        TenantManagerClient tenantManager = new TenantManagerClient(api, Duration.ofSeconds(60),
                platform.operatorCredentials()::authorization,
                TenantManagerTls.trusting(platform.adminTls().caCertificate()));
        assertThat(tenantManager.find("ops-tls")).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(fr.ent.platform.tenancy.TenantState.ACTIVE));
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
        // the JVM's public CAs: the endpoint's certificate is not theirs, so no call gets through
        TenantManagerClient untrusting = new TenantManagerClient(platform.adminApiOverTls(), Duration.ofSeconds(60),
                platform.operatorCredentials()::authorization);
        assertThatThrownBy(() -> untrusting.find("ops-anything")).isInstanceOf(TenantManagerUnavailable.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theAdminApiStillNeedsItsTokenOverTls() throws Exception {
        HttpResponse<String> anonymous = trustingClient().send(HttpRequest.newBuilder(
                URI.create(platform.adminApiOverTls() + "/collectivities")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void metricsNeedTheScrapeTokenWhereverTheScrapeComesFrom() throws Exception {
        URI overTls = URI.create("https://" + platform.adminApiOverTls().getAuthority() + "/admin/metrics");
        URI loopback = URI.create("http://127.0.0.1:" + platform.adminPort() + "/admin/metrics");
        HttpClient http = trustingClient();
        for (URI uri : new URI[] {overTls, loopback}) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(uri.toString()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(anonymous.body()).doesNotContain("jvm_memory");
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + platform.metricsToken() + "x").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).as(uri.toString()).isEqualTo(401);
            HttpResponse<String> scraper = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + platform.metricsToken()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scraper.statusCode()).as(uri.toString()).isEqualTo(200);
            assertThat(scraper.body()).contains("jvm_memory");
        }
    }

    private static HttpClient trustingClient() {
        // the connect timeout covers the TLS handshake: seconds on a build machine shared by several builds
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60))
                .sslContext(TenantManagerTls.trusting(platform.adminTls().caCertificate())).build();
    }
}
