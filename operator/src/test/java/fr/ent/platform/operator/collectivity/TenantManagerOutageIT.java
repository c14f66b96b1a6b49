package fr.ent.platform.operator.collectivity;

import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static fr.ent.platform.operator.support.Collectivities.condition;
import static fr.ent.platform.operator.support.Collectivities.isTrue;
import static fr.ent.platform.operator.support.Collectivities.phase;
import static fr.ent.platform.operator.support.Collectivities.read;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** tenant-manager down: the collectivity reports it, the operator retries with backoff and recovers. */
@EnableKubernetesMockClient(crud = true)
class TenantManagerOutageIT {

    static KubernetesClient client;

    @Test
    void hasErrorsWhileTenantManagerIsDownThenRecovers() {
        RealPlatform platform = RealPlatform.get();
        try (RunningOperator operator = RunningOperator.start(client, platform.adminApi())) {
            platform.stopServer();
            try {
                client.resource(collectivity("outage", "ops-outage", "outage.ent.example.fr")).create();
                Collectivity down = Eventually.await(Duration.ofSeconds(60), "HasErrors, third attempt",
                        () -> read(client, "outage"), c -> isTrue(c, ConditionType.HasErrors) && attempt(c) >= 3);
                assertThat(condition(down, ConditionType.HasErrors).getReason()).isEqualTo("TenantManagerUnavailable");
                assertThat(down.getStatus().getMessage()).contains("tenant-manager unreachable at "
                        + platform.adminApi()).contains("retrying with backoff");
                assertThat(isTrue(down, ConditionType.Ready)).isFalse();
            } finally {
                platform.startServer();
            }
            Collectivity recovered = Eventually.await(Duration.ofSeconds(120), "Ready after the outage",
                    () -> read(client, "outage"), c -> "Ready".equals(phase(c)));
            assertThat(isTrue(recovered, ConditionType.HasErrors)).isFalse();
            assertThat(platform.schemaExists("t_ops_outage")).isTrue();
            assertThat(operator.registry().scrape()).contains("reconciliations_failure_total");
        }
    }

    private static int attempt(Collectivity c) {
        Matcher m = Pattern.compile("attempt (\\d+)").matcher(c.getStatus().getMessage());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
