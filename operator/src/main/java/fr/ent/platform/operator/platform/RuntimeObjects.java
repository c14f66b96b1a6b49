package fr.ent.platform.operator.platform;

import fr.ent.platform.operator.collectivity.TenantObjects;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of the shared runtime. The admin endpoint listens on the pod network over TLS only (port
 * {@link #ADMIN_PORT}, keystore from a Secret), behind its own Service and a NetworkPolicy that admits the operator
 * and Prometheus only (see {@link AdminEndpoint}). Each is named after the EntPlatform resource and owned by it.
 * Rolling updates never lower capacity (maxUnavailable 0, one surge pod), and a new pod takes traffic only once
 * Liberty's readiness check (/health/ready: applications started, registry reachable) passes and stays so for
 * {@link #MIN_READY_SECONDS}; the PodDisruptionBudget keeps all but one pod through node drains.
 */
public final class RuntimeObjects {

    static final int HTTP_PORT = 9080;
    /** The admin endpoint's TLS port (tenant-manager's admin API and /admin/metrics); its plain port is closed. */
    static final int ADMIN_PORT = 9443;
    static final String ADMIN_TLS_MOUNT = "/etc/ent/admin-tls";
    static final String KEYSTORE_KEY = "keystore.p12";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    static final int MIN_READY_SECONDS = 10;
    static final String REGION_LABEL = "topology.kubernetes.io/region";

    private RuntimeObjects() {
    }

    /** The runtime's name: also the name of its Service, the backend of every collectivity's Ingress. */
    public static String name(EntPlatform p) {
        return p.getMetadata().getName();
    }

    static Map<String, String> selector(EntPlatform p) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TenantObjects.RUNTIME_POD_LABEL, TenantObjects.RUNTIME_POD_VALUE);
        labels.put("app.kubernetes.io/instance", name(p));
        return labels;
    }

    static ServiceAccount serviceAccount(EntPlatform p) {
        // the runtime needs no Kubernetes API access: no token mounted
        return new ServiceAccountBuilder().withMetadata(metadata(p, name(p))).withAutomountServiceAccountToken(false)
                .build();
    }

    static Deployment deployment(EntPlatform p) {
        EntPlatformSpec spec = p.getSpec();
        var template = new DeploymentBuilder().withMetadata(metadata(p, name(p)))
                .withNewSpec()
                .withReplicas(spec.minReplicas())
                .withMinReadySeconds(MIN_READY_SECONDS)
                .withNewSelector().withMatchLabels(selector(p)).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(selector(p)).endMetadata()
                .withNewSpec()
                .withServiceAccountName(name(p))
                .withAutomountServiceAccountToken(false)
                .withTerminationGracePeriodSeconds(60L)
                .withNewSecurityContext().withRunAsNonRoot(true).endSecurityContext()
                .addNewContainer()
                .withName("runtime").withImage(spec.getImage())
                .addNewPort().withName("http").withContainerPort(HTTP_PORT).endPort()
                .addNewPort().withName("admin-https").withContainerPort(ADMIN_PORT).endPort()
                .withEnv(environment(p))
                .addNewVolumeMount().withName("admin-tls").withMountPath(ADMIN_TLS_MOUNT).withReadOnly(true)
                .endVolumeMount()
                .withResources(spec.getResources())
                .withNewReadinessProbe().withNewHttpGet().withPath("/health/ready").withNewPort("http").endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(3).endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/health/live").withNewPort("http").endHttpGet()
                .withInitialDelaySeconds(60).withPeriodSeconds(10).endLivenessProbe()
                .withNewStartupProbe().withNewHttpGet().withPath("/health/started").withNewPort("http").endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(36).endStartupProbe()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .endContainer()
                // the keystore only: cert-manager's Secret also holds the key in PEM, which Liberty does not need
                .addNewVolume().withName("admin-tls").withNewSecret()
                .withSecretName(AdminEndpoint.orDefaults(spec.getAdminEndpoint()).tlsSecret(name(p)))
                .addNewItem().withKey(KEYSTORE_KEY).withPath(KEYSTORE_KEY).endItem().endSecret().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec();
        Deployment deployment = template.build();
        if (!spec.getAllowedRegions().isEmpty()) {
            // sovereignty: pods may only be scheduled on nodes of the allowed regions
            deployment.getSpec().getTemplate().getSpec().setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder()
                    .withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                    .addNewNodeSelectorTerm().addNewMatchExpression().withKey(REGION_LABEL).withOperator("In")
                    .withValues(spec.getAllowedRegions()).endMatchExpression().endNodeSelectorTerm()
                    .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build());
        }
        return deployment;
    }

    private static List<EnvVar> environment(EntPlatform p) {
        EntPlatformSpec spec = p.getSpec();
        AdminEndpoint admin = AdminEndpoint.orDefaults(spec.getAdminEndpoint());
        // an owned PostgreSQL: the Secret CloudNativePG writes for the application's owner (its key for the name is
        // dbname); otherwise the Secret the platform's administrators wrote
        boolean owned = spec.getManagedDatabase() != null;
        String secret = owned ? DataServiceObjects.appSecretName(p) : spec.getDatabase().name();
        List<EnvVar> env = new ArrayList<>();
        env.add(fromSecret("ENT_DB_HOST", secret, "host"));
        env.add(fromSecret("ENT_DB_PORT", secret, "port"));
        env.add(fromSecret("ENT_DB_NAME", secret, owned ? "dbname" : "database"));
        env.add(fromSecret("ENT_DB_USER", secret, "username"));
        env.add(fromSecret("ENT_DB_PASSWORD", secret, "password"));
        env.add(new EnvVarBuilder().withName("ENT_HTTP_PORT").withValue(Integer.toString(HTTP_PORT)).build());
        // the pools' sizes said here rather than left to the image's defaults: ConnectionBudget counts them in the
        // managed PostgreSQL's max_connections (ADR 0058)
        env.add(value("ENT_DB_POOL_MAX", Integer.toString(ConnectionBudget.RUNTIME_POOL)));
        env.add(value("ENT_DB_LANE_POOL_MAX", Integer.toString(ConnectionBudget.LANE_POOL)));
        if (spec.getDirectoryAccounts() != null) { // ADR 0043: the REALM step gives each new realm the provider
            env.add(value("ENT_IDENTITY_FEDERATION_JDBC_URL", DataServiceObjects.directoryJdbcUrl(p)));
        }
        if (spec.getConnectionLanes() != null) { // absent: the runtime's default, one shared pool (ADR 0057)
            env.add(value("ENT_DB_LANES", Integer.toString(spec.getConnectionLanes())));
        }
        // the admin endpoint on the pod network, TLS only (plain port closed), reached through the admin Service
        env.add(value("ENT_ADMIN_HOST", "*"));
        env.add(value("ENT_ADMIN_PORT", "-1"));
        env.add(value("ENT_ADMIN_TLS", "on"));
        env.add(value("ENT_ADMIN_HTTPS_PORT", Integer.toString(ADMIN_PORT)));
        env.add(value("ENT_ADMIN_TLS_KEYSTORE", ADMIN_TLS_MOUNT + "/" + KEYSTORE_KEY));
        env.add(fromSecret("ENT_ADMIN_TLS_KEYSTORE_PASSWORD", admin.keystorePasswordSecret(name(p)), "password"));
        env.add(fromSecret("ENT_METRICS_TOKEN", admin.metricsTokenSecret(name(p)), "token"));
        // the backup master keys (ADR 0040, 0046): a Secret, never the spec; a pod does not start without it, rather
        // than run with backups refused
        env.add(fromSecret("ENT_BACKUP_KEYS", spec.backupKeysSecret(name(p)), "keys"));
        if (spec.getManagedKeycloak() != null) {
            env.add(value("ENT_KEYCLOAK_URL", "https://" + spec.getManagedKeycloak().getHostname()));
            env.add(fromSecret("ENT_KEYCLOAK_ADMIN_USERNAME", DataServiceObjects.keycloakAdminSecretName(p),
                    "username"));
            env.add(fromSecret("ENT_KEYCLOAK_ADMIN_PASSWORD", DataServiceObjects.keycloakAdminSecretName(p),
                    "password"));
        } else if (spec.getKeycloak() != null) {
            env.add(new EnvVarBuilder().withName("ENT_KEYCLOAK_URL").withValue(spec.getKeycloak().url()).build());
            if (spec.getKeycloak().adminSecret() != null) {
                env.add(fromSecret("ENT_KEYCLOAK_ADMIN_USERNAME", spec.getKeycloak().adminSecret().name(), "username"));
                env.add(fromSecret("ENT_KEYCLOAK_ADMIN_PASSWORD", spec.getKeycloak().adminSecret().name(),
                        "password"));
            }
        }
        return env;
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret)
                .withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    static Service service(EntPlatform p) {
        return new ServiceBuilder().withMetadata(metadata(p, name(p))).withNewSpec().withSelector(selector(p))
                .addNewPort().withName("http").withPort(HTTP_PORT).withNewTargetPort("http").endPort()
                .endSpec().build();
    }

    /** The admin endpoint's Service: what the operator calls (ENT_TENANT_MANAGER_URL) and Prometheus scrapes. */
    public static String adminServiceName(EntPlatform p) {
        return name(p) + "-admin";
    }

    static Service adminService(EntPlatform p) {
        ObjectMeta meta = metadata(p, adminServiceName(p));
        // what a ServiceMonitor selects (deploy/examples/admin-endpoint.yaml), apart from the public Service
        meta.getLabels().put(COMPONENT_LABEL, "admin");
        return new ServiceBuilder().withMetadata(meta).withNewSpec()
                .withSelector(selector(p))
                .addNewPort().withName("admin-https").withPort(ADMIN_PORT).withNewTargetPort("admin-https").endPort()
                .endSpec().build();
    }

    /**
     * Who may connect to the runtime pods: anyone to the public port (Ingress controller, collectivities'
     * workloads), only the admitted clients (the operator, Prometheus) to the admin port. A policy selecting the
     * pods denies every other ingress, which is why the public port must be listed too.
     */
    static NetworkPolicy networkPolicy(EntPlatform p) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (AdminEndpoint.Client client : AdminEndpoint.orDefaults(p.getSpec().getAdminEndpoint()).clientsOrDefaults()) {
            peers.add(peer(client));
        }
        return new NetworkPolicyBuilder().withMetadata(metadata(p, adminServiceName(p)))
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(selector(p)).endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress().addNewPort().withProtocol("TCP").withNewPort(HTTP_PORT).endPort().endIngress()
                .addNewIngress().withFrom(peers)
                .addNewPort().withProtocol("TCP").withNewPort(ADMIN_PORT).endPort().endIngress()
                .endSpec().build();
    }

    private static NetworkPolicyPeer peer(AdminEndpoint.Client client) {
        boolean anyNamespace = client.namespaceLabels() == null || client.namespaceLabels().isEmpty();
        boolean anyPod = client.podLabels() == null || client.podLabels().isEmpty();
        if (anyNamespace && anyPod) {
            // the CRD refuses it too; without an API server's validation, never admit every pod of the cluster
            throw new IllegalArgumentException("spec.adminEndpoint.clients: a client needs namespaceLabels or "
                    + "podLabels");
        }
        NetworkPolicyPeerBuilder peer = new NetworkPolicyPeerBuilder();
        if (!anyNamespace) {
            peer.withNewNamespaceSelector().withMatchLabels(new LinkedHashMap<>(client.namespaceLabels()))
                    .endNamespaceSelector();
        }
        if (!anyPod) {
            // with a namespace selector: those pods in those namespaces; alone: those pods in the runtime's namespace
            peer.withNewPodSelector().withMatchLabels(new LinkedHashMap<>(client.podLabels())).endPodSelector();
        }
        return peer.build();
    }

    static PodDisruptionBudget podDisruptionBudget(EntPlatform p) {
        return new PodDisruptionBudgetBuilder().withMetadata(metadata(p, name(p))).withNewSpec()
                .withMaxUnavailable(new IntOrString(1)).withNewSelector().withMatchLabels(selector(p)).endSelector()
                .endSpec().build();
    }

    static HorizontalPodAutoscaler autoscaler(EntPlatform p) {
        EntPlatformSpec spec = p.getSpec();
        return new HorizontalPodAutoscalerBuilder().withMetadata(metadata(p, name(p))).withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(name(p))
                .endScaleTargetRef()
                .withMinReplicas(spec.minReplicas()).withMaxReplicas(spec.maxReplicasOrMin())
                .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget()
                .withType("Utilization").withAverageUtilization(spec.getTargetCpuUtilization()).endTarget()
                .endResource().endMetric()
                .endSpec().build();
    }

    private static ObjectMeta metadata(EntPlatform p, String name) {
        Map<String, String> labels = new LinkedHashMap<>(selector(p));
        labels.put(TenantObjects.LABEL_MANAGED_BY, TenantObjects.MANAGED_BY);
        labels.put("app.kubernetes.io/part-of", "ent-platform");
        return new ObjectMetaBuilder().withName(name).withNamespace(p.getMetadata().getNamespace()).withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(p.getApiVersion()).withKind(p.getKind())
                        .withName(p.getMetadata().getName()).withUid(p.getMetadata().getUid()).withController(true)
                        .withBlockOwnerDeletion(true).build())
                .build();
    }
}
