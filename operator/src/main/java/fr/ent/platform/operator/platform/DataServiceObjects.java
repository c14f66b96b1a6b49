package fr.ent.platform.operator.platform;

import fr.ent.platform.operator.collectivity.TenantObjects;
import fr.ent.platform.operator.dataservices.DataServiceKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data services an EntPlatform may own (ADR 0038), as the resources of the operators made for them: a
 * CloudNativePG {@code Cluster} with its Barman Cloud {@code ObjectStore} and {@code ScheduledBackup}, and a Keycloak
 * Operator {@code Keycloak} with, in the same Cluster, a {@code Database} and a login role of its own. They are
 * written as generic resources: the platform does not depend on those operators' Java models, only on their
 * documented API, and a cluster without them answers 404, which the reconciler reports.
 */
public final class DataServiceObjects {

    static final ResourceDefinitionContext CLUSTER = DataServiceKinds.CLUSTER;
    static final ResourceDefinitionContext SCHEDULED_BACKUP = DataServiceKinds.SCHEDULED_BACKUP;
    static final ResourceDefinitionContext DATABASE = DataServiceKinds.DATABASE;
    static final ResourceDefinitionContext OBJECT_STORE = DataServiceKinds.OBJECT_STORE;
    static final ResourceDefinitionContext KEYCLOAK = DataServiceKinds.KEYCLOAK;
    /** The runtime's database and owner in the Cluster (CloudNativePG's {@code initdb} bootstrap). */
    static final String RUNTIME_DATABASE = "ent";
    static final String KEYCLOAK_DATABASE = "keycloak";
    static final String KEYCLOAK_ROLE = "keycloak";
    static final String REGION_LABEL = RuntimeObjects.REGION_LABEL;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DataServiceObjects() {
    }

    public static String clusterName(EntPlatform p) {
        return p.getMetadata().getName() + "-db";
    }

    /** The Secret CloudNativePG writes for the application's owner: keys host, port, dbname, username, password. */
    public static String appSecretName(EntPlatform p) {
        return clusterName(p) + "-app";
    }

    static String objectStoreName(EntPlatform p) {
        return clusterName(p) + "-backups";
    }

    static String scheduledBackupName(EntPlatform p) {
        return clusterName(p) + "-daily";
    }

    public static String keycloakName(EntPlatform p) {
        return p.getMetadata().getName() + "-keycloak";
    }

    static String keycloakDatabaseSecretName(EntPlatform p) {
        return keycloakName(p) + "-db";
    }

    /** The Secret the Keycloak Operator writes with the first administrator: keys username, password. */
    public static String keycloakAdminSecretName(EntPlatform p) {
        return keycloakName(p) + "-initial-admin";
    }

    /**
     * The platform database as Keycloak's provider reaches it (ADR 0043): the spec's, or the Cluster's primary
     * Service inside the namespace. No credentials: each realm's component carries its own role's.
     */
    static String directoryJdbcUrl(EntPlatform p) {
        String given = p.getSpec().getDirectoryAccounts().jdbcUrl();
        return given != null && !given.isBlank() ? given
                : "jdbc:postgresql://" + clusterName(p) + "-rw:5432/" + RUNTIME_DATABASE;
    }

    static GenericKubernetesResource cluster(EntPlatform p, ConnectionBudget connections) {
        ManagedDatabase db = p.getSpec().getManagedDatabase();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("instances", db.getInstances());
        // CloudNativePG takes PostgreSQL's parameters as strings; a change of these restarts the instances (the
        // replicas first, then a switchover), which it does by itself (ADR 0058, ADR 0060)
        DatabaseMemory memory = DatabaseMemory.of(db.getResources());
        Map<String, String> parameters = new TreeMap<>(memory.parameters());
        parameters.put("max_connections", Integer.toString(connections.maxConnections(db)));
        spec.put("postgresql", Map.of("parameters", parameters));
        if (!memory.resources().isEmpty()) {
            spec.put("resources", memory.resources());
        }
        if (db.getImageName() != null) {
            spec.put("imageName", db.getImageName());
        }
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("size", db.getStorageSize());
        if (db.getStorageClass() != null) {
            storage.put("storageClass", db.getStorageClass());
        }
        spec.put("storage", storage);
        spec.put("bootstrap", Map.of("initdb", Map.of("database", RUNTIME_DATABASE, "owner", RUNTIME_DATABASE)));
        Map<String, Object> affinity = new LinkedHashMap<>();
        // replicas in other zones, so that losing a zone loses one instance
        affinity.put("enablePodAntiAffinity", true);
        affinity.put("topologyKey", "topology.kubernetes.io/zone");
        if (!p.getSpec().getAllowedRegions().isEmpty()) {
            affinity.put("nodeAffinity", regionAffinity(p.getSpec().getAllowedRegions()));
        }
        spec.put("affinity", affinity);
        if (p.getSpec().getManagedKeycloak() != null) {
            spec.put("managed", Map.of("roles", List.of(Map.of("name", KEYCLOAK_ROLE, "ensure", "present",
                    "login", true, "passwordSecret", Map.of("name", keycloakDatabaseSecretName(p))))));
        }
        // WAL archiving through the plugin: with the base backups, point-in-time recovery within the retention
        spec.put("plugins", List.of(Map.of("name", DataServiceKinds.BARMAN_PLUGIN, "isWALArchiver", true,
                "parameters", Map.of("barmanObjectName", objectStoreName(p)))));
        return resource(CLUSTER, metadata(p, clusterName(p), "database", db.deletedWithThePlatform()), spec);
    }

