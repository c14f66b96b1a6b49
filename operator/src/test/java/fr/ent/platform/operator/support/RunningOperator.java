package fr.ent.platform.operator.support;

import fr.ent.platform.operator.app.EntOperator;
import fr.ent.platform.operator.app.OperatorSettings;
import fr.ent.platform.operator.collectivity.TenantObjectSettings;
import fr.ent.platform.operator.compliance.ComplianceSettings;
import fr.ent.platform.operator.sla.SlaSettings;
import fr.ent.platform.operator.tenantmanager.TenantManagerTls;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import fr.ent.platform.operator.app.OperatorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;

/**
 * The real operator (both reconcilers, metrics) started on a client of the mock API server. JOSDK's
 * LocallyRunOperatorExtension needs a real API server, so tests start and stop the Operator themselves.
 */
public final class RunningOperator implements AutoCloseable {

    private final Operator operator;
    private final PrometheusMeterRegistry registry = OperatorMetrics.prometheus();

    private RunningOperator(KubernetesClient client, URI tenantManager, int threads, ComplianceSettings compliance,
            SlaSettings sla) {
        // The ITs start RealPlatform first: its operator client authorises the calls. Unit tests talk to a small
        // stand-in HTTP server (or to nothing), which does not check tokens.
        java.util.function.Supplier<String> credentials = RealPlatform.running()
                .map(p -> (java.util.function.Supplier<String>) p.operatorCredentials()::authorization)
                .orElse(() -> "Bearer unit-test");
        // an https tenant-manager is RealPlatform's admin endpoint over TLS: trust its CA, as ENT_TENANT_MANAGER_CA
        javax.net.ssl.SSLContext tls = "https".equals(tenantManager.getScheme()) ? RealPlatform.running()
                .map(p -> TenantManagerTls.trusting(p.adminTls().caCertificate())).orElseThrow() : null;
        OperatorSettings settings = new OperatorSettings(tenantManager, Duration.ofSeconds(30), 0, false, null, null,
                TenantObjectSettings.defaults(), threads, false, compliance, null, sla, credentials, tls);
        this.operator = EntOperator.create(client, settings, registry);
        operator.start();
    }

    public static RunningOperator start(KubernetesClient client, URI tenantManager) {
        return new RunningOperator(client, tenantManager, 10, null, null);
    }

    /** With the sovereign-hosting evaluation (Compliant condition) on. */
    public static RunningOperator start(KubernetesClient client, URI tenantManager, ComplianceSettings compliance) {
        return new RunningOperator(client, tenantManager, 10, compliance, null);
    }

    public static RunningOperator start(KubernetesClient client, URI tenantManager, int threads) {
        return new RunningOperator(client, tenantManager, threads, null, null);
    }

    /** With the SLA watch on (SLAMet condition, status.sla, the PrometheusRule of each EntPlatform). */
    public static RunningOperator start(KubernetesClient client, URI tenantManager, SlaSettings sla) {
        return new RunningOperator(client, tenantManager, 10, null, sla);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Operator operator() {
        return operator;
    }

    @Override
    public void close() {
        operator.stop();
    }
}
