package fr.ent.platform.tenants.identity;

import fr.ent.platform.identity.Realms;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synthetic probe's account in a collectivity realm: the confidential client {@code ent-probe} whose service
 * account holds only the realm role {@code PROBE} and whose tokens name the {@code ent-api} audience, so that the
 * probe can call the runtime's probe endpoint and nothing else (the runtime never counts a PROBE caller as a user).
 *
 * <p>The secret is generated here (256 random bits) when the client is created and then lives only in Keycloak:
 * reconciliation never sends it again (Keycloak keeps a client's secret when an update leaves it out), and the probe
 * reads it back through the Admin REST API when it needs it. See docs/adr/0012-probe-client-secret-in-keycloak.md.
 * It is never logged.
 */
final class ProbeAccount {

    private final KeycloakRealms realms;
    private final KeycloakAdmin admin;

    ProbeAccount(KeycloakRealms realms, KeycloakAdmin admin) {
        this.realms = realms;
        this.admin = admin;
    }

    /** Creates the client with a new secret, or realigns an existing one keeping its secret; idempotent. */
    void ensure(String realm) {
        realms.ensureRoles(realm, List.of(Realms.PROBE_ROLE));
        JsonObject definition = definition();
        if (realms.findClient(realm, Realms.PROBE_CLIENT).isEmpty()) {
            definition = Json.createObjectBuilder(definition).add("secret", ClientSecret.random()).build();
        }
        String id = realms.ensureClient(realm, definition, List.of(audience()));
        String user = admin.get(realm + "/clients/" + id + "/service-account-user").object().getString("id");
        String mappings = realm + "/users/" + user + "/role-mappings/realm";
        // Only PROBE among the ENT roles: a role granted by hand (SUPER_ADMIN...) would open users' data to it.
        JsonArrayBuilder extra = Json.createArrayBuilder();
        boolean hasProbe = false;
        for (JsonValue value : admin.get(mappings).array()) {
            String name = value.asJsonObject().getString("name");
            hasProbe |= name.equals(Realms.PROBE_ROLE);
            if (RealmDefinition.ROLES.contains(name)) {
                extra.add(value);
            }
        }
        JsonValue toRemove = extra.build();
        if (!toRemove.asJsonArray().isEmpty()) {
            KeycloakAdmin.Response r = admin.send("DELETE", mappings, toRemove.asJsonArray());
            if (!r.ok()) {
                throw new KeycloakException("roles of the probe account not removed in " + realm + ": " + r.status(),
                        r.status());
            }
        }
        if (!hasProbe) {
            admin.post(mappings, Json.createArrayBuilder()
                    .add(admin.get(realm + "/roles/" + Realms.PROBE_ROLE).object()).build());
        }
    }

    /** The client's secret as Keycloak holds it; empty when the realm or the client does not exist (yet). */
    Optional<String> secret(String realm) {
        if (admin.find(realm).isEmpty()) {
            return Optional.empty();
        }
        return realms.findClient(realm, Realms.PROBE_CLIENT)
                .flatMap(id -> admin.find(realm + "/clients/" + id + "/client-secret"))
                .map(r -> r.object().getString("value", null))
                .filter(s -> !s.isBlank());
    }

    /** The client with a new secret and its mapper, for the request that creates a realm. */
    static JsonObject newClient() {
        return Json.createObjectBuilder(definition()).add("secret", ClientSecret.random())
                .add("protocolMappers", Json.createArrayBuilder().add(audience())).build();
    }

    /** The client's service account holding PROBE, for the request that creates a realm. */
    static JsonObject serviceAccount() {
        return Json.createObjectBuilder().add("username", "service-account-" + Realms.PROBE_CLIENT)
                .add("enabled", true).add("serviceAccountClientId", Realms.PROBE_CLIENT)
                .add("realmRoles", Json.createArrayBuilder().add(Realms.PROBE_ROLE)).build();
    }

    private static JsonObject audience() {
        return RealmDefinition.mapper("ent-api audience", "oidc-audience-mapper", Map.of(
                "included.client.audience", Realms.API_AUDIENCE,
                "access.token.claim", "true",
                "id.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    static JsonObject definition() {
        return RealmDefinition.serviceAccountClient(Realms.PROBE_CLIENT, "Sonde synthétique (compte de service)")
                .build();
    }
}