    static GenericKubernetesResource objectStore(EntPlatform p) {
        ManagedDatabase.Backup backup = p.getSpec().getManagedDatabase().getBackup();
        String credentials = backup.getCredentialsSecret().name();
        Map<String, Object> encrypted = Map.of("compression", "gzip", "encryption", backup.getEncryption());
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("destinationPath", backup.getDestinationPath());
        configuration.put("endpointURL", backup.getEndpointURL());
        configuration.put("s3Credentials", Map.of(
                "accessKeyId", Map.of("name", credentials, "key", "ACCESS_KEY_ID"),
                "secretAccessKey", Map.of("name", credentials, "key", "ACCESS_SECRET_KEY")));
        configuration.put("wal", encrypted);
        configuration.put("data", encrypted);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("configuration", configuration);
        spec.put("retentionPolicy", backup.getRetentionPolicy());
        ObjectMeta meta = metadata(p, objectStoreName(p), "database-backups",
                p.getSpec().getManagedDatabase().deletedWithThePlatform());
        // the object store's region, declared: what the sovereign rules read (InventoryCollector)
        meta.getLabels().put(REGION_LABEL, backup.getRegion());
        return resource(OBJECT_STORE, meta, spec);
    }

    static GenericKubernetesResource scheduledBackup(EntPlatform p) {
        ManagedDatabase.Backup backup = p.getSpec().getManagedDatabase().getBackup();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("schedule", backup.getSchedule());
        spec.put("immediate", true);
        spec.put("backupOwnerReference", "self");
        spec.put("cluster", Map.of("name", clusterName(p)));
        spec.put("method", "plugin");
        spec.put("pluginConfiguration", Map.of("name", DataServiceKinds.BARMAN_PLUGIN));
        return resource(SCHEDULED_BACKUP, metadata(p, scheduledBackupName(p), "database-backups",
                p.getSpec().getManagedDatabase().deletedWithThePlatform()), spec);
    }

