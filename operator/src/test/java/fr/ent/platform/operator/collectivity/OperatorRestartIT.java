package fr.ent.platform.operator.collectivity;

import fr.ent.platform.adminapi.ProvisioningView;
import fr.ent.platform.tenancy.TenantState;
import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static fr.ent.platform.operator.support.Collectivities.isTrue;
import static fr.ent.platform.operator.support.Collectivities.phase;
import static fr.ent.platform.operator.support.Collectivities.read;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An operator stopped right after it asked for a provisioning: the next one converges, creating nothing twice.
 *
 * <p>Each operator has a client of its own, closed when it stops, as a restarted process has: the second must not
 * inherit the first one's connections or watches. (Sharing one client, the second start once failed in CI with
 * "Error starting operator" and the mock server could not close afterwards.)
 */
@EnableKubernetesMockClient(crud = true)
class OperatorRestartIT {

    static KubernetesClient client;
    static KubernetesMockServer server;

    @Test
    void anOperatorRestartedMidProvisioningConvergesWithoutDuplicate() {
        RealPlatform platform = RealPlatform.get();
        TenantManagerClient tenantManager = new TenantManagerClient(platform.adminApi(), Duration.ofSeconds(10),
                platform.operatorCredentials()::authorization);

        try (KubernetesClient firstProcess = server.createClient();
                RunningOperator first = RunningOperator.start(firstProcess, platform.adminApi())) {
            client.resource(collectivity("restart", "ops-restart", "restart.ent.example.fr")).create();
            Eventually.await(Duration.ofSeconds(30), "tenant-manager asked to provision",
                    () -> tenantManager.find("ops-restart").orElse(null), t -> true);
        }
        TenantState stateWhenStopped = tenantManager.find("ops-restart").orElseThrow().state();

        try (KubernetesClient secondProcess = server.createClient();
                RunningOperator second = RunningOperator.start(secondProcess, platform.adminApi())) {
            Collectivity c = Eventually.await(Duration.ofSeconds(60), "Ready after restart",
                    () -> read(client, "restart"), r -> "Ready".equals(phase(r)));
            assertThat(isTrue(c, ConditionType.HasErrors)).as("no slug-taken or other error").isFalse();
        }
        ProvisioningView steps = tenantManager.provisioning("ops-restart");
        assertThat(steps.state()).isEqualTo(TenantState.ACTIVE);
        assertThat(steps.steps()).as("each step ran once (stopped while %s)", stateWhenStopped)
                .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
        assertThat(platform.schemaExists("t_ops_restart")).isTrue();
    }
}
