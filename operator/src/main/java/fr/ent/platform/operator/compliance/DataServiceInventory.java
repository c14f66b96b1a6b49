package fr.ent.platform.operator.compliance;

import fr.ent.platform.operator.dataservices.DataServiceKinds;
import fr.ent.platform.sovereignty.inventory.DataService;
import fr.ent.platform.sovereignty.inventory.Node;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data services owned through their operators, as the sovereign rules see them ({@link DataService}): every
 * CloudNativePG {@code Cluster} and Keycloak Operator {@code Keycloak} of the cluster, whoever wrote it (an EntPlatform
 * or an administrator by hand). A Cluster's backups are those of the Barman Cloud {@code ObjectStore} its WAL
 * archiver plugin names; the store's region is its {@code topology.kubernetes.io/region} label (an object store has
 * no region field of its own). A cluster without those kinds has none: an empty list, not an error.
 */
final class DataServiceInventory {

    private final KubernetesClient client;

    DataServiceInventory(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    List<DataService> collect() {
        List<DataService> result = new ArrayList<>();
        for (GenericKubernetesResource cluster : list(DataServiceKinds.CLUSTER)) {
            Map<String, Object> spec = map(cluster.getAdditionalProperties().get("spec"));
            Map<String, Object> storage = map(spec.get("storage"));
            result.add(new DataService(DataService.Kind.POSTGRESQL, cluster.getMetadata().getNamespace(),
                    cluster.getMetadata().getName(), regions(map(spec.get("affinity"))),
                    (String) storage.get("storageClass"), backup(cluster, spec)));
        }
        for (GenericKubernetesResource keycloak : list(DataServiceKinds.KEYCLOAK)) {
            Map<String, Object> spec = map(keycloak.getAdditionalProperties().get("spec"));
            result.add(new DataService(DataService.Kind.KEYCLOAK, keycloak.getMetadata().getNamespace(),
                    keycloak.getMetadata().getName(), regions(map(map(spec.get("scheduling")).get("affinity"))), null,
                    null));
        }
        return result;
    }

    private DataService.Backup backup(GenericKubernetesResource cluster, Map<String, Object> spec) {
        String storeName = null;
        for (Object plugin : list(spec.get("plugins"))) {
            Map<String, Object> p = map(plugin);
            if (DataServiceKinds.BARMAN_PLUGIN.equals(p.get("name")) && !Boolean.FALSE.equals(p.get("isWALArchiver"))) {
                storeName = (String) map(p.get("parameters")).get("barmanObjectName");
            }
        }
        if (storeName == null) {
            return null;
        }
        GenericKubernetesResource store = get(DataServiceKinds.OBJECT_STORE, cluster.getMetadata().getNamespace(),
                storeName);
        if (store == null) {
            return new DataService.Backup("ObjectStore " + storeName + " (introuvable)", null, false);
        }
        Map<String, Object> configuration = map(map(store.getAdditionalProperties().get("spec")).get("configuration"));
        boolean encrypted = encrypted(map(configuration.get("wal"))) && encrypted(map(configuration.get("data")));
        Map<String, String> labels = store.getMetadata().getLabels() == null ? Map.of()
                : store.getMetadata().getLabels();
        return new DataService.Backup(configuration.get("destinationPath") + " (" + configuration.get("endpointURL")
                + ")", labels.get(Node.REGION_LABEL), encrypted);
    }

    private static boolean encrypted(Map<String, Object> settings) {
        Object encryption = settings.get("encryption");
        return encryption != null && !encryption.toString().isBlank();
    }

    /** The regions a required node affinity pins the pods to (CloudNativePG and the Keycloak Operator take one). */
    private static List<String> regions(Map<String, Object> affinity) {
        List<String> regions = new ArrayList<>();
        Object selector = map(affinity.get("nodeSelector")).get(Node.REGION_LABEL);
        if (selector != null) {
            regions.add(selector.toString());
        }
        Map<String, Object> required = map(map(affinity.get("nodeAffinity"))
                .get("requiredDuringSchedulingIgnoredDuringExecution"));
        for (Object term : list(required.get("nodeSelectorTerms"))) {
            for (Object expression : list(map(term).get("matchExpressions"))) {
                Map<String, Object> e = map(expression);
                if (Node.REGION_LABEL.equals(e.get("key")) && "In".equals(e.get("operator"))) {
                    list(e.get("values")).stream().map(Object::toString).filter(r -> !regions.contains(r))
                            .forEach(regions::add);
                }
            }
        }
        return regions;
    }

    private List<GenericKubernetesResource> list(ResourceDefinitionContext kind) {
        try {
            return client.genericKubernetesResources(kind).inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of(); // that operator is not installed: nothing of its kind exists
            }
            throw e;
        }
    }

    private GenericKubernetesResource get(ResourceDefinitionContext kind, String namespace, String name) {
        try {
            return client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
