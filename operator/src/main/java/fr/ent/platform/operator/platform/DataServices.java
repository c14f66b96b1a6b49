package fr.ent.platform.operator.platform;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes the data services an EntPlatform owns ({@link DataServiceObjects}) and reads back whether they are ready.
 * Their operators do the work (instances, failover, backups, Keycloak's pods); this only keeps their resources as the
 * EntPlatform describes them. A kind missing from the cluster (operator not installed) is a clear error naming it.
 */
final class DataServices {

    /** What the reconciler reports; a service the platform does not own is ready by definition (it is not ours). */
    record Readiness(boolean databaseOwned, boolean databaseReady, String databaseState, boolean keycloakOwned,
                     boolean keycloakReady, String keycloakState) {

        boolean allReady() {
            return databaseReady && keycloakReady;
        }
    }

    private DataServices() {
    }

    static Readiness apply(KubernetesClient client, EntPlatform p) {
        EntPlatformSpec spec = p.getSpec();
        boolean dbOwned = spec.getManagedDatabase() != null;
        boolean kcOwned = spec.getManagedKeycloak() != null;
        GenericKubernetesResource cluster = null;
        GenericKubernetesResource keycloak = null;
        if (dbOwned) {
            if (kcOwned) {
                createOnce(client, DataServiceObjects.keycloakDatabaseSecret(p));
            }
            apply(client, DataServiceObjects.OBJECT_STORE, DataServiceObjects.objectStore(p),
                    "the Barman Cloud plugin of CloudNativePG");
            cluster = apply(client, DataServiceObjects.CLUSTER, DataServiceObjects.cluster(p,
                    ConnectionBudget.of(spec, keycloakServers(client, p))), "CloudNativePG");
            apply(client, DataServiceObjects.SCHEDULED_BACKUP, DataServiceObjects.scheduledBackup(p), "CloudNativePG");
            if (kcOwned) {
                apply(client, DataServiceObjects.DATABASE, DataServiceObjects.keycloakDatabase(p), "CloudNativePG");
            }
        }
        if (kcOwned) {
            Map<String, String> external = dbOwned ? null
                    : secretValues(client, p, spec.getManagedKeycloak().getDatabase().name());
            keycloak = apply(client, DataServiceObjects.KEYCLOAK, DataServiceObjects.keycloak(p, external),
                    "the Keycloak Operator");
        }
        return new Readiness(dbOwned, !dbOwned || DataServiceObjects.ready(cluster),
                dbOwned ? DataServiceObjects.state(cluster) : null, kcOwned,
                !kcOwned || DataServiceObjects.ready(keycloak), kcOwned ? DataServiceObjects.state(keycloak) : null);
    }

    /**
     * The Keycloak servers whose pods may connect to the Cluster: the first one, the managed shards that exist, and
     * one more while the policy may still open one, so that opening a shard finds PostgreSQL ready for it (the bump
     * for the one after restarts PostgreSQL then, not when the shard is needed).
     */
    static int keycloakServers(KubernetesClient client, EntPlatform p) {
        ManagedKeycloak kc = p.getSpec().getManagedKeycloak();
        if (kc == null) {
            return 0;
        }
        if (kc.getShards() == null) {
            return 1;
        }
        int max = kc.getShards().maxShardsOrDefault();
        // this platform's shard names exactly: a name prefix would also take the shards of a platform named
        // "<this>-keycloak" in the same namespace
        Set<String> names = IntStream.rangeClosed(2, max).mapToObj(n -> DataServiceObjects.keycloakShardName(p, n))
                .collect(Collectors.toSet());
        long shards = client.genericKubernetesResources(DataServiceObjects.KEYCLOAK).inNamespace(p.getMetadata()
                .getNamespace()).withLabel(RuntimeObjects.COMPONENT_LABEL, "identity-shard").list().getItems().stream()
                .filter(k -> names.contains(k.getMetadata().getName())).count();
        int open = 1 + (int) shards;
        return Math.min(max, open + 1);
    }

    /** Create-or-update of the resource's spec; returns it as the API server has it (with its status). */
    static GenericKubernetesResource apply(KubernetesClient client, ResourceDefinitionContext kind,
            GenericKubernetesResource desired, String operator) {
        var all = client.genericKubernetesResources(kind).inNamespace(desired.getMetadata().getNamespace());
        var resources = all.withName(desired.getMetadata().getName());
        try {
            GenericKubernetesResource existing = resources.get();
            if (existing == null) {
                return resources.create(desired);
            }
            if (sameManaged(existing, desired)) {
                return existing;
            }
            desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            desired.setAdditionalProperty("status", existing.getAdditionalProperties().get("status"));
            return all.resource(desired).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw new IllegalStateException("no " + kind.getKind() + " kind (" + kind.getGroup() + "/"
                        + kind.getVersion() + ") in this cluster: install " + operator + ", or give an external "
                        + "reference instead", e);
            }
            throw e;
        }
    }

    private static boolean sameManaged(GenericKubernetesResource existing, GenericKubernetesResource desired) {
        var e = existing.getMetadata();
        var d = desired.getMetadata();
        return e.getLabels() != null && e.getLabels().entrySet().containsAll(d.getLabels().entrySet())
                && java.util.Objects.equals(e.getOwnerReferences(), d.getOwnerReferences())
                && java.util.Objects.equals(existing.getAdditionalProperties().get("spec"),
                        desired.getAdditionalProperties().get("spec"));
    }

    /** A generated credential is written once: rewriting it would change a password others already use. */
    private static <T extends HasMetadata> void createOnce(KubernetesClient client, T desired) {
        if (client.resource(desired).get() == null) {
            client.resource(desired).create();
        }
    }

    private static Map<String, String> secretValues(KubernetesClient client, EntPlatform p, String name) {
        Secret secret = client.secrets().inNamespace(p.getMetadata().getNamespace()).withName(name).get();
        if (secret == null) {
            throw new IllegalStateException("Secret " + name + " (managedKeycloak.database) not found");
        }
        Map<String, String> values = new HashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v),
                    StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        for (String key : new String[] {"host", "database"}) {
            if (values.get(key) == null || values.get(key).isBlank()) {
                throw new IllegalStateException("Secret " + name + " (managedKeycloak.database) has no key " + key);
            }
        }
        return values;
    }
}
