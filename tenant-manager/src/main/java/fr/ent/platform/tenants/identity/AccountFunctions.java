package fr.ent.platform.tenants.identity;

import fr.ent.platform.adminapi.AccountView;
import fr.ent.platform.identity.Claims;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A person's account in their collectivity's realm, as the tenant console reads and changes it: functions and the
 * blocked state. Keycloak is the one source of truth for functions (realm roles ADMIN_LOCAL and CLASS_ADMIN, and
 * ADMIN_LOCAL's schools in the attribute {@code admin_structures}), because the tokens carry them to every app; the
 * directory records none. The account is found by its attribute {@code ent_user_id} (the directory id), never by
 * a name, so a directory id of another collectivity finds nothing in this realm.
 */
public class AccountFunctions {

    private static final Logger LOG = Logger.getLogger(AccountFunctions.class.getName());
    private static final Pattern UAI = Pattern.compile("^[0-9]{7}[A-Z]$");
    private static final List<String> FUNCTIONS = List.of(RealmRoles.SUPER_ADMIN, RealmRoles.ADMIN_LOCAL,
            RealmRoles.CLASS_ADMIN);

    private final IdentityRealms realms;

    public AccountFunctions(IdentityRealms realms) {
        this.realms = realms;
    }

    public AccountView get(Collectivity c, String entUserId) {
        KeycloakAdmin admin = admin();
        String realm = c.names().realm();
        JsonObject user = user(admin, realm, entUserId);
        return view(admin, realm, entUserId, user);
    }

    /**
     * Sets the account's functions, whole: ADMIN_LOCAL for these schools (none: removed), CLASS_ADMIN or not. An
     * account that becomes ADMIN_LOCAL gives an OTP code at its next login, enrolling one first if it has none.
     */
    public AccountView setFunctions(Collectivity c, String entUserId, List<String> adminStructures, boolean classAdmin) {
        Set<String> uais = new TreeSet<>();
        for (String uai : adminStructures == null ? List.<String>of() : adminStructures) {
            if (uai == null || !UAI.matcher(uai).matches()) {
                throw InvalidInput.field("adminStructures", "account.admin-structures", String.valueOf(uai));
            }
            uais.add(uai);
        }
        KeycloakAdmin admin = admin();
        String realm = c.names().realm();
        JsonObject user = user(admin, realm, entUserId);
        String id = user.getString("id");
        Set<String> held = roles(admin, realm, id);
        role(admin, realm, id, RealmRoles.ADMIN_LOCAL, held, !uais.isEmpty());
        role(admin, realm, id, RealmRoles.CLASS_ADMIN, held, classAdmin);
        JsonObjectBuilder attributes = Json.createObjectBuilder(
                user.containsKey("attributes") ? user.getJsonObject("attributes") : JsonValue.EMPTY_JSON_OBJECT);
        if (uais.isEmpty()) {
            attributes.remove(Claims.ADMIN_STRUCTURES);
        } else {
            JsonArrayBuilder values = Json.createArrayBuilder();
            uais.forEach(values::add);
            attributes.add(Claims.ADMIN_STRUCTURES, values);
        }
        // No required action to add: the realm's browser flow (ADR 0013, BrowserFlow) asks every ADMIN_LOCAL for an
        // OTP code, and has it enrol one at its next login if it has none.
        admin.put(realm + "/users/" + id, Json.createObjectBuilder(user).add("attributes", attributes).build());
        LOG.info(() -> "tenant=" + c.slug() + " account " + entUserId + ": ADMIN_LOCAL " + uais + ", CLASS_ADMIN "
                + classAdmin);
        return get(c, entUserId);
    }

    /** Blocks (no login, its sessions ended at once) or unblocks the account. */
    public AccountView setEnabled(Collectivity c, String entUserId, boolean enabled) {
        KeycloakAdmin admin = admin();
        String realm = c.names().realm();
        JsonObject user = user(admin, realm, entUserId);
        String id = user.getString("id");
        admin.put(realm + "/users/" + id, Json.createObjectBuilder(user).add("enabled", enabled).build());
        if (!enabled) {
            admin.post(realm + "/users/" + id + "/logout", null);
        }
        LOG.info(() -> "tenant=" + c.slug() + " account " + entUserId + (enabled ? " unblocked" : " blocked"));
        return get(c, entUserId);
    }

    /**
     * Deletes the account tied to this directory id (an erasure, ADR 0032): its sessions end with it. Gives who it
     * was, for the runtime to erase what its apps keep by login or subject.
     */
    public fr.ent.platform.adminapi.AccountErasedView delete(Collectivity c, String entUserId) {
        KeycloakAdmin admin = admin();
        String realm = c.names().realm();
        JsonObject user = user(admin, realm, entUserId);
        String id = user.getString("id");
        admin.delete(realm + "/users/" + id);
        LOG.info(() -> "tenant=" + c.slug() + " account " + entUserId + " deleted (erasure)");
        return new fr.ent.platform.adminapi.AccountErasedView(entUserId, user.getString("username", ""), id);
    }

    private KeycloakAdmin admin() {
        if (!(realms instanceof KeycloakRealms keycloak)) {
            throw new Unavailable("identity-not-configured");
        }
        return keycloak.admin();
    }

    /** The account tied to this directory id in this realm (exact attribute match), or account-not-found. */
    static JsonObject user(KeycloakAdmin admin, String realm, String entUserId) {
        String id;
        try {
            id = UUID.fromString(entUserId).toString();
        } catch (IllegalArgumentException e) {
            throw new NotFound("account-not-found", entUserId);
        }
        JsonArray found = admin.get(realm + "/users?exact=true&briefRepresentation=false&q="
                + URLEncoder.encode(Claims.USER_ID + ":" + id, StandardCharsets.UTF_8)).array();
        for (JsonValue v : found) {
            JsonObject u = v.asJsonObject();
            JsonObject attributes = u.getJsonObject("attributes");
            if (attributes != null && attributes.containsKey(Claims.USER_ID)
                    && strings(attributes.getJsonArray(Claims.USER_ID)).contains(id)) {
                return u;
            }
        }
        throw new NotFound("account-not-found", id);
    }

    private static AccountView view(KeycloakAdmin admin, String realm, String entUserId, JsonObject user) {
        String id = user.getString("id");
        Set<String> held = roles(admin, realm, id);
        JsonObject attributes = user.getJsonObject("attributes");
        List<String> uais = attributes != null && attributes.containsKey(Claims.ADMIN_STRUCTURES)
                ? strings(attributes.getJsonArray(Claims.ADMIN_STRUCTURES)).stream().sorted().toList() : List.of();
        return new AccountView(entUserId, user.getString("username"), user.getBoolean("enabled", true),
                FUNCTIONS.stream().filter(held::contains).toList(), uais, hasSecondFactor(admin, realm, id));
    }

    static Set<String> roles(KeycloakAdmin admin, String realm, String id) {
        Set<String> names = new TreeSet<>();
        for (JsonValue r : admin.get(realm + "/users/" + id + "/role-mappings/realm").array()) {
            names.add(r.asJsonObject().getString("name"));
        }
        return names;
    }

    private static void role(KeycloakAdmin admin, String realm, String id, String role, Set<String> held,
            boolean wanted) {
        if (wanted == held.contains(role)) {
            return;
        }
        JsonObject representation = admin.get(realm + "/roles/" + role).object();
        JsonArray body = Json.createArrayBuilder().add(representation).build();
        String path = realm + "/users/" + id + "/role-mappings/realm";
        KeycloakAdmin.Response r = admin.send(wanted ? "POST" : "DELETE", path, body);
        if (r.status() >= 300) {
            throw new KeycloakException((wanted ? "POST " : "DELETE ") + path + " answered " + r.status(), r.status());
        }
    }

    static boolean hasSecondFactor(KeycloakAdmin admin, String realm, String id) {
        for (JsonValue c : admin.get(realm + "/users/" + id + "/credentials").array()) {
            if ("otp".equals(c.asJsonObject().getString("type", ""))) {
                return true;
            }
        }
        return false;
    }

    static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    values.add(s.getString());
                }
            }
        }
        return values;
    }
}
