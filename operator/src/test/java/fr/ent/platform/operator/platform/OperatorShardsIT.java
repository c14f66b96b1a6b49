package fr.ent.platform.operator.platform;

import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static fr.ent.platform.operator.support.Collectivities.phase;
import static fr.ent.platform.operator.support.Edits.onConflictAgain;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import fr.ent.platform.operator.support.Collectivities;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
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
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EntPlatform's Keycloak shards (ADR 0050) end to end: the operator on the mock API server with the real
 * tenant-manager (RealPlatform, shared by every IT of the JVM), so that what the operator asks is checked by the real
 * registry and its placement rule, not by a stand-in (KeycloakShardsTest's). Only the Keycloak Operator is played by
 * the test: it marks the Keycloak resource the operator writes Ready, as a cluster would.
 *
 * <p>Other ITs of this JVM provision collectivities on the same registry, and an open shard with room takes the next
 * realm. No @Isolated: the operator's ITs run one class after another (no JUnit parallel execution is configured),
 * so each test leaves the registry as other classes expect it, whatever happens: a shard whose URL is no live
 * Keycloak ({@code keycloak-2}) is removed, a live one holding a realm ({@code kc-b}, the shared Keycloak under a
 * second name) is closed, and the default shard's capacity is put back. If the ITs ever run in parallel, this class
 * needs {@code @Isolated}.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorShardsIT {

    static final String NS = Collectivities.NAMESPACE;

    static KubernetesClient client;
    static RealPlatform platform;
    /** The shared Keycloak's address, as the shard {@code kc-b}: a live server the REALM step really uses. */
    static String keycloak;
    static RunningOperator operator;

    @BeforeAll
    static void start() {
        platform = RealPlatform.get();
        keycloak = SharedKeycloak.server().baseUrl().toString().replaceAll("/+$", "");
        for (ResourceDefinitionContext kind : List.of(DataServiceObjects.CLUSTER, DataServiceObjects.SCHEDULED_BACKUP,
                DataServiceObjects.DATABASE, DataServiceObjects.OBJECT_STORE, DataServiceObjects.KEYCLOAK)) {
            install(kind);
        }
        // one operator for the class: one started per test left the mock server's connections spent by the third
        operator = RunningOperator.start(client, platform.adminApi());
        // a collectivity placed before any shard is registered: its realm must stay where it is
        client.resource(collectivity("shard-a", "ops-shard-a", "shard-a.ent.example.fr")).create();
        ready("shard-a");
        assertThat(platform.shardOf("ops-shard-a")).hasValue("default");
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    @Test
    void aListedShardIsRegisteredTakesTheNextRealmAndStaysRegisteredOnceLeftOut() throws Exception {
        int defaultCapacity = shards().get("default").getInt("capacity");
        try {
            // keycloak.capacity as the registry has it (nothing to PUT): it keeps the shards configured once kc-b is
            // left out of the list
            EntPlatform created = client.resource(external("ent-ext", defaultCapacity,
                    List.of(new EntPlatformSpec.ExternalShard("kc-b", keycloak, null, 5, null)))).create();
            rolloutCompletes("ent-ext");
            awaitShards("ent-ext", "RoomLeft");
            JsonObject kcB = shards().get("kc-b");
            assertThat(kcB).as("kc-b in the real registry").isNotNull();
            assertThat(kcB.getInt("capacity")).isEqualTo(5);
            assertThat(kcB.getBoolean("open")).isTrue();
            assertThat(kcB.getInt("realms")).isZero();
            assertThat(kcB.getString("publicUrl")).isEqualTo(keycloak);
            assertThat(kcB.getString("internalUrl")).isEqualTo(keycloak);
            assertThat(created.getMetadata().getName()).isEqualTo("ent-ext");
            // registering a shard moves no realm
            assertThat(platform.shardOf("ops-shard-a")).hasValue("default");

            // the next collectivity goes to the least-filled open shard: kc-b (0/5) before default (1 or more)
            client.resource(collectivity("shard-b", "ops-shard-b", "shard-b.ent.example.fr")).create();
            ready("shard-b");
            assertThat(platform.shardOf("ops-shard-b")).hasValue("kc-b");
            assertThat(realmStatus("ent-ops-shard-b")).as("its realm on kc-b's server").isEqualTo(200);
            assertThat(platform.shardOf("ops-shard-a")).hasValue("default");
            assertThat(shards().get("kc-b").getInt("realms")).isEqualTo(1);

            // left out of the spec: it stays registered as it is (EntPlatformSpec: "close it with open: false")
            edit("ent-ext", spec -> withShards(spec, List.of()));
            awaitShards("ent-ext", "RoomLeft");
            assertThat(shards().get("kc-b").getBoolean("open")).isTrue();
            assertThat(shards().get("kc-b").getInt("realms")).isEqualTo(1);

            // closed through the spec: no more realms there, the one it holds stays
            edit("ent-ext", spec -> withShards(spec, List.of(
                    new EntPlatformSpec.ExternalShard("kc-b", keycloak, null, 5, false))));
            EntPlatform closed = awaitShards("ent-ext", "RoomLeft");
            assertThat(shards().get("kc-b").getBoolean("open")).isFalse();
            assertThat(closed.getStatus().getKeycloakShards()).filteredOn(s -> s.name().equals("kc-b"))
                    .extracting(EntPlatformStatus.ShardStatus::open).containsExactly(false);
            assertThat(platform.shardOf("ops-shard-b")).hasValue("kc-b");
        } finally {
            client.resources(EntPlatform.class).inNamespace(NS).withName("ent-ext").delete();
            // kc-b holds a realm, so it cannot be removed: closed, it takes no other class's collectivities
            settle(() -> putShard("kc-b", Json.createObjectBuilder().add("internalUrl", keycloak)
                    .add("publicUrl", keycloak).add("capacity", 5).add("open", false).build()),
                    () -> !shards().containsKey("kc-b") || !shards().get("kc-b").getBoolean("open"));
        }
    }

    @Test
    void aManagedShardIsOpenedOverTheThresholdAndRegisteredOnceItsKeycloakIsReady() throws Exception {
        JsonObject before = shards().get("default");
        // default holds shard-a's realm at least: at 1 %, capacity up to 100 per realm is over the threshold
        int capacity = Math.max(100, before.getInt("realms") + 10);
        try {
            client.resource(managed("ent-man", capacity)).create();
            rolloutCompletes("ent-man");
            Eventually.await(Duration.ofSeconds(60), "the Keycloak resource of shard 2",
                    () -> get(DataServiceObjects.KEYCLOAK, "ent-man-keycloak-2"), Objects::nonNull);
            assertThat(get(DataServiceObjects.DATABASE, "ent-man-keycloak-2")).as("its database").isNotNull();
            awaitShards("ent-man", "ShardOpening");
            assertThat(shards().get("default").getInt("capacity")).isEqualTo(capacity);
            // not registered before its Keycloak is ready: no realm may be placed on a server not there yet
            assertThat(shards()).doesNotContainKey("keycloak-2");

            markReady("ent-man-keycloak-2"); // the Keycloak Operator's part
            poke("ent-man");
            EntPlatform room = awaitShards("ent-man", "RoomLeft");
            Condition c = Conditions.find(room.getStatus(), ConditionType.KeycloakShardsAvailable).orElseThrow();
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).contains("keycloak-2 0/" + capacity);
            JsonObject k2 = shards().get("keycloak-2");
            assertThat(k2).as("keycloak-2 in the real registry").isNotNull();
            assertThat(k2.getString("publicUrl")).isEqualTo("https://auth-2.ent.example.fr");
            assertThat(k2.getString("internalUrl")).isEqualTo("https://auth-2.ent.example.fr");
            assertThat(k2.getInt("capacity")).isEqualTo(capacity);
            assertThat(k2.getBoolean("open")).isTrue();
            // opening a shard moves no realm
            assertThat(platform.shardOf("ops-shard-a")).hasValue("default");
        } finally {
            client.resources(EntPlatform.class).inNamespace(NS).withName("ent-man").delete();
            // auth-2.ent.example.fr is no live Keycloak: gone before another class provisions a collectivity
            settle(() -> {
                platform.client().admin("DELETE", "/keycloak-shards/keycloak-2", null);
                restoreDefault(before);
            }, () -> !shards().containsKey("keycloak-2")
                    && shards().get("default").getInt("capacity") == before.getInt("capacity"));
        }
        assertThat(shards()).doesNotContainKey("keycloak-2");
    }

    @Test
    void aShardTheRegistryRefusesIsAConditionWithItsReason() throws Exception {
        JsonObject before = shards().get("default");
        try {
            // capacity 0 passes the CRD (minimum 0), but the default shard holds realms (shard-a's at least)
            client.resource(external("ent-bad", 0, List.of())).create();
            rolloutCompletes("ent-bad");
            EntPlatform refused = awaitShards("ent-bad", "ShardRefused");
            Condition c = Conditions.find(refused.getStatus(), ConditionType.KeycloakShardsAvailable).orElseThrow();
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getMessage()).startsWith("tenant-manager refused a shard: 400")
                    .contains("capacity cannot go down to 0");
            // reported, not thrown: the reconciliation went on (the runtime's status is there) and is not retried
            // as an error
            assertThat(refused.getStatus().getPhase()).isNotNull();
            assertThat(Conditions.find(refused.getStatus(), ConditionType.HasErrors).orElseThrow().getReason())
                    .isNotEqualTo("ReconcileError");
            assertThat(shards().get("default").getInt("capacity")).isEqualTo(before.getInt("capacity"));

            // the default shard's addresses are the configuration's: refused too, with the field
            edit("ent-bad", spec -> new EntPlatformSpec.KeycloakReference(spec.url(), spec.adminSecret(), null,
                    List.of(new EntPlatformSpec.ExternalShard("default", keycloak, null, 10, null))));
            EntPlatform urls = awaitShards("ent-bad", "ShardRefused");
            assertThat(Conditions.find(urls.getStatus(), ConditionType.KeycloakShardsAvailable).orElseThrow()
                    .getMessage()).startsWith("tenant-manager refused a shard: 400").contains("internalUrl");

            // put right: the condition follows
            edit("ent-bad", spec -> new EntPlatformSpec.KeycloakReference(spec.url(), spec.adminSecret(),
                    before.getInt("capacity"), null));
            awaitShards("ent-bad", "RoomLeft");
        } finally {
            client.resources(EntPlatform.class).inNamespace(NS).withName("ent-bad").delete();
            settle(() -> restoreDefault(before),
                    () -> shards().get("default").getInt("capacity") == before.getInt("capacity"));
        }
    }

    /** The real registry's shards by name ({@code GET /keycloak-shards}). */
    private static Map<String, JsonObject> shards() throws Exception {
        HttpResponse<String> r = platform.client().admin("GET", "/keycloak-shards", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        for (JsonValue v : Json.createReader(new StringReader(r.body())).readArray()) {
            byName.put(v.asJsonObject().getString("name"), v.asJsonObject());
        }
        return byName;
    }

    private static void restoreDefault(JsonObject before) throws Exception {
        putShard("default", Json.createObjectBuilder().add("capacity", before.getInt("capacity"))
                .add("open", before.getBoolean("open")).build());
    }

    interface Step {
        void run() throws Exception;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Puts the registry back and checks, a few seconds later, that it stayed so: the class's operator may be in the
     * middle of a reconciliation of the EntPlatform just deleted, and PUT its shards once more.
     */
    private static void settle(Step cleanup, Check clean) throws Exception {
        for (int i = 0; i < 5; i++) {
            cleanup.run();
            Thread.sleep(3_000);
            if (clean.holds()) {
                return;
            }
        }
        throw new AssertionError("the registry did not stay as before the test: " + shards());
    }

    private static void putShard(String name, JsonObject body) throws Exception {
        HttpResponse<String> r = platform.client().admin("PUT", "/keycloak-shards/" + name, body.toString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    /** The EntPlatform once the operator has looked at its current generation's shards with this outcome. */
    private static EntPlatform awaitShards(String name, String reason) {
        return Eventually.await(Duration.ofSeconds(60), name + " KeycloakShardsAvailable " + reason,
                () -> client.resources(EntPlatform.class).inNamespace(NS).withName(name).get(),
                p -> p.getStatus() != null && Conditions.find(p.getStatus(), ConditionType.KeycloakShardsAvailable)
                        .filter(c -> reason.equals(c.getReason()))
                        .filter(c -> Objects.equals(c.getObservedGeneration(), p.getMetadata().getGeneration()))
                        .isPresent());
    }

    private static void ready(String name) {
        Eventually.await(Duration.ofSeconds(180), name + " provisioned",
                () -> Collectivities.read(client, name), (Collectivity c) -> "Ready".equals(phase(c)));
    }

    private static int realmStatus(String realm) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Changes the spec's keycloak, then pokes: a spec change that lands while a reconciliation of the same resource is
     * under way was once not reconciled again on the mock API server (JOSDK 5.3.2 took it for the echo of its own
     * status patch, it seems); the 5-minute recheck would catch it up, too late for a test.
     */
    private static void edit(String name, UnaryOperator<EntPlatformSpec.KeycloakReference> change) {
        onConflictAgain(() -> client.resources(EntPlatform.class).inNamespace(NS).withName(name).edit(p -> {
            p.getSpec().setKeycloak(change.apply(p.getSpec().getKeycloak()));
            return p;
        }));
        poke(name);
    }

    private static EntPlatformSpec.KeycloakReference withShards(EntPlatformSpec.KeycloakReference kc,
            List<EntPlatformSpec.ExternalShard> shards) {
        return new EntPlatformSpec.KeycloakReference(kc.url(), kc.adminSecret(), kc.capacity(), shards);
    }

    private static EntPlatform external(String name, Integer capacity, List<EntPlatformSpec.ExternalShard> shards) {
        EntPlatform p = new EntPlatform();
        p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        EntPlatformSpec spec = new EntPlatformSpec();
        spec.setImage("registry.ent.example.fr/ent/runtime:1.6.0");
        spec.setDatabase(new EntPlatformSpec.SecretReference("ent-db"));
        spec.setKeycloak(new EntPlatformSpec.KeycloakReference(keycloak, new EntPlatformSpec.SecretReference(
                "kc-admin"), capacity, shards));
        p.setSpec(spec);
        return p;
    }

    private static EntPlatform managed(String name, int capacity) {
        return ManagedShardsPlatform.of(name, NS,
                new ManagedKeycloak.ManagedShards(capacity, 1, 2, "auth-{n}.ent.example.fr", null));
    }

    private static void rolloutCompletes(String name) {
        Eventually.await(Duration.ofSeconds(60), "the Deployment",
                () -> client.apps().deployments().inNamespace(NS).withName(name).get(), Objects::nonNull);
        client.apps().deployments().inNamespace(NS).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2).withAvailableReplicas(2).build());
            return d;
        });
    }

    /** A watched change (the Deployment's status), so that the reconciler looks again before its 30 s recheck. */
    private static void poke(String name) {
        onConflictAgain(() -> client.apps().deployments().inNamespace(NS).withName(name).editStatus(d -> {
            d.getStatus().setReadyReplicas(d.getStatus().getReadyReplicas() == 2 ? 1 : 2);
            return d;
        }));
    }

    private static void markReady(String name) {
        GenericKubernetesResource r = get(DataServiceObjects.KEYCLOAK, name);
        r.setAdditionalProperty("status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True",
                "message", "ready"))));
        client.genericKubernetesResources(DataServiceObjects.KEYCLOAK).inNamespace(NS).resource(r).update();
    }

    private static GenericKubernetesResource get(ResourceDefinitionContext kind, String name) {
        return client.genericKubernetesResources(kind).inNamespace(NS).withName(name).get();
    }

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
