package fr.ent.platform.operator.compliance;

import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads the inventory from the Kubernetes API (all namespaces): nodes and their region, zone and provider labels,
 * storage classes, persistent volumes, the images of pods' containers, Ingress TLS and the Collectivity resources'
 * {@code spec.dataResidency} (read as generic resources: no dependency on the operator module), and the data services
 * owned through their operators ({@link DataServiceInventory}). The platform's settings and egress endpoints come from
 * its configuration ({@link PlatformConfiguration}).
 */
public final class InventoryCollector {

    public static final ResourceDefinitionContext COLLECTIVITY = new ResourceDefinitionContext.Builder()
            .withGroup("platform.ent.fr").withVersion("v1alpha1").withKind("Collectivity")
            .withPlural("collectivities").withNamespaced(true).build();
    /** The ConfigMap key holding the platform's configuration as a properties document. */
    public static final String CONFIG_KEY = "platform.properties";

    private final KubernetesClient client;

    public InventoryCollector(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public Inventory collect(PlatformConfiguration configuration) {
        return new Inventory(nodes(), storageClasses(), volumes(), images(), ingresses(), configuration.egress(),
                configuration.settings(), collectivities(), new DataServiceInventory(client).collect());
    }

    /** The platform's configuration from the {@value #CONFIG_KEY} key of a ConfigMap. */
    public PlatformConfiguration platformConfiguration(String namespace, String configMapName) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(configMapName).get();
        if (map == null) {
            throw new IllegalStateException("ConfigMap " + namespace + "/" + configMapName + " introuvable");
        }
        String text = map.getData() == null ? null : map.getData().get(CONFIG_KEY);
        if (text == null) {
            throw new IllegalStateException("ConfigMap " + namespace + "/" + configMapName + " sans clé " + CONFIG_KEY);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PlatformConfiguration.fromProperties(properties);
    }

    List<Node> nodes() {
        return client.nodes().list().getItems().stream().map(n -> {
            Map<String, String> labels = labels(n);
            return new Node(n.getMetadata().getName(), labels.get(Node.REGION_LABEL), labels.get(Node.ZONE_LABEL),
                    labels.get(Node.PROVIDER_LABEL));
        }).toList();
    }

    List<StorageClass> storageClasses() {
        return client.storage().v1().storageClasses().list().getItems().stream().map(s -> new StorageClass(
                s.getMetadata().getName(), s.getProvisioner(), s.getParameters(),
                "true".equals(annotations(s).get(StorageClass.DEFAULT_CLASS_ANNOTATION)))).toList();
    }

    List<PersistentVolume> volumes() {
        return client.persistentVolumes().list().getItems().stream().map(v -> {
            Map<String, String> labels = labels(v);
            var spec = v.getSpec();
            var claim = spec == null ? null : spec.getClaimRef();
            String region = labels.get(Node.REGION_LABEL);
            if (region == null && spec != null) {
                region = affinityRegion(spec);
            }
            PersistentVolume.Purpose purpose = "backup".equalsIgnoreCase(labels.get(PersistentVolume.PURPOSE_LABEL))
                    ? PersistentVolume.Purpose.BACKUP : PersistentVolume.Purpose.DATA;
            return new PersistentVolume(v.getMetadata().getName(), spec == null ? null : spec.getStorageClassName(),
                    region, claim == null ? null : claim.getNamespace(), claim == null ? null : claim.getName(),
                    labels.get(PersistentVolume.COLLECTIVITY_LABEL), purpose);
        }).toList();
    }

    /** The region a volume's node affinity pins it to, if it names exactly one. */
    private static String affinityRegion(io.fabric8.kubernetes.api.model.PersistentVolumeSpec spec) {
        if (spec.getNodeAffinity() == null || spec.getNodeAffinity().getRequired() == null) {
            return null;
        }
        List<String> regions = new ArrayList<>();
        for (NodeSelectorTerm term : spec.getNodeAffinity().getRequired().getNodeSelectorTerms()) {
            for (NodeSelectorRequirement r : term.getMatchExpressions()) {
                if (Node.REGION_LABEL.equals(r.getKey()) && "In".equals(r.getOperator())) {
                    r.getValues().stream().filter(x -> !regions.contains(x)).forEach(regions::add);
                }
            }
        }
        return regions.size() == 1 ? regions.get(0) : null;
    }

    List<ContainerImage> images() {
        List<ContainerImage> images = new ArrayList<>();
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            if (pod.getSpec() == null) {
                continue;
            }
            Stream.of(pod.getSpec().getInitContainers(), pod.getSpec().getContainers())
                    .filter(Objects::nonNull).flatMap(List::stream)
                    .filter(c -> c.getImage() != null)
                    .forEach((Container c) -> images.add(new ContainerImage(pod.getMetadata().getNamespace(),
                            pod.getMetadata().getName(), c.getName(), c.getImage())));
        }
        return images;
    }

    List<IngressTls> ingresses() {
        List<IngressTls> result = new ArrayList<>();
        for (Ingress ingress : client.network().v1().ingresses().inAnyNamespace().list().getItems()) {
            List<String> hosts = new ArrayList<>();
            List<String> tlsHosts = new ArrayList<>();
            var spec = ingress.getSpec();
            if (spec != null) {
                for (IngressRule rule : spec.getRules()) {
                    hosts.add(rule.getHost() == null || rule.getHost().isBlank() ? IngressTls.ANY_HOST : rule.getHost());
                }
                for (IngressTLS tls : spec.getTls()) {
                    if (tls.getHosts() == null || tls.getHosts().isEmpty()) {
                        tlsHosts.add(IngressTls.ANY_HOST);
                    } else {
                        tlsHosts.addAll(tls.getHosts());
                    }
                }
            }
            result.add(new IngressTls(ingress.getMetadata().getNamespace(), ingress.getMetadata().getName(), hosts,
                    tlsHosts));
        }
        return result;
    }

    List<CollectivityResidency> collectivities() {
        List<CollectivityResidency> result = new ArrayList<>();
        for (GenericKubernetesResource c : client.genericKubernetesResources(COLLECTIVITY).inAnyNamespace().list()
                .getItems()) {
            Map<String, Object> spec = c.get("spec");
            Object slug = spec == null ? null : spec.get("slug");
            String name = c.getMetadata().getName();
            Object residency = spec == null ? null : spec.get("dataResidency");
            result.add(new CollectivityResidency(c.getMetadata().getNamespace(), name,
                    slug == null ? name : slug.toString(), Residency.parse(residency == null ? null : residency.toString())));
        }
        return result;
    }

    private static Map<String, String> labels(HasMetadata o) {
        return o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
    }

    private static Map<String, String> annotations(HasMetadata o) {
        return o.getMetadata().getAnnotations() == null ? Map.of() : o.getMetadata().getAnnotations();
    }
}
