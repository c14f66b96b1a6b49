package fr.ent.platform.operator.platform;

import static fr.ent.platform.operator.support.Edits.onConflictAgain;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.compliance.InventoryCollector;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RunningOperator;
import fr.ent.platform.sovereignty.inventory.DataService;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An EntPlatform that owns its PostgreSQL (CloudNativePG) and its Keycloak (Keycloak Operator), on the mock API server
 * with those operators' kinds installed (our own minimal definitions of them). No CloudNativePG or Keycloak Operator
 * runs here: the test plays their part by writing the Ready conditions they would write. What is checked is what the
 * platform decides: the resources' content (regions, encryption, backups, Keycloak's database and role), the runtime's
 * connection Secrets, the status conditions, and what the sovereign rules' inventory reads back from them.
 */
@EnableKubernetesMockClient(crud = true)
class OwnedDataServicesTest {

    static KubernetesClient client;
    static RunningOperator operator;
    static final String NS = "ent";

    @BeforeAll
    static void start() {
        for (ResourceDefinitionContext kind : List.of(DataServiceObjects.CLUSTER, DataServiceObjects.SCHEDULED_BACKUP,
                DataServiceObjects.DATABASE, DataServiceObjects.OBJECT_STORE, DataServiceObjects.KEYCLOAK)) {
            install(kind);
        }
        operator = RunningOperator.start(client, URI.create("http://127.0.0.1:9/admin/api/v1"));
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    @Test
    void ownsAClusterWithEncryptedBackupsInTheResidencyRegionAndAKeycloakInIt() {
        client.resource(platform()).create();

        GenericKubernetesResource keycloak = Eventually.await(Duration.ofSeconds(20), "the Keycloak resource",
                () -> get(DataServiceObjects.KEYCLOAK, "ent-keycloak"), k -> true);
        GenericKubernetesResource cluster = get(DataServiceObjects.CLUSTER, "ent-db");
        Map<String, Object> spec = spec(cluster);
        assertThat(spec).containsEntry("instances", 3)
                .containsEntry("storage", Map.of("size", "50Gi", "storageClass", "chiffre"));
        assertThat(path(spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"))
                .isEqualTo(Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(Map.of(
                        "key", "topology.kubernetes.io/region", "operator", "In", "values",
                        List.of("fr-par", "fr-mrs")))))));
        assertThat(path(spec, "bootstrap", "initdb")).isEqualTo(Map.of("database", "ent", "owner", "ent"));
        assertThat(spec.get("plugins")).isEqualTo(List.of(Map.of("name", "barman-cloud.cloudnative-pg.io",
                "isWALArchiver", true, "parameters", Map.of("barmanObjectName", "ent-db-backups"))));
        assertThat(path(spec, "managed")).isEqualTo(Map.of("roles", List.of(Map.of("name", "keycloak",
                "ensure", "present", "login", true, "passwordSecret", Map.of("name", "ent-keycloak-db")))));
        // PostgreSQL sized for the pools the operator sets (ADR 0058): 5 runtime pods × 40, 2 Keycloak pods × 30, 20
        assertThat(path(spec, "postgresql", "parameters")).isEqualTo(Map.of("max_connections", "280"));
        assertThat(spec).as("no resources asked: PostgreSQL's memory defaults (ADR 0060)").doesNotContainKey("resources");
        // Retain (the default): deleting the EntPlatform leaves the database and its backups
        assertThat(cluster.getMetadata().getOwnerReferences()).isEmpty();

        GenericKubernetesResource store = get(DataServiceObjects.OBJECT_STORE, "ent-db-backups");
        Map<String, Object> configuration = path(spec(store), "configuration");
        assertThat(configuration).containsEntry("destinationPath", "s3://ent-backups/ent-db")
                .containsEntry("endpointURL", "https://s3.fr-mrs.example.fr");
        assertThat(path(configuration, "wal")).containsEntry("encryption", "AES256");
        assertThat(path(configuration, "data")).containsEntry("encryption", "AES256");
        assertThat(store.getMetadata().getLabels()).containsEntry("topology.kubernetes.io/region", "fr-mrs");
        assertThat(spec(store)).containsEntry("retentionPolicy", "30d");
        assertThat(spec(get(DataServiceObjects.SCHEDULED_BACKUP, "ent-db-daily")))
                .containsEntry("method", "plugin").containsEntry("cluster", Map.of("name", "ent-db"));
        assertThat(spec(get(DataServiceObjects.DATABASE, "ent-keycloak"))).containsEntry("name", "keycloak")
                .containsEntry("owner", "keycloak").containsEntry("databaseReclaimPolicy", "retain");

        Map<String, Object> kc = spec(keycloak);
        assertThat(path(kc, "db")).containsEntry("host", "ent-db-rw").containsEntry("database", "keycloak")
                .containsEntry("poolMaxSize", 30)
                .containsEntry("passwordSecret", Map.of("name", "ent-keycloak-db", "key", "password"));
        assertThat(path(kc, "hostname")).containsEntry("hostname", "auth.ent.example.fr");
        assertThat(path(kc, "scheduling", "affinity", "nodeAffinity")).isNotEmpty();
        assertThat(keycloak.getMetadata().getOwnerReferences()).extracting("kind").containsExactly("EntPlatform");
        var password = client.secrets().inNamespace(NS).withName("ent-keycloak-db").get();
        assertThat(password.getStringData() == null ? password.getData() : password.getStringData())
                .containsKeys("username", "password");

        // the runtime reads CloudNativePG's application Secret and the Keycloak Operator's administrator Secret
        var env = client.apps().deployments().inNamespace(NS).withName("ent").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv();
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ENT_DB_NAME");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ent-db-app");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("dbname");
        }).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ENT_DB_POOL_MAX");
            assertThat(e.getValue()).isEqualTo("40");
        }).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ENT_KEYCLOAK_URL");
            assertThat(e.getValue()).isEqualTo("https://auth.ent.example.fr");
        }).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ENT_KEYCLOAK_ADMIN_PASSWORD");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ent-keycloak-initial-admin");
        });

        // not ready while the data services are not, even with every runtime pod available
        rolloutCompletes();
        EntPlatform waiting = Eventually.await(Duration.ofSeconds(20), "DatabaseReady False", this::read,
                p -> p.getStatus() != null && Conditions.find(p.getStatus(), ConditionType.DatabaseReady).isPresent());
        assertThat(Conditions.isTrue(waiting.getStatus(), ConditionType.Ready)).isFalse();
        assertThat(Conditions.isTrue(waiting.getStatus(), ConditionType.DatabaseReady)).isFalse();
        assertThat(Conditions.isTrue(waiting.getStatus(), ConditionType.KeycloakReady)).isFalse();
        assertThat(waiting.getStatus().getMessage()).contains("PostgreSQL ent-db", "Keycloak ent-keycloak");

        // CloudNativePG's and the Keycloak Operator's part: both report Ready; the next rollout event sees it
        markReady(DataServiceObjects.CLUSTER, "ent-db", "Cluster in healthy state");
        markReady(DataServiceObjects.KEYCLOAK, "ent-keycloak", null);
        client.apps().deployments().inNamespace(NS).withName("ent").editStatus(d -> {
            d.getStatus().setReadyReplicas(2);
            return d;
        });
        EntPlatform ready = Eventually.await(Duration.ofSeconds(20), "Ready", this::read,
                p -> Conditions.isTrue(p.getStatus(), ConditionType.Ready));
        assertThat(Conditions.isTrue(ready.getStatus(), ConditionType.DatabaseReady)).isTrue();
        assertThat(Conditions.isTrue(ready.getStatus(), ConditionType.KeycloakReady)).isTrue();
        assertThat(ready.getStatus().getMessage()).contains("PostgreSQL ent-db: Cluster in healthy state");

        // the generated password is written once: a later reconciliation keeps it
        String before = password(client.secrets().inNamespace(NS).withName("ent-keycloak-db").get());
        onConflictAgain(() -> client.resources(EntPlatform.class).inNamespace(NS).withName("ent").edit(p -> {
            p.getSpec().getManagedDatabase().setInstances(2);
            p.getSpec().setConnectionLanes(4);
            p.getSpec().setDirectoryAccounts(new EntPlatformSpec.DirectoryAccounts(null));
            p.getSpec().getManagedDatabase().setResources(new ResourceRequirementsBuilder()
                    .addToRequests("memory", new Quantity("8Gi"))
                    .addToLimits("memory", new Quantity("8Gi")).build());
            return p;
        }));
        poke(); // JOSDK 5.3.2 can drop an edit made during its own status patch (EntPlatformReconciler.RECHECK)
        Eventually.await(Duration.ofSeconds(20), "2 instances", () -> get(DataServiceObjects.CLUSTER, "ent-db"),
                c -> Integer.valueOf(2).equals(spec(c).get("instances")));
        // four lanes of 10 more on each of the 5 runtime pods; the directory provider's 48 on each Keycloak pod; and
        // PostgreSQL's memory from the instances' 8 GiB (ADR 0060)
        GenericKubernetesResource resized = Eventually.await(Duration.ofSeconds(20), "576 connections and 8 GiB",
                () -> get(DataServiceObjects.CLUSTER, "ent-db"), c -> Map.of("max_connections", "576",
                        "shared_buffers", "2048MB", "effective_cache_size", "6144MB")
                        .equals(path(spec(c), "postgresql", "parameters")));
        assertThat(path(spec(resized), "resources")).isEqualTo(Map.of("requests", Map.of("memory", "8Gi"),
                "limits", Map.of("memory", "8Gi")));
        // and the REALM step told where Keycloak's provider reaches the platform database: the Cluster's primary
        Eventually.await(Duration.ofSeconds(20), "ENT_IDENTITY_FEDERATION_JDBC_URL", () -> client.apps().deployments()
                .inNamespace(NS).withName("ent").get().getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv(), e -> e.stream().anyMatch(v -> v.getName().equals("ENT_IDENTITY_FEDERATION_JDBC_URL")
                        && "jdbc:postgresql://ent-db-rw:5432/ent".equals(v.getValue())));
        assertThat(password(client.secrets().inNamespace(NS).withName("ent-keycloak-db").get())).isEqualTo(before);
        // the Cluster's status (written by CloudNativePG) survives the operator's update of its spec
        assertThat(get(DataServiceObjects.CLUSTER, "ent-db").getAdditionalProperties()).containsKey("status");

        // what the sovereign rules' inventory reads back
        Inventory inventory = new InventoryCollector(client).collect(PlatformConfiguration.fromProperties(
                new Properties()));
        assertThat(inventory.dataServices()).containsExactlyInAnyOrder(
                new DataService(DataService.Kind.POSTGRESQL, NS, "ent-db", List.of("fr-par", "fr-mrs"), "chiffre",
                        new DataService.Backup("s3://ent-backups/ent-db (https://s3.fr-mrs.example.fr)", "fr-mrs",
                                true)),
                new DataService(DataService.Kind.KEYCLOAK, NS, "ent-keycloak", List.of("fr-par", "fr-mrs"), null,
                        null));

        // the database run elsewhere from now on: its condition is taken off the status, the Keycloak's stays
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata()
                .withName("kc-db-elsewhere").endMetadata().addToStringData("host", "pg.elsewhere.example.fr")
                .addToStringData("database", "keycloak").addToStringData("username", "keycloak")
                .addToStringData("password", "elsewhere").build()).create();
        onConflictAgain(() -> client.resources(EntPlatform.class).inNamespace(NS).withName("ent").edit(p -> {
            p.getSpec().setManagedDatabase(null);
            p.getSpec().setDatabase(new EntPlatformSpec.SecretReference("ent-db-elsewhere"));
            // the CRD's rule: a managed Keycloak without managedDatabase names its own database
            p.getSpec().getManagedKeycloak().setDatabase(new EntPlatformSpec.SecretReference("kc-db-elsewhere"));
            return p;
        }));
        poke();
        EntPlatform elsewhere = Eventually.await(Duration.ofSeconds(20), "no DatabaseReady", this::read,
                p -> Conditions.find(p.getStatus(), ConditionType.DatabaseReady).isEmpty());
        assertThat(Conditions.find(elsewhere.getStatus(), ConditionType.KeycloakReady)).isPresent();
    }

    private static EntPlatform platform() {
        EntPlatform platform = new EntPlatform();
        platform.setMetadata(new ObjectMetaBuilder().withName("ent").withNamespace(NS).build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.6.0");
        spec.setAllowedRegions(List.of("fr-par", "fr-mrs"));
        ManagedDatabase db = new ManagedDatabase();
        db.setStorageSize("50Gi");
        db.setStorageClass("chiffre");
        ManagedDatabase.Backup backup = new ManagedDatabase.Backup();
        backup.setDestinationPath("s3://ent-backups/ent-db");
        backup.setEndpointURL("https://s3.fr-mrs.example.fr");
        backup.setRegion("fr-mrs");
        backup.setCredentialsSecret(new EntPlatformSpec.SecretReference("ent-backups-s3"));
        db.setBackup(backup);
        spec.setManagedDatabase(db);
        ManagedKeycloak kc = new ManagedKeycloak();
        kc.setHostname("auth.ent.example.fr");
        kc.setTlsSecret(new EntPlatformSpec.SecretReference("auth-tls"));
        spec.setManagedKeycloak(kc);
        platform.setSpec(spec);
        return platform;
    }

    /**
     * A watched change (the Deployment's status) so that the reconciler looks again after a spec edit. A spec edit
     * that changes the pods (connection lanes) makes the operator update the Deployment, which the mock server keeps
     * without its status: one is written again then.
     */
    private void poke() {
        onConflictAgain(() -> client.apps().deployments().inNamespace(NS).withName("ent").editStatus(d -> {
            if (d.getStatus() == null) {
                d.setStatus(new DeploymentStatusBuilder().withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2)
                        .withAvailableReplicas(2).build());
                return d;
            }
            d.getStatus().setReadyReplicas(d.getStatus().getReadyReplicas() == 2 ? 1 : 2);
            return d;
        }));
    }

    private void rolloutCompletes() {
        Eventually.await(Duration.ofSeconds(20), "the Deployment",
                () -> client.apps().deployments().inNamespace(NS).withName("ent").get(), d -> true);
        client.apps().deployments().inNamespace(NS).withName("ent").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(1).withAvailableReplicas(2).build());
            return d;
        });
    }

    private static void markReady(ResourceDefinitionContext kind, String name, String phase) {
        GenericKubernetesResource r = get(kind, name);
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        if (phase != null) {
            status.put("phase", phase);
        }
        status.put("conditions", List.of(Map.of("type", "Ready", "status", "True", "message", "ready")));
        r.setAdditionalProperty("status", status);
        client.genericKubernetesResources(kind).inNamespace(NS).resource(r).update();
    }

    private static String password(io.fabric8.kubernetes.api.model.Secret secret) {
        return secret.getStringData() != null ? secret.getStringData().get("password")
                : secret.getData().get("password");
    }

    private EntPlatform read() {
        return client.resources(EntPlatform.class).inNamespace(NS).withName("ent").get();
    }

    private static GenericKubernetesResource get(ResourceDefinitionContext kind, String name) {
        return client.genericKubernetesResources(kind).inNamespace(NS).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> from, String... keys) {
        Map<String, Object> at = from;
        for (String key : keys) {
            at = (Map<String, Object>) at.get(key);
        }
        return at;
    }

    /** A minimal definition of another operator's kind (schema left open): enough for the API server to serve it. */
    private static void install(ResourceDefinitionContext kind) {
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(kind.getPlural() + "." + kind.getGroup()).endMetadata()
                .withNewSpec().withGroup(kind.getGroup()).withScope("Namespaced")
                .withNewNames().withKind(kind.getKind()).withPlural(kind.getPlural())
                .withSingular(kind.getKind().toLowerCase()).endNames()
                .addNewVersion().withName(kind.getVersion()).withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion()
                .endSpec().build()).create();
    }
}
