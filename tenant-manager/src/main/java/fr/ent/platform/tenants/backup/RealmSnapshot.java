package fr.ent.platform.tenants.backup;

import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a collectivity's realm needs to come back (ADR 0040), written as {@code realm.json} in the backup: the realm's
 * settings with its roles, groups and clients (Keycloak's partial export: client secrets come masked), its users'
 * identities (id, login, names, e-mail, enabled, attributes: the link to the directory's {@code ent_user}) a page at a
 * time, and who holds each of the realm's own roles.
 *
 * <p>No credential: Keycloak's Admin API does not give password hashes, and we would not want them in a file that
 * outlives the account. Restoring a realm that is gone makes the accounts again from this and from the directory,
 * each with an activation code (as an import, ADR 0033); while the realm is there, a restore leaves it as it is and
 * people keep their passwords. Keycloak's own database has its own backups (the CloudNativePG cluster, item 7).
 */
final class RealmSnapshot {

    static final int PAGE = 500;
    /** Keycloak's own roles every account has: nothing to restore. */
    private static final Set<String> BUILT_IN = Set.of("offline_access", "uma_authorization");

    private RealmSnapshot() {
    }

    /** Writes the snapshot of {@code realm}; returns how many users it holds (-1 when there is no Keycloak). */
    static long write(IdentityRealms realms, String realm, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject();
            json.write("format", "ent-realm-snapshot/1");
            json.write("realm", realm);
            if (!(realms instanceof KeycloakRealms keycloak)) {
                json.write("absent", "no identity provider configured (ent.keycloak.url)");
                json.writeEnd();
                return -1;
            }
            KeycloakAdmin admin = keycloak.admin();
            JsonObject settings = admin.post(realm + "/partial-export?exportClients=true&exportGroupsAndRoles=true",
                    null).object();
            json.write("settings", settings);
            long users = 0;
            json.writeStartArray("users");
            for (int first = 0;; first += PAGE) {
                JsonArray page = admin.get(realm + "/users?briefRepresentation=false&first=" + first + "&max=" + PAGE)
                        .array();
                for (JsonValue u : page) {
                    JsonObject user = u.asJsonObject();
                    // what identifies the person, nothing that authenticates them
                    json.writeStartObject();
                    for (String field : new String[] {"id", "username", "firstName", "lastName", "email"}) {
                        if (user.containsKey(field) && !user.isNull(field)) {
                            json.write(field, user.getString(field));
                        }
                    }
                    json.write("enabled", user.getBoolean("enabled", true));
                    if (user.containsKey("attributes")) {
                        json.write("attributes", user.getJsonObject("attributes"));
                    }
                    json.writeEnd();
                    users++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            json.writeEnd();
            json.writeStartObject("roleHolders");
            JsonObject roles = settings.getJsonObject("roles");
            JsonArray realmRoles = roles == null ? JsonValue.EMPTY_JSON_ARRAY : roles.getJsonArray("realm");
            for (JsonValue r : realmRoles == null ? JsonValue.EMPTY_JSON_ARRAY : realmRoles) {
                String name = r.asJsonObject().getString("name");
                if (BUILT_IN.contains(name) || name.startsWith("default-roles-")) {
                    continue;
                }
                json.writeStartArray(name);
                String path = realm + "/roles/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/users?briefRepresentation=true&max=";
                for (int first = 0;; first += PAGE) {
                    JsonArray holders = admin.get(path + PAGE + "&first=" + first).array();
                    holders.forEach(h -> json.write(h.asJsonObject().getString("id")));
                    if (holders.size() < PAGE) {
                        break;
                    }
                }
                json.writeEnd();
            }
            json.writeEnd();
            json.write("users_total", users);
            json.writeEnd();
            return users;
        }
    }
}
