package fr.ent.platform.tenants.identity;

import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.identity.Claims;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.branding.Branding;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * What a collectivity realm is, as Keycloak Admin REST API representations: security settings, the ENT roles,
 * the {@code portal} client (public, code flow with PKCE S256) with its claims, and the {@code ent-api} audience.
 */
public final class RealmDefinition {

    /**
     * The version of what {@link IdentityRealms#ensureRealm} makes of a realm (settings, roles, clients and mappers,
     * probe account, browser flow, user profile), recorded in the registry for each realm brought to it. Raise it
     * with any change to that definition: the next start of tenant-manager then reconciles every realm, and only
     * then (RealmReconciliation). {@code RealmDefinitionVersionTest} fails when the realm representation changes
     * while this number does not.
     */
    public static final int VERSION = 3;

    /** The people's roles of a collectivity realm: the directory profiles and the administration functions. */
    public static final List<String> ROLES = RealmRoles.COLLECTIVITY_USERS;
    public static final String PORTAL = Realms.PORTAL_CLIENT;
    /** Our login theme (module keycloak-theme); every Keycloak that serves collectivity realms must have it. */
    public static final String LOGIN_THEME = "ent";
    /** Realm attributes read by the login theme's template.ftl. */
    public static final String PRIMARY_COLOUR = "entPrimaryColor";
    public static final String ACCENT_COLOUR = "entAccentColor";
    public static final String LOGO_URL = "entLogoUrl";
    public static final String API = Realms.API_AUDIENCE;
    /**
     * What people's passwords must be. Activation codes (12+ characters) satisfy it; users choose their own at first
     * login. The hashing is Keycloak's default unless {@link PasswordHashing} adds its terms.
     */
    public static final String PASSWORD_POLICY = "length(12) and notUsername and passwordHistory(3)";
    // User attributes (Claims.USER_ID, PROFILE, ADMIN_STRUCTURES) are declared in the realm's user profile: only
    // administrators can see or change them.

    private RealmDefinition() {
    }

    /**
     * The whole realm for the one POST that creates it: settings, roles, the portal, API and probe clients (with
     * the probe's service account and a new secret), and the browser flow with its bindings. A realm thus exists
     * whole or not at all, in one call whatever its contents (ADR 0013).
     */
    public static JsonObject full(Collectivity c, PortalUrls portal) {
        return full(c, portal, Branding.NONE);
    }

    /** The whole realm, with the collectivity's branding for our login theme ({@link #brandingAttributes}). */
    public static JsonObject full(Collectivity c, PortalUrls portal, Branding branding) {
        return full(c, portal, branding, PasswordHashing.KEYCLOAK_DEFAULT);
    }

