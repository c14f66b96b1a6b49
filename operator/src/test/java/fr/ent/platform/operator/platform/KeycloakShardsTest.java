package fr.ent.platform.operator.platform;

import static fr.ent.platform.operator.support.Edits.onConflictAgain;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.adminapi.KeycloakShardView;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RunningOperator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EntPlatform's Keycloak shards (ADR 0050) on the mock API server: the operator opens a managed shard when every
 * open one is over the threshold, with the first Keycloak's pinning and administrator, registers it once its Keycloak
 * is ready, and says AllShardsFull at the maximum; for a Keycloak run elsewhere, it registers the listed shards. The
 * shard API is played by a small stand-in with the registry's rules of fill (as CompliantConditionTest does for
 * collectivities): tenant-manager's own side is KeycloakShardResourceTest's, with a real registry.
 */
@EnableKubernetesMockClient(crud = true)
class KeycloakShardsTest {

    static final String NS = "ent";

    KubernetesClient client;
    HttpServer tenantManager;
    RunningOperator operator;
    /** The stand-in registry: name -> view. */
    final Map<String, KeycloakShardView> registry = new ConcurrentSkipListMap<>();
    final AtomicInteger puts = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        for (ResourceDefinitionContext kind : List.of(DataServiceObjects.CLUSTER, DataServiceObjects.SCHEDULED_BACKUP,
                DataServiceObjects.DATABASE, DataServiceObjects.OBJECT_STORE, DataServiceObjects.KEYCLOAK)) {
            install(kind);
        }
        registry.put("default", new KeycloakShardView("default", true, null, null, 300, true, 0, 0.0));
        tenantManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tenantManager.createContext("/admin/api/v1/keycloak-shards", this::shardApi);
        tenantManager.start();
        operator = RunningOperator.start(client, URI.create("http://127.0.0.1:" + tenantManager.getAddress().getPort()
                + "/admin/api/v1"));
    }

    @AfterEach
    void stop() {
        operator.close();
        tenantManager.stop(0);
    }

    @Test
    void opensAShardWhenEveryOpenOneIsOverTheThresholdRegistersItWhenReadyAndStopsAtTheMaximum() {
        realms("default", 270); // 90 %: over the threshold
        client.resource(managedPlatform()).create();
        rolloutCompletes();

        GenericKubernetesResource shard = Eventually.await(Duration.ofSeconds(20), "the second Keycloak",
                () -> get(DataServiceObjects.KEYCLOAK, "ent-keycloak-2"), k -> true);
        Map<String, Object> spec = spec(shard);
        assertThat(path(spec, "hostname")).containsEntry("hostname", "auth-2.ent.example.fr");
        assertThat(path(spec, "db")).containsEntry("database", "keycloak_2").containsEntry("host", "ent-db-rw")
                .containsEntry("passwordSecret", Map.of("name", "ent-keycloak-db", "key", "password"));
        assertThat(path(spec, "bootstrapAdmin", "user")).containsEntry("secret", "ent-keycloak-initial-admin");
        assertThat(path(spec, "http")).containsEntry("tlsSecret", "auth-tls");
        assertThat(path(spec, "scheduling", "affinity", "nodeAffinity")).isNotEmpty();
        assertThat(shard.getMetadata().getOwnerReferences()).extracting("kind").containsExactly("EntPlatform");
        assertThat(spec(get(DataServiceObjects.DATABASE, "ent-keycloak-2"))).containsEntry("name", "keycloak_2")
                .containsEntry("owner", "keycloak").containsEntry("databaseReclaimPolicy", "retain");
        // PostgreSQL had room for this shard's pods before it opened (the next one counted ahead), and counts no more
        // than maxShards (2) servers: 5 runtime pods × 40, 2 servers × 2 pods × 30, 20 reserved (ADR 0058)
        assertThat(path(spec(get(DataServiceObjects.CLUSTER, "ent-db")), "postgresql", "parameters"))
                .isEqualTo(Map.of("max_connections", "340"));
        EntPlatform opening = Eventually.await(Duration.ofSeconds(20), "ShardOpening", this::read,
                p -> reason(p).equals("ShardOpening"));
        assertThat(opening.getStatus().getKeycloakShards()).extracting(EntPlatformStatus.ShardStatus::name,
                EntPlatformStatus.ShardStatus::state).contains(org.assertj.core.groups.Tuple.tuple("keycloak-2",
                "Opening"));
        // not registered before its Keycloak is ready: no collectivity may be placed on a server not there yet
        assertThat(registry).doesNotContainKey("keycloak-2");

        markReady("ent-keycloak-2");
        poke();
        Eventually.await(Duration.ofSeconds(20), "keycloak-2 registered", () -> registry.get("keycloak-2"),
                v -> v != null);
        assertThat(registry.get("keycloak-2")).isEqualTo(new KeycloakShardView("keycloak-2", false,
                "https://auth-2.ent.example.fr", "https://auth-2.ent.example.fr", 300, true, 0, 0.0));
        EntPlatform room = Eventually.await(Duration.ofSeconds(20), "RoomLeft", this::read,
                p -> reason(p).equals("RoomLeft"));
        assertThat(Conditions.isTrue(room.getStatus(), ConditionType.KeycloakShardsAvailable)).isTrue();
        assertThat(room.getStatus().getKeycloakShards()).extracting(EntPlatformStatus.ShardStatus::name,
                EntPlatformStatus.ShardStatus::fillPercent).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("default", 90),
                        org.assertj.core.groups.Tuple.tuple("keycloak-2", 0));

        // both over 90 % with maxShards 2: nothing more is opened, the condition says why
        realms("keycloak-2", 280);
        poke();
        EntPlatform full = Eventually.await(Duration.ofSeconds(20), "AllShardsFull", this::read,
                p -> reason(p).equals("AllShardsFull"));
        Condition c = Conditions.find(full.getStatus(), ConditionType.KeycloakShardsAvailable).orElseThrow();
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getMessage()).contains("default 270/300", "keycloak-2 280/300", "maxShards");
        assertThat(c.getObservedGeneration()).isEqualTo(full.getMetadata().getGeneration());
        assertThat(get(DataServiceObjects.KEYCLOAK, "ent-keycloak-3")).isNull();
    }

    @Test
    void registersTheShardsListedForAKeycloakRunElsewhere() {
        client.resource(keycloakRunElsewhere(200, List.of(
                new EntPlatformSpec.ExternalShard("kc-b", "https://auth-b.ent.example.fr",
                        "http://kc-b.identity.svc:8080", 250, null),
                new EntPlatformSpec.ExternalShard("kc-c", "https://auth-c.ent.example.fr/", null, 100, false))))
                .create();
        rolloutCompletes();

        Eventually.await(Duration.ofSeconds(20), "kc-c registered", () -> registry.get("kc-c"), v -> v != null);
        assertThat(registry.values()).containsExactly(
                new KeycloakShardView("default", true, null, null, 200, true, 0, 0.0),
                new KeycloakShardView("kc-b", false, "http://kc-b.identity.svc:8080",
                        "https://auth-b.ent.example.fr", 250, true, 0, 0.0),
                new KeycloakShardView("kc-c", false, "https://auth-c.ent.example.fr",
                        "https://auth-c.ent.example.fr", 100, false, 0, 0.0));
        EntPlatform read = Eventually.await(Duration.ofSeconds(20), "RoomLeft", this::read,
                r -> reason(r).equals("RoomLeft"));
        assertThat(read.getStatus().getKeycloakShards()).hasSize(3);
        // a later reconciliation changes nothing that is already so, kc-c's address written with a trailing slash
        // included
        int before = puts.get();
        poke();
        // the poke's reconciliation has run once the status reports the poked Deployment (1 ready replica of 2)
        Eventually.await(Duration.ofSeconds(20), "the status after the poke", this::read,
                r -> Integer.valueOf(1).equals(r.getStatus().getReadyReplicas()));
        assertThat(puts.get()).isEqualTo(before);
    }

    @Test
    void reportsNothingOfTheShardsOnceTheSpecStopsAskingForThem() {
        client.resource(keycloakRunElsewhere(200, null)).create();
        rolloutCompletes();
        EntPlatform asked = Eventually.await(Duration.ofSeconds(20), "RoomLeft", this::read,
                r -> reason(r).equals("RoomLeft"));
        assertThat(asked.getStatus().getKeycloakShards()).hasSize(1);

        onConflictAgain(() -> client.resources(EntPlatform.class).inNamespace(NS).withName("ent").edit(e -> {
            e.getSpec().setKeycloak(new EntPlatformSpec.KeycloakReference("https://auth.ent.example.fr",
                    new EntPlatformSpec.SecretReference("kc-admin"), null, null));
            return e;
        }));
        poke(); // a watched change after the edit (see OperatorShardsIT: an edit during a reconciliation once went unseen)
        EntPlatform forgotten = Eventually.await(Duration.ofSeconds(20), "no shard condition", this::read,
                r -> Conditions.find(r.getStatus(), ConditionType.KeycloakShardsAvailable).isEmpty());
        assertThat(forgotten.getStatus().getKeycloakShards()).isNull();
        assertThat(registry).as("the registry keeps its shards").containsKey("default");
    }

    @Test
    void theOpeningRule() {
        KeycloakShardView a = new KeycloakShardView("default", true, null, null, 100, true, 90, 0.9);
        KeycloakShardView b = new KeycloakShardView("keycloak-2", false, "u", "u", 100, true, 89, 0.89);
        KeycloakShardView closed = new KeycloakShardView("old", false, "u", "u", 100, false, 10, 0.1);
        assertThat(KeycloakShards.decide(List.of(a, b), false, 2, 90, 4)).isEqualTo(KeycloakShards.Decision.ROOM_LEFT);
        // a closed shard's room does not count
        assertThat(KeycloakShards.decide(List.of(a, closed), false, 2, 90, 4)).isEqualTo(KeycloakShards.Decision.OPEN);
        assertThat(KeycloakShards.decide(List.of(a, closed), true, 2, 90, 4))
                .isEqualTo(KeycloakShards.Decision.OPENING);
        assertThat(KeycloakShards.decide(List.of(a), false, 4, 90, 4)).isEqualTo(KeycloakShards.Decision.FULL);
        assertThat(KeycloakShards.decide(List.of(closed), false, 1, 90, 4)).isEqualTo(KeycloakShards.Decision.OPEN);
    }

    @Test
    void postgresqlCountsTheKeycloakServersThereAndTheNextOneUpToTheMaximum() {
        // never applied, so not reconciled: only its Keycloak resources, written here, are counted
        EntPlatform p = ManagedShardsPlatform.of("budget", NS,
                new ManagedKeycloak.ManagedShards(50, 90, 3, "auth-{n}.budget.example.fr", null));
        assertThat(DataServices.keycloakServers(client, p)).as("the first, and room for one more").isEqualTo(2);
        // a platform named "budget-keycloak" has shards named "budget-keycloak-keycloak-n": not this one's
        EntPlatform lookalike = ManagedShardsPlatform.of("budget-keycloak", NS,
                new ManagedKeycloak.ManagedShards(50, 90, 5, "auth-{n}.lookalike.example.fr", null));
        client.resource(DataServiceObjects.keycloakShard(lookalike, 2)).create();
        assertThat(DataServices.keycloakServers(client, p)).as("budget-keycloak's shard not counted").isEqualTo(2);
        client.resource(DataServiceObjects.keycloakShard(p, 2)).create();
        assertThat(DataServices.keycloakServers(client, p)).isEqualTo(3);
        client.resource(DataServiceObjects.keycloakShard(p, 3)).create();
        assertThat(DataServices.keycloakServers(client, p)).as("maxShards 3").isEqualTo(3);
        // another platform's shards are not this one's
        assertThat(DataServices.keycloakServers(client, ManagedShardsPlatform.of("other", NS,
                new ManagedKeycloak.ManagedShards(50, 90, 5, "auth-{n}.other.example.fr", null)))).isEqualTo(2);
        p.getSpec().getManagedKeycloak().setShards(null);
        assertThat(DataServices.keycloakServers(client, p)).as("no shards asked for").isEqualTo(1);
    }

    /** A platform whose Keycloak (the shard default, of {@code capacity}) and {@code shards} are run elsewhere. */
    private static EntPlatform keycloakRunElsewhere(Integer capacity, List<EntPlatformSpec.ExternalShard> shards) {
        EntPlatform p = new EntPlatform();
        p.setMetadata(new ObjectMetaBuilder().withName("ent").withNamespace(NS).build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.6.0");
        spec.setDatabase(new EntPlatformSpec.SecretReference("ent-db"));
        spec.setKeycloak(new EntPlatformSpec.KeycloakReference("https://auth.ent.example.fr",
                new EntPlatformSpec.SecretReference("kc-admin"), capacity, shards));
        p.setSpec(spec);
        return p;
    }

    private EntPlatform managedPlatform() {
        return ManagedShardsPlatform.of("ent", NS,
                new ManagedKeycloak.ManagedShards(300, 90, 2, "auth-{n}.ent.example.fr", null));
    }

    /** The stand-in shard API: GET lists, PUT registers or replaces (realms kept), as tenant-manager's registry. */
    private void shardApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        if ("PUT".equals(exchange.getRequestMethod())) {
            puts.incrementAndGet();
            String name = path.substring(path.lastIndexOf('/') + 1);
            JsonObject in = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8))).readObject();
            KeycloakShardView before = registry.get(name);
            int realms = before == null ? 0 : before.realms();
            int capacity = in.getInt("capacity");
            // stored as tenant-manager's ShardInput stores addresses: trimmed, without trailing slashes
            registry.put(name, new KeycloakShardView(name, name.equals("default"), url(in, "internalUrl"),
                    url(in, "publicUrl"), capacity, in.getBoolean("open"), realms, (double) realms / capacity));
            status = before == null ? 201 : 200;
            body = json(registry.get(name));
        } else {
            body = "[" + String.join(",", registry.values().stream().map(KeycloakShardsTest::json).toList()) + "]";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void realms(String shard, int realms) {
        KeycloakShardView s = registry.get(shard);
        registry.put(shard, new KeycloakShardView(s.name(), s.configured(), s.internalUrl(), s.publicUrl(),
                s.capacity(), s.open(), realms, (double) realms / s.capacity()));
    }

    private static String url(JsonObject o, String key) {
        return o.isNull(key) ? null : o.getString(key).trim().replaceAll("/+$", "");
    }

    private static String json(KeycloakShardView v) {
        var b = Json.createObjectBuilder().add("name", v.name()).add("configured", v.configured())
                .add("capacity", v.capacity()).add("open", v.open()).add("realms", v.realms()).add("fill", v.fill());
        if (v.internalUrl() != null) {
            b.add("internalUrl", v.internalUrl()).add("publicUrl", v.publicUrl());
        }
        return b.build().toString();
    }

    private static String reason(EntPlatform p) {
        return p.getStatus() == null ? "" : Conditions.find(p.getStatus(), ConditionType.KeycloakShardsAvailable)
                .map(Condition::getReason).orElse("");
    }

    private void rolloutCompletes() {
        Eventually.await(Duration.ofSeconds(20), "the Deployment",
                () -> client.apps().deployments().inNamespace(NS).withName("ent").get(), d -> true);
        client.apps().deployments().inNamespace(NS).withName("ent").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2).withAvailableReplicas(2).build());
            return d;
        });
    }

    /** A watched change (the Deployment's status) so that the reconciler looks again without waiting its recheck. */
    private void poke() {
        client.apps().deployments().inNamespace(NS).withName("ent").editStatus(d -> {
            d.getStatus().setReadyReplicas(d.getStatus().getReadyReplicas() == 2 ? 1 : 2);
            return d;
        });
    }

    private void markReady(String name) {
        GenericKubernetesResource r = get(DataServiceObjects.KEYCLOAK, name);
        r.setAdditionalProperty("status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True",
                "message", "ready"))));
        client.genericKubernetesResources(DataServiceObjects.KEYCLOAK).inNamespace(NS).resource(r).update();
    }

    private EntPlatform read() {
        return client.resources(EntPlatform.class).inNamespace(NS).withName("ent").get();
    }

    private GenericKubernetesResource get(ResourceDefinitionContext kind, String name) {
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

    private void install(ResourceDefinitionContext kind) {
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
