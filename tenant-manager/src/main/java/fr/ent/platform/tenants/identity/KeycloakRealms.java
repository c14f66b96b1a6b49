package fr.ent.platform.tenants.identity;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.branding.Branding;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@link IdentityRealms} on a Keycloak server. A missing realm is created in one POST (realm, roles, clients,
 * mappers, the probe's account and the browser flow together, so that it exists whole or not at all), then its user
 * profile is declared; an existing one is reconciled part by part, which makes the REALM step and the start-up pass
 * safe to re-run.
 */
public class KeycloakRealms implements IdentityRealms {

    private static final Logger LOG = Logger.getLogger(KeycloakRealms.class.getName());
    public static final String PLATFORM_REALM = Realms.PLATFORM;
    public static final String OPERATOR_CLIENT = "operator";

    private final KeycloakAdmin admin;
    private final PortalUrls portal;
    private final Optional<String> operatorSecret;
    private final ProbeAccount probe;
    private final RealmAdminAccount administration;
    private final Function<Collectivity, Branding> branding;
    private final PasswordHashing hashing;

    public KeycloakRealms(KeycloakAdmin admin, PortalUrls portal, Optional<String> operatorSecret) {
        this(admin, portal, operatorSecret, c -> Branding.NONE);
    }

    /** {@code branding}: the registry's branding of a collectivity, written into its realm for the login theme. */
    public KeycloakRealms(KeycloakAdmin admin, PortalUrls portal, Optional<String> operatorSecret,
            Function<Collectivity, Branding> branding) {
        this(admin, portal, operatorSecret, branding, PasswordHashing.KEYCLOAK_DEFAULT);
    }

    /** {@code hashing}: how the realms it makes hash passwords (Keycloak's default in production). */
    public KeycloakRealms(KeycloakAdmin admin, PortalUrls portal, Optional<String> operatorSecret,
            Function<Collectivity, Branding> branding, PasswordHashing hashing) {
        this.hashing = hashing;
        this.branding = branding;
        this.admin = admin;
        this.portal = portal;
        this.operatorSecret = operatorSecret;
        this.probe = new ProbeAccount(this, admin);
        this.administration = new RealmAdminAccount(this, admin);
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    @Override
    public void ensureRealm(Collectivity c) {
        String realm = c.names().realm();
        boolean created = false;
        if (admin.find(realm).isEmpty()) {
            JsonObject definition = RealmDefinition.full(c, portal, branding.apply(c), hashing);
            KeycloakAdmin.Response r = admin.send("POST", "", definition);
            created = r.status() == 201;
            if (created) {
                RealmAdminAccount.secretIn(definition).ifPresent(secret -> admin.realmAccountCreated(realm, secret));
            }
            if (!created && r.status() != 409) { // 409: created meanwhile by a concurrent attempt; reconcile it
                throw new KeycloakException("realm " + realm + " not created: " + r.status() + " " + r.body(),
                        r.status());
            }
        }
        if (!created) {
            admin.put(realm, RealmDefinition.settings(c, branding.apply(c), portal, hashing));
            ensureRoles(realm, RealmDefinition.ROLES);
            ensureClient(realm, RealmDefinition.apiClient(), List.of());
            ensureClient(realm, RealmDefinition.portalClient(c, portal, false), RealmDefinition.portalMappers(c));
            administration.ensure(realm);
            probe.ensure(realm);
            BrowserFlow.ensure(admin, realm);
        }
        declareUserAttributes(realm);
        String outcome = created ? " created" : " reconciled";
        LOG.info(() -> "realm " + realm + outcome);
    }

    @Override
    public void setEnabled(Collectivity c, boolean enabled) {
        String realm = c.names().realm();
        if (admin.find(realm).isEmpty()) {
            return;
        }
        admin.put(realm, Json.createObjectBuilder().add("enabled", enabled).build());
        if (!enabled) {
            // Disabling stops logins and refreshes; ending the sessions also pushes "not before" to the clients.
            admin.post(realm + "/logout-all", null);
        }
    }

    @Override
    public void deleteRealm(Collectivity c) {
        admin.delete(c.names().realm());
    }

    @Override
    public void updateDomains(Collectivity c) {
        ensureClient(c.names().realm(), RealmDefinition.portalClient(c, portal, false), List.of());
    }

    @Override
    public void updateBranding(Collectivity c) {
        String realm = c.names().realm();
        if (admin.find(realm).isEmpty()) {
            return; // the REALM step writes it when it creates the realm
        }
        admin.put(realm, Json.createObjectBuilder()
                .add("attributes", RealmDefinition.brandingAttributes(c, branding.apply(c), portal)).build());
    }

    @Override
    public boolean exists(Collectivity c) {
        return admin.find(c.names().realm()).isPresent();
    }

    @Override
    public Optional<String> probeSecret(Collectivity c) {
        return probe.secret(c.names().realm());
    }

    @Override
    public void ensurePlatformRealm() {
        if (admin.find(PLATFORM_REALM).isEmpty()) {
            KeycloakAdmin.Response r = admin.send("POST", "", RealmDefinition.security(hashing)
                    .add("realm", PLATFORM_REALM)
                    .add("displayName", "Hébergement ENT — exploitation")
                    .add("enabled", true).build());
            if (r.status() != 201 && r.status() != 409) {
                throw new KeycloakException("realm platform not created: " + r.status() + " " + r.body(), r.status());
            }
            LOG.info("realm platform created");
        }
        ensureRoles(PLATFORM_REALM, List.of(RealmRoles.PLATFORM_ADMIN));
        var operator = RealmDefinition.serviceAccountClient(OPERATOR_CLIENT, "Exploitation (compte de service)");
        if (operatorSecret.isPresent()) {
            operator.add("secret", operatorSecret.get());
        } else {
            LOG.warning("ent.keycloak.operator-client-secret is not set: the operator client of realm platform keeps"
                    + " the secret Keycloak generated (read it in the Keycloak console)");
        }
        // Its tokens name the admin API as audience: the admin API refuses platform tokens made for anything else.
        String clientId = ensureClient(PLATFORM_REALM, operator.build(), List.of(RealmDefinition.mapper(
                "tenant-manager audience", "oidc-audience-mapper", java.util.Map.of(
                        "included.custom.audience", Realms.ADMIN_API_AUDIENCE,
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true"))));
        String serviceAccount = admin.get(PLATFORM_REALM + "/clients/" + clientId + "/service-account-user")
                .object().getString("id");
        JsonObject role = admin.get(PLATFORM_REALM + "/roles/" + RealmRoles.PLATFORM_ADMIN).object();
        admin.post(PLATFORM_REALM + "/users/" + serviceAccount + "/role-mappings/realm",
                Json.createArrayBuilder().add(role).build());
    }

    void ensureRoles(String realm, List<String> roles) {
        Set<String> present = new HashSet<>();
        for (JsonValue r : admin.get(realm + "/roles?briefRepresentation=true").array()) {
            present.add(r.asJsonObject().getString("name"));
        }
        for (String role : roles) {
            if (!present.contains(role)) {
                KeycloakAdmin.Response r = admin.send("POST", realm + "/roles",
                        Json.createObjectBuilder().add("name", role).build());
                if (r.status() != 201 && r.status() != 409) {
                    throw new KeycloakException("role " + role + " not created in " + realm + ": " + r.body(),
                            r.status());
                }
            }
        }
    }

    /** Creates or updates the client (matched by clientId) and its mappers (matched by name); returns its id. */
    String ensureClient(String realm, JsonObject client, List<JsonObject> mappers) {
        String clientId = client.getString("clientId");
        String id = findClient(realm, clientId).orElse(null);
        if (id == null) {
            KeycloakAdmin.Response r = admin.send("POST", realm + "/clients", client);
            if (r.status() == 201) {
                id = r.createdId();
            } else if (r.status() == 409) {
                id = findClient(realm, clientId).orElseThrow();
            } else {
                throw new KeycloakException("client " + clientId + " not created in " + realm + ": " + r.body(),
                        r.status());
            }
        } else {
            admin.put(realm + "/clients/" + id, client);
        }
        if (!mappers.isEmpty()) {
            Map<String, String> existing = new HashMap<>();
            for (JsonValue m : admin.get(realm + "/clients/" + id + "/protocol-mappers/models").array()) {
                existing.put(m.asJsonObject().getString("name"), m.asJsonObject().getString("id"));
            }
            for (JsonObject mapper : mappers) {
                String mapperId = existing.get(mapper.getString("name"));
                String path = realm + "/clients/" + id + "/protocol-mappers/models";
                if (mapperId == null) {
                    admin.post(path, mapper);
                } else {
                    admin.put(path + "/" + mapperId, Json.createObjectBuilder(mapper).add("id", mapperId).build());
                }
            }
        }
        return id;
    }

    Optional<String> findClient(String realm, String clientId) {
        var found = admin.get(realm + "/clients?clientId=" + Form.encode(clientId)).array();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getJsonObject(0).getString("id"));
    }

    /**
     * Keycloak 26 keeps only the user attributes its user profile declares: ours are declared, visible and editable
     * by administrators only. E-mail stops being required, since most pupils have none.
     */
    private void declareUserAttributes(String realm) {
        JsonObject profile = admin.get(realm + "/users/profile").object();
        JsonArrayBuilder attributes = Json.createArrayBuilder();
        Set<String> declared = new HashSet<>();
        for (JsonValue value : profile.getJsonArray("attributes")) {
            JsonObject attribute = value.asJsonObject();
            declared.add(attribute.getString("name"));
            if (attribute.getString("name").equals("email")) {
                attributes.add(Json.createObjectBuilder(attribute).remove("required"));
            } else {
                attributes.add(attribute);
            }
        }
        Map<String, Boolean> ours = Map.of(Claims.USER_ID, false, Claims.PROFILE, false,
                Claims.ADMIN_STRUCTURES, true, BrowserFlow.ACTIVATION_ATTRIBUTE, false,
                ActivationExpiry.EXPIRES_ATTRIBUTE, false);
        ours.forEach((name, multivalued) -> {
            if (!declared.contains(name)) {
                attributes.add(Json.createObjectBuilder()
                        .add("name", name)
                        .add("displayName", name)
                        .add("multivalued", multivalued)
                        .add("permissions", Json.createObjectBuilder()
                                .add("view", Json.createArrayBuilder().add("admin"))
                                .add("edit", Json.createArrayBuilder().add("admin"))));
            }
        });
        admin.put(realm + "/users/profile", Json.createObjectBuilder(profile).add("attributes", attributes).build());
    }
}
