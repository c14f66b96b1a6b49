package fr.ent.platform.operator.app;

import fr.ent.platform.operator.admission.WebhookSettings;
import fr.ent.platform.operator.collectivity.TenantObjectSettings;
import fr.ent.platform.operator.compliance.ComplianceSettings;
import fr.ent.platform.operator.sla.SlaSettings;
import fr.ent.platform.operator.tenantmanager.TenantManagerTls;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import fr.ent.platform.identity.ClientCredentials;
import fr.ent.platform.settings.SettingReader;

/**
 * The operator's settings, from environment variables (the Deployment in deploy/ sets them).
 *
 * @param tenantManager base URL of tenant-manager's admin API ({@code ENT_TENANT_MANAGER_URL})
 * @param tenantManagerTimeout timeout of one admin call ({@code ENT_TENANT_MANAGER_TIMEOUT_SECONDS}, 30)
 * @param httpPort port of /healthz, /readyz and /metrics ({@code ENT_OPERATOR_HTTP_PORT}, 8080)
 * @param leaderElection whether to take the Lease before reconciling ({@code ENT_OPERATOR_LEADER_ELECTION}, true)
 * @param leaseNamespace namespace of the Lease ({@code POD_NAMESPACE}, downward API)
 * @param identity this replica's identity in the Lease ({@code POD_NAME}, downward API)
 * @param objects where Ingresses point and which issuer signs certificates ({@code ENT_RUNTIME_SERVICE},
 *        {@code ENT_RUNTIME_PORT}, {@code ENT_INGRESS_CLASS}, {@code ENT_CERT_ISSUER})
 * @param reconcileThreads concurrent reconciliations ({@code ENT_OPERATOR_THREADS}, 20)
 * @param exitOnLostLease exit the process when leadership is lost, so that Kubernetes restarts a clean replica
 *        rather than letting two leaders reconcile (always in production; tests stop operators in-process)
 * @param compliance the sovereign-hosting policy and inputs of the Compliant condition (null: not evaluated)
 * @param webhook the admission webhook's port and keystore (null: no webhook)
 * @param sla the SLA watch: Prometheus, plans, refresh (null: no SLAMet condition, no PrometheusRule)
 * @param tenantManagerAuthorization the Authorization header of admin API calls: a platform-admin token of the
 *        operator's client in the platform realm ({@code ENT_KEYCLOAK_URL}, {@code ENT_OPERATOR_CLIENT_ID} = operator,
 *        {@code ENT_OPERATOR_CLIENT_SECRET})
 * @param tenantManagerTls the trust of an https tenant-manager URL: the CA certificates of the PEM file
 *        {@code ENT_TENANT_MANAGER_CA} (null when unset: the JVM's CAs)
 */
public record OperatorSettings(URI tenantManager, Duration tenantManagerTimeout, int httpPort,
        boolean leaderElection, String leaseNamespace, String identity, TenantObjectSettings objects,
        int reconcileThreads, boolean exitOnLostLease, ComplianceSettings compliance, WebhookSettings webhook,
        SlaSettings sla, Supplier<String> tenantManagerAuthorization, SSLContext tenantManagerTls) {

    public OperatorSettings {
        if (webhook != null && compliance == null) {
            // a webhook without a policy would have nothing to enforce: refuse to start rather than allow all
            throw new IllegalArgumentException("ENT_WEBHOOK_KEYSTORE is set but ENT_SOVEREIGNTY_POLICY is not");
        }
    }

    public static final String LEASE_NAME = "ent-operator-leader";

    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        TenantObjectSettings defaults = TenantObjectSettings.defaults();
        // the same reader as the servers' settings: a bad number or boolean names its variable
        SettingReader settings = SettingReader.of(env);
        return new OperatorSettings(
                settings.url("ENT_TENANT_MANAGER_URL").orElse(URI.create("http://127.0.0.1:9081/admin/api/v1")),
                Duration.ofSeconds(settings.integer("ENT_TENANT_MANAGER_TIMEOUT_SECONDS", 30, 1, 3600)),
                settings.integer("ENT_OPERATOR_HTTP_PORT", 8080, 1, 65535),
                settings.flag("ENT_OPERATOR_LEADER_ELECTION", true),
                env.get("POD_NAMESPACE"),
                env.get("POD_NAME"),
                new TenantObjectSettings(env.getOrDefault("ENT_RUNTIME_SERVICE", defaults.runtimeService()),
                        settings.integer("ENT_RUNTIME_PORT", defaults.runtimePort(), 1, 65535),
                        env.get("ENT_INGRESS_CLASS"),
                        env.getOrDefault("ENT_CERT_ISSUER", defaults.clusterIssuer())),
                settings.integer("ENT_OPERATOR_THREADS", 20, 1, 1000), true,
                ComplianceSettings.fromEnvironment(env), WebhookSettings.fromEnvironment(env),
                SlaSettings.fromEnvironment(env),
                ClientCredentials.platform(required(env, "ENT_KEYCLOAK_URL"),
                        env.getOrDefault("ENT_OPERATOR_CLIENT_ID", "operator"),
                        required(env, "ENT_OPERATOR_CLIENT_SECRET"))::authorization,
                env.get("ENT_TENANT_MANAGER_CA") == null || env.get("ENT_TENANT_MANAGER_CA").isBlank() ? null
                        : TenantManagerTls.trusting(Path.of(env.get("ENT_TENANT_MANAGER_CA"))));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: the operator needs it to call tenant-manager");
        }
        return value;
    }
}
