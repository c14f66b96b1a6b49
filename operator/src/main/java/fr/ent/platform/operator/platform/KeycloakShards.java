package fr.ent.platform.operator.platform;

import fr.ent.platform.adminapi.KeycloakShardRequest;
import fr.ent.platform.adminapi.KeycloakShardView;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import fr.ent.platform.operator.tenantmanager.TenantManagerProblem;
import fr.ent.platform.operator.tenantmanager.TenantManagerUnavailable;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The EntPlatform's Keycloak shards (ADR 0050): registers the ones its spec lists through tenant-manager's shard API,
 * and, for a managed Keycloak, opens one more Keycloak Operator resource when every open shard is over the threshold,
 * registering it once ready. tenant-manager's registry stays the one truth on realms and fill; the cluster says only
 * whether a managed shard's Keycloak is ready.
 */
final class KeycloakShards {

    /** The registry's name of managed shard n (2, 3...); the first Keycloak is the shard {@code default}. */
    static String shardName(int n) {
        return "keycloak-" + n;
    }

    /** What the reconciler reports: the condition KeycloakShardsAvailable and status.keycloakShards. */
    record Outcome(String status, String reason, String message, List<EntPlatformStatus.ShardStatus> shards,
            boolean recheckSoon, Optional<String> opened) {
    }

    private KeycloakShards() {
    }

    /** Whether the spec asks anything of the shards; if not, nothing is called and no condition is written. */
    static boolean configured(EntPlatformSpec spec) {
        return (spec.getManagedKeycloak() != null && spec.getManagedKeycloak().getShards() != null)
                || (spec.getKeycloak() != null && (spec.getKeycloak().capacity() != null
                        || (spec.getKeycloak().shards() != null && !spec.getKeycloak().shards().isEmpty())));
    }

    static Outcome reconcile(KubernetesClient client, EntPlatform p, TenantManagerClient tenantManager) {
        try {
            return p.getSpec().getManagedKeycloak() != null ? managed(client, p, tenantManager)
                    : external(p, tenantManager);
        } catch (TenantManagerUnavailable e) {
            return new Outcome("Unknown", "TenantManagerUnavailable", e.getMessage(), null, true, Optional.empty());
        } catch (TenantManagerProblem e) {
            return new Outcome("False", "ShardRefused", "tenant-manager refused a shard: " + e.getMessage(), null,
                    false, Optional.empty());
        }
    }

    private static Outcome external(EntPlatform p, TenantManagerClient tenantManager) {
        EntPlatformSpec.KeycloakReference kc = p.getSpec().getKeycloak();
        Map<String, KeycloakShardView> registered = byName(tenantManager.shards());
        if (kc.capacity() != null) {
            ensure(tenantManager, registered, "default", null, null, kc.capacity(), null);
        }
        for (EntPlatformSpec.ExternalShard s : kc.shards() == null ? List.<EntPlatformSpec.ExternalShard>of()
                : kc.shards()) {
            ensure(tenantManager, registered, s.name(), s.internalUrl() == null ? s.url() : s.internalUrl(), s.url(),
                    s.capacity(), s.open() == null || s.open());
        }
        List<KeycloakShardView> shards = List.copyOf(registered.values());
        boolean room = shards.stream().anyMatch(s -> s.open() && s.realms() < s.capacity());
        return new Outcome(room ? "True" : "False", room ? "RoomLeft" : "AllShardsFull", summary(shards),
                statuses(shards, Map.of()), false, Optional.empty());
    }

    private static Outcome managed(KubernetesClient client, EntPlatform p, TenantManagerClient tenantManager) {
        ManagedKeycloak.ManagedShards policy = p.getSpec().getManagedKeycloak().getShards();
        Map<String, KeycloakShardView> registered = byName(tenantManager.shards());
        ensure(tenantManager, registered, "default", null, null, policy.capacityOrDefault(), null);
        Map<String, String> opening = new LinkedHashMap<>(); // shard name -> its Keycloak's state
        int servers = 1;
        int firstFree = 0;
        for (int n = 2; n <= policy.maxShardsOrDefault(); n++) {
            var existing = client.genericKubernetesResources(DataServiceObjects.KEYCLOAK)
                    .inNamespace(p.getMetadata().getNamespace()).withName(DataServiceObjects.keycloakShardName(p, n))
                    .get();
            if (existing == null) {
                firstFree = firstFree == 0 ? n : firstFree;
                continue;
            }
            servers++;
            GenericKubernetesResource keycloak = open(client, p, n);
            String url = "https://" + policy.hostname(n);
            if (DataServiceObjects.ready(keycloak)) {
                KeycloakShardView now = registered.get(shardName(n));
                ensure(tenantManager, registered, shardName(n), url, url, policy.capacityOrDefault(),
                        now == null || now.open());
            } else if (!registered.containsKey(shardName(n))) {
                opening.put(shardName(n), DataServiceObjects.state(keycloak));
            }
        }
        List<KeycloakShardView> shards = List.copyOf(registered.values());
        Decision decision = decide(shards, !opening.isEmpty(), servers, policy.openAboveOrDefault(),
                policy.maxShardsOrDefault());
        Optional<String> opened = Optional.empty();
        if (decision == Decision.OPEN && firstFree > 0) {
            open(client, p, firstFree);
            opening.put(shardName(firstFree), "created");
            opened = Optional.of(DataServiceObjects.keycloakShardName(p, firstFree));
        }
        String message = summary(shards) + (opening.isEmpty() ? "" : "; opening " + opening);
        return switch (decision) {
            case ROOM_LEFT -> new Outcome("True", "RoomLeft", message, statuses(shards, opening), false, opened);
            case OPEN, OPENING -> new Outcome("True", "ShardOpening", message + " (every open shard at least "
                    + policy.openAboveOrDefault() + " % full)", statuses(shards, opening), true, opened);
            case FULL -> new Outcome("False", "AllShardsFull", message + ": every open shard at least "
                    + policy.openAboveOrDefault() + " % full and " + servers + " of at most "
                    + policy.maxShardsOrDefault() + " Keycloak servers: raise managedKeycloak.shards.maxShards",
                    statuses(shards, opening), false, opened);
        };
    }

