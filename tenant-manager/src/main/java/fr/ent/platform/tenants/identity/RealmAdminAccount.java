package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A collectivity realm's own administration account (ADR 0052): the confidential client {@value #CLIENT}, used only
 * through its service account (client credentials), which holds the realm's {@code realm-management} role
 * {@value #ROLE}, so that tenant-manager's routine calls inside the realm ({@link RealmAdminTokens}) need no platform
 * administrator. Like the probe's client (ADR 0012), its secret is 256 random bits made here at creation and then
 * kept only in Keycloak: reconciliation never sends it again, tenant-manager reads it back once per process.
 */
final class RealmAdminAccount {

    static final String CLIENT = "ent-admin";
    /** Keycloak's client holding each realm's administration roles. */
    static final String REALM_MANAGEMENT = "realm-management";
    /** Every administration right inside the realm, none outside it. */
    static final String ROLE = "realm-admin";

    private final KeycloakRealms realms;
    private final KeycloakAdmin admin;

    RealmAdminAccount(KeycloakRealms realms, KeycloakAdmin admin) {
        this.realms = realms;
        this.admin = admin;
    }

    /**
     * Creates the client with a new secret in a realm made before it existed, or realigns it keeping its secret, and
     * gives its service account {@value #ROLE}; idempotent. Until then the realm's calls are the platform
     * administrator's ({@link RealmAdminTokens} finds no account).
     */
    void ensure(String realm) {
        JsonObject definition = definition();
        boolean isNew = realms.findClient(realm, CLIENT).isEmpty();
        String secret = isNew ? ClientSecret.random() : null;
        if (isNew) {
            definition = Json.createObjectBuilder(definition).add("secret", secret).build();
        }
        String id = realms.ensureClient(realm, definition, List.of());
        String user = admin.get(realm + "/clients/" + id + "/service-account-user").object().getString("id");
        String management = realms.findClient(realm, REALM_MANAGEMENT).orElseThrow(() -> new KeycloakException(
                "realm " + realm + " has no " + REALM_MANAGEMENT + " client", 404));
        String mappings = realm + "/users/" + user + "/role-mappings/clients/" + management;
        boolean held = false;
        for (JsonValue value : admin.get(mappings).array()) {
            held |= value.asJsonObject().getString("name").equals(ROLE);
        }
        if (!held) {
            admin.post(mappings, Json.createArrayBuilder()
                    .add(admin.get(realm + "/clients/" + management + "/roles/" + ROLE).object()).build());
        }
        if (secret != null) {
            admin.realmAccountCreated(realm, secret);
        }
    }

    /** The client with a new secret, for the request that creates a realm. */
    static JsonObject newClient() {
        return Json.createObjectBuilder(definition()).add("secret", ClientSecret.random()).build();
    }

    /** The secret that the request creating {@code realm} gives the account, to be remembered once it is created. */
    static java.util.Optional<String> secretIn(JsonObject realm) {
        return realm.getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("clientId").equals(CLIENT)).map(c -> c.getString("secret")).findFirst();
    }

    /** The client's service account holding {@value #ROLE}, for the request that creates a realm. */
    static JsonObject serviceAccount() {
        return Json.createObjectBuilder().add("username", "service-account-" + CLIENT)
                .add("enabled", true).add("serviceAccountClientId", CLIENT)
                .add("clientRoles", Json.createObjectBuilder()
                        .add(REALM_MANAGEMENT, Json.createArrayBuilder().add(ROLE))).build();
    }

    static JsonObject definition() {
        return RealmDefinition.serviceAccountClient(CLIENT, "Administration ENT (compte de service)").build();
    }
}