    /** The whole realm, its passwords hashed as {@code hashing} says. */
    public static JsonObject full(Collectivity c, PortalUrls portal, Branding branding, PasswordHashing hashing) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        ROLES.forEach(r -> roles.add(Json.createObjectBuilder().add("name", r)));
        roles.add(Json.createObjectBuilder().add("name", RealmRoles.PROBE));
        JsonObjectBuilder realm = settingsBuilder(c, hashing)
                .add("attributes", brandingAttributes(c, branding, portal))
                .add("realm", c.names().realm())
                .add("roles", Json.createObjectBuilder().add("realm", roles))
                .add("clients", Json.createArrayBuilder().add(portalClient(c, portal, true)).add(apiClient())
                        .add(ProbeAccount.newClient()).add(RealmAdminAccount.newClient()))
                .add("users", Json.createArrayBuilder().add(ProbeAccount.serviceAccount())
                        .add(RealmAdminAccount.serviceAccount()));
        BrowserFlow.addTo(realm);
        return realm.build();
    }

    /**
     * The realm-level settings with the branding attributes, for updating an existing realm: the password policy
     * included, so that a change of {@code hashing} reaches the realms the REALM step is run again for (Keycloak
     * re-hashes a password with the new algorithm at its owner's next sign-in).
     */
    public static JsonObject settings(Collectivity c, Branding branding, PortalUrls portal, PasswordHashing hashing) {
        return settingsBuilder(c, hashing).add("attributes", brandingAttributes(c, branding, portal)).build();
    }

    /**
     * What our login theme ({@value #LOGIN_THEME}, module keycloak-theme) reads from the realm: the colours and the
     * logo's URL on the collectivity's portal, which serves it (docs/identity.md says why). Every
     * key is always written, empty when unset, so that a removed colour or logo is removed from the realm too
     * (Keycloak keeps attributes a representation does not name).
     */
    public static JsonObject brandingAttributes(Collectivity c, Branding branding, PortalUrls portal) {
        String logo = branding.logoPath().map(path -> portal.of(c.domains().getFirst()) + path).orElse("");
        return Json.createObjectBuilder()
                .add(PRIMARY_COLOUR, branding.primary().map(BrandColour::hex).orElse(""))
                .add(ACCENT_COLOUR, branding.accent().map(BrandColour::hex).orElse(""))
                .add(LOGO_URL, logo)
                .build();
    }

    /** A suspended or archived collectivity's realm is disabled: no login, no refresh. */
    public static boolean enabled(Collectivity c) {
        return c.state() != TenantState.SUSPENDED && c.state() != TenantState.ARCHIVED
                && c.state() != TenantState.DELETED;
    }

    static JsonObjectBuilder security(PasswordHashing hashing) {
        return Json.createObjectBuilder()
                .add("loginTheme", LOGIN_THEME)
                .add("internationalizationEnabled", true)
                .add("supportedLocales", Json.createArrayBuilder().add("fr").add("en").add("es"))
                .add("defaultLocale", "fr")
                .add("passwordPolicy", hashing.policy(PASSWORD_POLICY))
                .add("bruteForceProtected", true)
                .add("failureFactor", 10)
                .add("permanentLockout", false)
                .add("otpPolicyType", "totp")
                .add("otpPolicyAlgorithm", "HmacSHA1")
                .add("otpPolicyDigits", 6)
                .add("otpPolicyPeriod", 30)
                .add("sslRequired", "external");
    }

    private static JsonObjectBuilder settingsBuilder(Collectivity c, PasswordHashing hashing) {
        return security(hashing).add("displayName", c.displayName()).add("enabled", enabled(c));
    }

    /** The portal client; {@code withMappers} only on creation (mappers are reconciled one by one afterwards). */
    public static JsonObject portalClient(Collectivity c, PortalUrls portal, boolean withMappers) {
        JsonArrayBuilder redirects = Json.createArrayBuilder();
        JsonArrayBuilder origins = Json.createArrayBuilder();
        for (String base : portal.all(c)) {
            redirects.add(base + "/*");
            origins.add(base);
        }
        String postLogout = String.join("##", portal.all(c).stream().map(b -> b + "/*").toList());
        JsonObjectBuilder client = Json.createObjectBuilder()
                .add("clientId", PORTAL)
                .add("name", "Portail ENT")
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", true)
                .add("standardFlowEnabled", true)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("serviceAccountsEnabled", false)
                .add("frontchannelLogout", false)
                .add("baseUrl", portal.of(c.domains().getFirst()))
                .add("redirectUris", redirects)
                .add("webOrigins", origins)
                .add("attributes", Json.createObjectBuilder()
                        .add("pkce.code.challenge.method", "S256")
                        .add("post.logout.redirect.uris", postLogout)
                        .add("backchannel.logout.url", portal.backchannelLogout(c))
                        .add("backchannel.logout.session.required", "true")
                        .add("backchannel.logout.revoke.offline.tokens", "false"));
        if (withMappers) {
            JsonArrayBuilder mappers = Json.createArrayBuilder();
            portalMappers(c).forEach(mappers::add);
            client.add("protocolMappers", mappers);
        }
        return client.build();
    }

    /** The API audience: a client with no flow, named in the portal's access tokens ({@code aud}). */
    public static JsonObject apiClient() {
        return Json.createObjectBuilder()
                .add("clientId", API)
                .add("name", "API ENT (audience)")
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", false)
                .add("bearerOnly", false)
                .add("standardFlowEnabled", false)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("serviceAccountsEnabled", false)
                .build();
    }

    /**
     * A confidential client used only through its service account (client credentials): no browser or password
     * login. The operator's client of realm {@code platform} and each collectivity realm's probe client.
     */
    static JsonObjectBuilder serviceAccountClient(String clientId, String name) {
        return Json.createObjectBuilder()
                .add("clientId", clientId)
                .add("name", name)
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", false)
                .add("bearerOnly", false)
                .add("clientAuthenticatorType", "client-secret")
                .add("standardFlowEnabled", false)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("serviceAccountsEnabled", true)
                .add("fullScopeAllowed", true);
    }

    /** The claims the runtime relies on: audience, directory user id, profile, administered structures, collectivity. */
    public static List<JsonObject> portalMappers(Collectivity c) {
        return List.of(
                mapper("ent-api audience", "oidc-audience-mapper", Map.of(
                        "included.client.audience", API,
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true")),
                attribute(Claims.USER_ID, Claims.USER_ID, false),
                attribute(Claims.PROFILE, Claims.PROFILE, false),
                attribute(Claims.ADMIN_STRUCTURES, Claims.ADMIN_STRUCTURES, true),
                mapper(Claims.COLLECTIVITY, "oidc-hardcoded-claim-mapper", Map.of(
                        "claim.name", Claims.COLLECTIVITY,
                        "claim.value", c.slug(),
                        "jsonType.label", "String",
                        "access.token.claim", "true",
                        "id.token.claim", "true",
                        "userinfo.token.claim", "true",
                        "introspection.token.claim", "true")));
    }

    private static JsonObject attribute(String attribute, String claim, boolean multivalued) {
        return mapper(claim, "oidc-usermodel-attribute-mapper", Map.of(
                "user.attribute", attribute,
                "claim.name", claim,
                "jsonType.label", "String",
                "multivalued", String.valueOf(multivalued),
                "access.token.claim", "true",
                "id.token.claim", "true",
                "userinfo.token.claim", "true",
                "introspection.token.claim", "true"));
    }

    static JsonObject mapper(String name, String type, Map<String, String> config) {
        JsonObjectBuilder c = Json.createObjectBuilder();
        config.forEach(c::add);
        return Json.createObjectBuilder().add("name", name).add("protocol", "openid-connect")
                .add("protocolMapper", type).add("config", c).build();
    }
}
