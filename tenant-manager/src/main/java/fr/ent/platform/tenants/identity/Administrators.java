package fr.ent.platform.tenants.identity;

import fr.ent.platform.adminapi.AdministratorView;
import fr.ent.platform.identity.Claims;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collectivity's administrators as its console lists them (ADR 0025): the accounts of its realm holding
 * SUPER_ADMIN or ADMIN_LOCAL, with whether they configured their second factor (an OTP credential; the realm asks
 * one of every administrator, ADR 0013, so "no" means they have not signed in since becoming one). A few tens of
 * accounts: two role listings and one credential read per administrator.
 */
public class Administrators {

    private static final int MAX = 500;

    private final IdentityRealms realms;

    public Administrators(IdentityRealms realms) {
        this.realms = realms;
    }

    public List<AdministratorView> list(Collectivity c) {
        if (!(realms instanceof KeycloakRealms keycloak)) {
            throw new Unavailable("identity-not-configured");
        }
        KeycloakAdmin admin = keycloak.admin();
        String realm = c.names().realm();
        Map<String, JsonObject> accounts = new LinkedHashMap<>();
        for (String role : List.of(RealmRoles.SUPER_ADMIN, RealmRoles.ADMIN_LOCAL)) {
            for (JsonValue v : admin.get(realm + "/roles/" + role + "/users?briefRepresentation=false&max=" + MAX)
                    .array()) {
                JsonObject u = v.asJsonObject();
                accounts.putIfAbsent(u.getString("id"), u);
            }
        }
        List<AdministratorView> views = new ArrayList<>();
        for (JsonObject u : accounts.values()) {
            String id = u.getString("id");
            var held = AccountFunctions.roles(admin, realm, id);
            JsonObject attributes = u.getJsonObject("attributes");
            List<String> entIds = attributes == null ? List.of()
                    : AccountFunctions.strings(attributes.getJsonArray(Claims.USER_ID));
            List<String> uais = attributes == null ? List.of()
                    : AccountFunctions.strings(attributes.getJsonArray(Claims.ADMIN_STRUCTURES)).stream().sorted()
                            .toList();
            views.add(new AdministratorView(entIds.isEmpty() ? null : entIds.get(0), u.getString("username"),
                    u.getString("firstName", ""), u.getString("lastName", ""),
                    RealmRoles.FUNCTIONS.stream().filter(held::contains).toList(), uais,
                    u.getBoolean("enabled", true), AccountFunctions.hasSecondFactor(admin, realm, id)));
        }
        views.sort(Comparator.comparing(AdministratorView::lastName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(AdministratorView::login));
        return views;
    }
}
