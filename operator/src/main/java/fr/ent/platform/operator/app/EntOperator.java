package fr.ent.platform.operator.app;

import fr.ent.platform.operator.collectivity.CollectivityReconciler;
import fr.ent.platform.operator.compliance.CollectivityCompliance;
import fr.ent.platform.operator.compliance.PolicySource;
import fr.ent.platform.operator.platform.EntPlatformReconciler;
import fr.ent.platform.operator.sla.CollectivitySla;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Assembles the operator: both reconcilers on one JOSDK Operator, with Micrometer metrics and, when enabled,
 * leader election on a Lease so that only one replica reconciles at a time. Used by {@link OperatorMain} and by
 * the tests (with the mock API server's client).
 */
public final class EntOperator {

    private EntOperator() {
    }

    public static Operator create(KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    // merge patches rather than server-side apply: works on every API server, including the
                    // mock server of the tests, and the operator is the only writer of its status
                    .withUseSSAToPatchPrimaryResource(false)
                    .withConcurrentReconciliationThreads(settings.reconcileThreads())
                    .withCloseClientOnStop(false)
                    .withMetrics(MicrometerMetricsV2.newBuilder(registry).withNamespaceAsTag().build());
            if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(OperatorSettings.LEASE_NAME,
                        settings.leaseNamespace(), LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, settings.identity(), null,
                        settings.exitOnLostLease()));
            }
        });
        TenantManagerClient tenantManager = new TenantManagerClient(settings.tenantManager(),
                settings.tenantManagerTimeout(), settings.tenantManagerAuthorization(), settings.tenantManagerTls());
        CollectivityCompliance compliance = settings.compliance() == null ? null
                : new CollectivityCompliance(client, settings.compliance(),
                        PolicySource.of(settings.compliance().policyFile()), Clock.systemUTC(),
                        snapshot -> tenantManager.putInventory(snapshot.toJson()));
        CollectivitySla sla = settings.sla() == null ? null : CollectivitySla.of(settings.sla());
        operator.register(new CollectivityReconciler(tenantManager, settings.objects(), client, compliance, sla));
        operator.register(new EntPlatformReconciler(client,
                settings.sla() != null && settings.sla().prometheusRule() ? settings.sla() : null, tenantManager));
        return operator;
    }
}