    enum Decision { ROOM_LEFT, OPEN, OPENING, FULL }

    /**
     * The opening rule: a new shard when every open shard is at least {@code abovePercent} full (or none is open),
     * one at a time, up to {@code max} servers.
     */
    static Decision decide(List<KeycloakShardView> shards, boolean opening, int servers, int abovePercent, int max) {
        boolean allOver = shards.stream().filter(KeycloakShardView::open)
                .allMatch(s -> s.realms() * 100L >= (long) abovePercent * s.capacity());
        if (!allOver) {
            return Decision.ROOM_LEFT;
        }
        if (opening) {
            return Decision.OPENING;
        }
        return servers < max ? Decision.OPEN : Decision.FULL;
    }

    /** Writes shard n's database and Keycloak resource (create, or bring back to the spec); returns the Keycloak. */
    private static GenericKubernetesResource open(KubernetesClient client, EntPlatform p, int n) {
        DataServices.apply(client, DataServiceObjects.DATABASE, DataServiceObjects.keycloakShardDatabase(p, n),
                "CloudNativePG");
        return DataServices.apply(client, DataServiceObjects.KEYCLOAK, DataServiceObjects.keycloakShard(p, n),
                "the Keycloak Operator");
    }

    /**
     * PUTs the shard when the registry has it otherwise; {@code open} null: keep the registry's (true if new). The
     * addresses are compared and sent in the registry's form ({@link KeycloakShardRequest#registryForm}): a spec
     * written {@code https://auth-b.example.fr/} would otherwise differ from what the registry holds at every
     * reconciliation, and be sent again each time.
     */
    private static void ensure(TenantManagerClient tenantManager, Map<String, KeycloakShardView> registered,
            String name, String specInternalUrl, String specPublicUrl, int capacity, Boolean open) {
        String internalUrl = KeycloakShardRequest.registryForm(specInternalUrl);
        String publicUrl = KeycloakShardRequest.registryForm(specPublicUrl);
        KeycloakShardView now = registered.get(name);
        boolean wantOpen = open != null ? open : now == null || now.open();
        if (now != null && Objects.equals(now.internalUrl(), internalUrl) && Objects.equals(now.publicUrl(), publicUrl)
                && now.capacity() == capacity && now.open() == wantOpen) {
            return;
        }
        registered.put(name, tenantManager.putShard(name, new KeycloakShardRequest(internalUrl, publicUrl, capacity,
                wantOpen)));
    }

    private static Map<String, KeycloakShardView> byName(List<KeycloakShardView> shards) {
        Map<String, KeycloakShardView> byName = new LinkedHashMap<>();
        shards.forEach(s -> byName.put(s.name(), s));
        return byName;
    }

    private static String summary(List<KeycloakShardView> shards) {
        List<String> parts = new ArrayList<>();
        for (KeycloakShardView s : shards) {
            parts.add(s.name() + " " + s.realms() + "/" + s.capacity() + (s.open() ? "" : " closed"));
        }
        return "Keycloak shards: " + String.join(", ", parts);
    }

    private static List<EntPlatformStatus.ShardStatus> statuses(List<KeycloakShardView> shards,
            Map<String, String> opening) {
        List<EntPlatformStatus.ShardStatus> out = new ArrayList<>();
        for (KeycloakShardView s : shards) {
            out.add(new EntPlatformStatus.ShardStatus(s.name(), s.publicUrl(), s.capacity(), s.open(), s.realms(),
                    (int) Math.floor(s.fill() * 100), "Registered"));
        }
        opening.keySet().forEach(name -> out.add(new EntPlatformStatus.ShardStatus(name, null, null, null, null, null,
                "Opening")));
        return out;
    }
}
