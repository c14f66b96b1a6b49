package fr.ent.platform.operator.collectivity;

import fr.ent.platform.adminapi.CollectivityView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects a collectivity owns, built from its resource and what tenant-manager serves:
 * <ul>
 * <li>an Ingress with one rule per served domain to the shared runtime, TLS through a cert-manager certificate;</li>
 * <li>a ConfigMap of its public settings (including those tenant-manager does not know yet: data residency, plan,
 * enabled apps), for the runtime and for humans;</li>
 * <li>a NetworkPolicy for the collectivity's own workloads (imports, exports): they may talk to the runtime and DNS
 * only, and only the runtime may talk to them.</li>
 * </ul>
 * All are labelled with the collectivity and owned by its resource (garbage-collected with it).
 */
public final class TenantObjects {

    public static final String LABEL_COLLECTIVITY = "platform.ent.fr/collectivity";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "ent-operator";
    public static final String CERT_MANAGER_ISSUER = "cert-manager.io/cluster-issuer";
    /** the label of the runtime's pods (EntPlatform reconciler). */
    public static final String RUNTIME_POD_LABEL = "app.kubernetes.io/name";
    public static final String RUNTIME_POD_VALUE = "ent-runtime";

    private final TenantObjectSettings settings;

    public TenantObjects(TenantObjectSettings settings) {
        this.settings = settings;
    }

    public static String settingsName(Collectivity c) {
        return c.getMetadata().getName() + "-settings";
    }

    public static String ingressName(Collectivity c) {
        return c.getMetadata().getName() + "-portal";
    }

    public static String tlsSecretName(Collectivity c) {
        return c.getMetadata().getName() + "-tls";
    }

    public static String networkPolicyName(Collectivity c) {
        return c.getMetadata().getName() + "-workloads";
    }

    public ConfigMap settings(Collectivity c, CollectivityView tenant) {
        CollectivitySpec spec = c.getSpec();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("slug", tenant.slug());
        data.put("kind", tenant.kind());
        data.put("displayName", tenant.displayName());
        data.put("domains", String.join(",", tenant.domains()));
        data.put("schema", tenant.schema());
        data.put("dataResidency", spec.getDataResidency());
        data.put("plan", spec.getPlan());
        data.put("enabledApps", String.join(",", spec.getEnabledApps()));
        data.put("reclaimPolicy", spec.getReclaimPolicy());
        return new ConfigMapBuilder().withMetadata(metadata(c, settingsName(c), Map.of())).withData(data).build();
    }

    /** Routes the domains tenant-manager actually serves (not the spec's, which it may not have applied yet). */
    public Ingress ingress(Collectivity c, CollectivityView tenant) {
        List<IngressRule> rules = tenant.domains().stream().map(domain -> new IngressRuleBuilder().withHost(domain)
                .withNewHttp().withPaths(new HTTPIngressPathBuilder().withPath("/").withPathType("Prefix")
                        .withNewBackend().withNewService().withName(settings.runtimeService()).withNewPort()
                        .withNumber(settings.runtimePort()).endPort().endService().endBackend().build())
                .endHttp().build()).toList();
        return new IngressBuilder()
                .withMetadata(metadata(c, ingressName(c), Map.of(CERT_MANAGER_ISSUER, settings.clusterIssuer())))
                .withNewSpec()
                .withIngressClassName(settings.ingressClassName())
                .addNewTl().withHosts(tenant.domains()).withSecretName(tlsSecretName(c)).endTl()
                .withRules(rules)
                .endSpec().build();
    }

    public NetworkPolicy networkPolicy(Collectivity c, CollectivityView tenant) {
        return new NetworkPolicyBuilder().withMetadata(metadata(c, networkPolicyName(c), Map.of()))
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels(LABEL_COLLECTIVITY, tenant.slug()).endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels(RUNTIME_POD_LABEL, RUNTIME_POD_VALUE)
                .endPodSelector().endFrom().endIngress()
                .addNewEgress().addNewTo().withNewPodSelector().addToMatchLabels(RUNTIME_POD_LABEL, RUNTIME_POD_VALUE)
                .endPodSelector().endTo().endEgress()
                .addNewEgress().addNewTo().withNewNamespaceSelector().endNamespaceSelector().withNewPodSelector()
                .addToMatchLabels("k8s-app", "kube-dns").endPodSelector().endTo()
                .addNewPort().withProtocol("UDP").withNewPort(53).endPort()
                .addNewPort().withProtocol("TCP").withNewPort(53).endPort().endEgress()
                .endSpec().build();
    }

    private static ObjectMeta metadata(Collectivity c, String name, Map<String, String> annotations) {
        return new ObjectMetaBuilder().withName(name).withNamespace(c.getMetadata().getNamespace())
                .addToLabels(labels(c)).withAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))
                .withOwnerReferences(ownerReference(c)).build();
    }

    public static Map<String, String> labels(Collectivity c) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_MANAGED_BY, MANAGED_BY);
        labels.put("app.kubernetes.io/part-of", "ent-platform");
        labels.put(LABEL_COLLECTIVITY, c.getSpec().getSlug());
        return labels;
    }

    static OwnerReference ownerReference(Collectivity c) {
        return new OwnerReferenceBuilder().withApiVersion(c.getApiVersion()).withKind(c.getKind())
                .withName(c.getMetadata().getName()).withUid(c.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build();
    }
}