    /** Keycloak's database in the platform's Cluster; CloudNativePG keeps it when this resource goes (retain). */
    static GenericKubernetesResource keycloakDatabase(EntPlatform p) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", KEYCLOAK_DATABASE);
        spec.put("owner", KEYCLOAK_ROLE);
        spec.put("cluster", Map.of("name", clusterName(p)));
        spec.put("databaseReclaimPolicy", "retain");
        return resource(DATABASE, metadata(p, keycloakName(p), "identity-database", true), spec);
    }

    /**
     * The Keycloak role's credentials, created once with a random password and never rewritten (CloudNativePG sets
     * the role's password from it; Keycloak reads it). Not owned: deleting the platform must not orphan a retained
     * database's role from its password.
     */
    static Secret keycloakDatabaseSecret(EntPlatform p) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        ObjectMeta meta = metadata(p, keycloakDatabaseSecretName(p), "identity-database", false);
        return new SecretBuilder().withMetadata(meta).withType("kubernetes.io/basic-auth")
                .addToStringData("username", KEYCLOAK_ROLE)
                .addToStringData("password", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).build();
    }

    /**
     * @param externalDatabase host, port and database name of Keycloak's own database when the platform does not
     *                         own one (read from managedKeycloak.database's Secret), null otherwise
     */
    static GenericKubernetesResource keycloak(EntPlatform p, Map<String, String> externalDatabase) {
        ManagedKeycloak kc = p.getSpec().getManagedKeycloak();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("instances", kc.getInstances());
        if (kc.getImage() != null) {
            spec.put("image", kc.getImage());
        }
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("vendor", "postgres");
        String credentials;
        if (externalDatabase == null) {
            db.put("host", clusterName(p) + "-rw"); // CloudNativePG's Service for the primary
            db.put("port", 5432);
            db.put("database", KEYCLOAK_DATABASE);
            credentials = keycloakDatabaseSecretName(p);
        } else {
            db.put("host", externalDatabase.get("host"));
            db.put("port", Integer.parseInt(externalDatabase.getOrDefault("port", "5432")));
            db.put("database", externalDatabase.get("database"));
            credentials = kc.getDatabase().name();
        }
        // the pool counted in the managed PostgreSQL's max_connections (ConnectionBudget), not Keycloak's default 100
        db.put("poolMaxSize", kc.databasePoolSizeOrDefault());
        db.put("usernameSecret", Map.of("name", credentials, "key", "username"));
        db.put("passwordSecret", Map.of("name", credentials, "key", "password"));
        spec.put("db", db);
        spec.put("http", Map.of("tlsSecret", kc.getTlsSecret().name()));
        spec.put("hostname", Map.of("hostname", kc.getHostname()));
        if (!p.getSpec().getAllowedRegions().isEmpty()) {
            spec.put("scheduling", Map.of("affinity", Map.of("nodeAffinity",
                    regionAffinity(p.getSpec().getAllowedRegions()))));
        }
        return resource(KEYCLOAK, metadata(p, keycloakName(p), "identity", true), spec);
    }

    /** The Keycloak resource of managed shard n (2, 3...; ADR 0050). */
    public static String keycloakShardName(EntPlatform p, int n) {
        return keycloakName(p) + "-" + n;
    }

    /** Shard n's database in the platform's Cluster, owned by the same Keycloak role; kept when it goes (retain). */
    static GenericKubernetesResource keycloakShardDatabase(EntPlatform p, int n) {
        GenericKubernetesResource db = keycloakDatabase(p);
        db.getMetadata().setName(keycloakShardName(p, n));
        db.getMetadata().getLabels().put(RuntimeObjects.COMPONENT_LABEL, "identity-shard-database");
        spec(db).put("name", KEYCLOAK_DATABASE + "_" + n);
        return db;
    }

    /**
     * Managed shard n: the first Keycloak's resource (instances, image, regions) with its own host name, database
     * and, as every shard is administered with the same credentials (ADR 0044), the first one's administrator as
     * its bootstrap administrator.
     */
    static GenericKubernetesResource keycloakShard(EntPlatform p, int n) {
        ManagedKeycloak.ManagedShards shards = p.getSpec().getManagedKeycloak().getShards();
        GenericKubernetesResource kc = keycloak(p, null);
        kc.getMetadata().setName(keycloakShardName(p, n));
        kc.getMetadata().getLabels().put(RuntimeObjects.COMPONENT_LABEL, "identity-shard");
        Map<String, Object> spec = spec(kc);
        @SuppressWarnings("unchecked")
        Map<String, Object> db = new LinkedHashMap<>((Map<String, Object>) spec.get("db"));
        db.put("database", KEYCLOAK_DATABASE + "_" + n);
        spec.put("db", db);
        String tls = shards.tlsSecret() == null ? p.getSpec().getManagedKeycloak().getTlsSecret().name()
                : shards.tlsSecret().name();
        spec.put("http", Map.of("tlsSecret", tls));
        spec.put("hostname", Map.of("hostname", shards.hostname(n)));
        spec.put("bootstrapAdmin", Map.of("user", Map.of("secret", keycloakAdminSecretName(p))));
        return kc;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    /** Whether the resource reports a condition Ready=True (both operators do). */
    static boolean ready(GenericKubernetesResource r) {
        return condition(r, "Ready").map(c -> "True".equals(c.get("status"))).orElse(false);
    }

    /** What the resource says about its state: the Ready condition's message, or the Cluster's phase. */
    static String state(GenericKubernetesResource r) {
        if (r == null) {
            return "absent";
        }
        Object phase = status(r).get("phase");
        String message = condition(r, "Ready").map(c -> (String) c.get("message")).orElse(null);
        if (phase != null) {
            return phase.toString();
        }
        return message == null || message.isBlank() ? "no status yet" : message;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(GenericKubernetesResource r) {
        Object status = r == null ? null : r.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> condition(GenericKubernetesResource r, String type) {
        Object conditions = status(r).get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return java.util.Optional.empty();
        }
        return list.stream().filter(c -> c instanceof Map<?, ?> m && type.equals(m.get("type")))
                .map(c -> (Map<String, Object>) c).findFirst();
    }

    private static Map<String, Object> regionAffinity(List<String> regions) {
        return Map.of("requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms", List.of(
                Map.of("matchExpressions", List.of(Map.of("key", REGION_LABEL, "operator", "In",
                        "values", List.copyOf(regions)))))));
    }

    private static GenericKubernetesResource resource(ResourceDefinitionContext kind, ObjectMeta meta,
            Map<String, Object> spec) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(kind.getGroup() + "/" + kind.getVersion());
        r.setKind(kind.getKind());
        r.setMetadata(meta);
        r.setAdditionalProperty("spec", spec);
        return r;
    }

    /**
     * @param owned whether deleting the EntPlatform deletes it (owner reference); the database and its backups are
     *              owned only with {@code deletionPolicy: Delete}
     */
    private static ObjectMeta metadata(EntPlatform p, String name, String component, boolean owned) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/instance", p.getMetadata().getName());
        labels.put(RuntimeObjects.COMPONENT_LABEL, component);
        labels.put(TenantObjects.LABEL_MANAGED_BY, TenantObjects.MANAGED_BY);
        labels.put("app.kubernetes.io/part-of", "ent-platform");
        ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(p.getMetadata().getNamespace())
                .withLabels(labels);
        if (owned) {
            meta.withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(p.getApiVersion())
                    .withKind(p.getKind()).withName(p.getMetadata().getName()).withUid(p.getMetadata().getUid())
                    .withController(true).withBlockOwnerDeletion(true).build());
        }
        return meta.build();
    }
}
