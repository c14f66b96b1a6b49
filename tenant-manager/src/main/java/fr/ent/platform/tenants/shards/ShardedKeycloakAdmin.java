package fr.ent.platform.tenants.shards;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Admin REST API of whichever Keycloak server a realm lives on (ADR 0044). Every call of tenant-manager names
 * its realm first in the path ({@code ent-x/users/…}), or in the body when it creates one: the call goes to that
 * realm's shard, the configured Keycloak otherwise (the default shard, the platform realm, the realm list). So the
 * code that administers realms (REALM step, account sync, activation, brokering, backups) is the same with one
 * server or many. Every shard is administered with the same credentials (the operator sets them up alike).
 */
public class ShardedKeycloakAdmin extends KeycloakAdmin {

    private final AdminCredentials credentials;
    private final Function<String, Optional<RealmEndpoints>> shardOfRealm;
    private final Map<URI, KeycloakAdmin> shards = new ConcurrentHashMap<>();
    /** The configured Keycloak without routing: the default shard named as such (a realm move, ADR 0048). */
    private final KeycloakAdmin configured;
    /** Whether the shards' clients use each realm's own administration account (ADR 0052). */
    private volatile boolean realmAccounts;

    public ShardedKeycloakAdmin(URI configured, AdminCredentials credentials,
            Function<String, Optional<RealmEndpoints>> shardOfRealm) {
        super(configured, credentials);
        this.credentials = credentials;
        this.shardOfRealm = shardOfRealm;
        this.configured = new KeycloakAdmin(configured, credentials);
    }

    /**
     * The admin client of that shard, whatever the registry says of the realms the calls name: a realm move
     * exports from one shard and imports into another before the registry switches.
     */
    public KeycloakAdmin onShard(KeycloakShard shard) {
        return shard.endpoints().map(endpoints -> shards.computeIfAbsent(endpoints.internalBase(),
                base -> new KeycloakAdmin(base, credentials))).orElse(configured);
    }

    /** Routine calls inside a realm, on whichever shard, with that realm's own administration account. */
    @Override
    public KeycloakAdmin withRealmAccounts() {
        realmAccounts = true;
        shards.values().forEach(KeycloakAdmin::withRealmAccounts);
        return super.withRealmAccounts();
    }

    @Override
    public void realmAccountCreated(String realm, String secret) {
        on(Optional.of(realm)).ifPresentOrElse(shard -> shard.realmAccountCreated(realm, secret),
                () -> super.realmAccountCreated(realm, secret));
    }

    @Override
    public Response send(String method, String path, JsonStructure body) {
        return on(realmOf(path, body)).map(shard -> shard.send(method, path, body))
                .orElseGet(() -> super.send(method, path, body));
    }

    @Override
    public Response putText(String path, String text) {
        return on(realmOf(path, null)).map(shard -> shard.putText(path, text))
                .orElseGet(() -> super.putText(path, text));
    }

    /** The admin client of the realm's shard; empty when that is the configured Keycloak (this one). */
    private Optional<KeycloakAdmin> on(Optional<String> realm) {
        return realm.flatMap(shardOfRealm).map(endpoints -> shards.computeIfAbsent(endpoints.internalBase(),
                base -> routed(new KeycloakAdmin(base, credentials))));
    }

    private KeycloakAdmin routed(KeycloakAdmin shard) {
        return realmAccounts ? shard.withRealmAccounts() : shard;
    }

    /** {@code ent-x/users?…} → ent-x; the realm list → none; a realm created → the one its body names. */
    static Optional<String> realmOf(String path, JsonStructure body) {
        if (path.isEmpty()) {
            return body instanceof JsonObject o && o.containsKey("realm") ? Optional.of(o.getString("realm"))
                    : Optional.empty();
        }
        return KeycloakAdmin.realmOfPath(path);
    }
}
