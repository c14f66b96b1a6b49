package fr.ent.platform.tenants.brokering;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.identity.ActivationExpiry;
import fr.ent.platform.tenants.identity.BrowserFlow;
import fr.ent.platform.tenants.identity.FirstBrokerLogin;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.KeycloakException;
import fr.ent.platform.tenants.identity.RealmDefinition;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Upstream identity providers in a collectivity's realm, and the links that make a login through them land on the
 * right ENT account (ADR 0011). Keycloak looks a brokered login up by (provider alias, upstream subject) among the
 * accounts' federated identities: we create those links ourselves from the directory's {@code ent_user_identity},
 * and give every provider a first-broker-login flow that only refuses, so an identity without a link never gets an
 * account and is never matched by e-mail or username.
 */
public class Brokering {

    private static final Logger LOG = Logger.getLogger(Brokering.class.getName());
    /** The first-broker-login flow of every provider: refuse, with a message naming what to do. */
    public static final String REFUSAL_FLOW = FirstBrokerLogin.FLOW;
    /** Key of the refusal message in the realm's localization texts (French and English). */
    public static final String REFUSAL_MESSAGE = "entIdentiteNonReliee";
    private static final Map<String, String> REFUSAL_TEXTS = Map.of(
            "fr", "Cette identité n'est reliée à aucun compte de l'ENT de votre collectivité. Adressez-vous à"
                    + " l'administrateur de l'ENT de votre établissement.",
            "en", "This identity is not linked to any account of your collectivity's ENT. Please contact your"
                    + " school's ENT administrator.");
    private static final int PAGE = 1000;

    private final IdentityRealms realms;
    private final UpstreamProviderStore store;
    private final ExternalIdentities identities;

    public Brokering(IdentityRealms realms, UpstreamProviderStore store, ExternalIdentities identities) {
        this.realms = realms;
        this.store = store;
        this.identities = identities;
    }

    public UpstreamProviderStore store() {
        return store;
    }

    public ExternalIdentities identities() {
        return identities;
    }

    /** Keycloak's admin client; unavailable (identity-not-configured) without Keycloak. */
    private KeycloakAdmin admin() {
        if (!(realms instanceof KeycloakRealms keycloak)) {
            throw new Unavailable("identity-not-configured");
        }
        return keycloak.admin();
    }

    /** What {@link #link} changed in Keycloak. */
    public record Links(int linked, int alreadyLinked, int unlinked, int withoutAccount) {
    }

    /**
     * Keycloak's reading of an OIDC discovery document or SAML metadata (endpoints, issuer, entity id,
     * certificates), through {@code identity-provider/import-config}; fails with KeycloakException if unreadable.
     */
    public Map<String, String> discover(Collectivity c, UpstreamProvider.Kind kind, String url) {
        JsonObject config = admin().post(c.names().realm() + "/identity-provider/import-config",
                Json.createObjectBuilder().add("providerId", kind.keycloakProviderId()).add("fromUrl", url).build())
                .object();
        Map<String, String> settings = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (v instanceof JsonString s) {
                settings.put(k, s.getString());
            } else if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
                settings.put(k, v.toString());
            }
        });
        return settings;
    }

    /** The provider in the realm as the registry has it (created or replaced), then its accounts linked. */
    public Links apply(Collectivity c, UpstreamProvider provider) throws SQLException {
        String realm = c.names().realm();
        ensureRefusalFlow(realm);
        BrowserFlow.ensurePostBroker(admin(), realm);
        JsonObject representation = representation(provider);
        String path = realm + "/identity-provider/instances/" + encode(provider.alias());
        if (admin().find(path).isPresent()) {
            admin().put(path, representation);
        } else {
            KeycloakAdmin.Response r = admin().send("POST", realm + "/identity-provider/instances", representation);
            if (r.status() == 409) {
                admin().put(path, representation);
            } else if (!r.ok()) {
                throw new KeycloakException("identity provider " + provider.alias() + " not created in " + realm
                        + ": " + r.status() + " " + r.body(), r.status());
            }
        }
        Links links = link(c, provider.alias());
        LOG.info(() -> "tenant=" + c.slug() + " identity provider " + provider.alias() + " applied: " + links);
        return links;
    }

    /** Every provider the registry has for the collectivity, e.g. after its realm was re-created. */
    public void applyAll(Collectivity c) throws SQLException {
        for (UpstreamProvider p : store.list(c)) {
            apply(c, p);
        }
    }

    /**
     * Links the accounts of every provider of the collectivity (after an account sync created some). Returns the
     * directory ids of the people linked to at least one provider: their activation code, if any, is withdrawn.
     */
    public java.util.Set<UUID> linkAll(Collectivity c) throws SQLException {
        java.util.Set<UUID> linked = new java.util.HashSet<>();
        for (UpstreamProvider p : store.list(c)) {
            link(c, p.alias());
            linked.addAll(identities.of(c.names(), p.alias()).keySet());
        }
        return linked;
    }

    /** {@link #applyAll} for the start-up reconciliation, which reports failures as unchecked. */
    public void reapply(Collectivity c) {
        try {
            applyAll(c);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " identity providers not reapplied: "
                    + e.getMessage(), e);
        }
    }

    /** Removes the provider from the realm; Keycloak removes its accounts' links with it. */
    public void remove(Collectivity c, String alias) {
        admin().delete(c.names().realm() + "/identity-provider/instances/" + encode(alias));
    }

    /**
     * Makes the accounts' links to this provider equal to the directory's: a missing link is created, a link to
     * another subject is replaced, a link the directory no longer has is removed. Accounts are found by their
     * {@code ent_user_id}; a directory person without an account yet is counted and linked by a later call
     * (account sync links the accounts it creates).
     */
    public Links link(Collectivity c, String alias) throws SQLException {
        String realm = c.names().realm();
        Map<UUID, String> wanted = identities.of(c.names(), alias);
        Map<String, String> accountByEntId = accounts(realm);
        Map<String, String> current = linkedAccounts(realm, alias); // Keycloak user id -> subject
        int linked = 0;
        int already = 0;
        int unlinked = 0;
        int withoutAccount = 0;
        Map<String, String> keep = new HashMap<>();
        for (Map.Entry<UUID, String> e : wanted.entrySet()) {
            String account = accountByEntId.get(e.getKey().toString());
            if (account == null) {
                withoutAccount++;
                continue;
            }
            keep.put(account, e.getValue());
        }
        for (Map.Entry<String, String> e : current.entrySet()) {
            if (!e.getValue().equals(keep.get(e.getKey()))) {
                admin().delete(realm + "/users/" + e.getKey() + "/federated-identity/" + encode(alias));
                unlinked++;
            }
        }
        for (Map.Entry<String, String> e : keep.entrySet()) {
            if (e.getValue().equals(current.get(e.getKey()))) {
                already++;
                continue;
            }
            KeycloakAdmin.Response r = admin().send("POST", realm + "/users/" + e.getKey() + "/federated-identity/"
                    + encode(alias), Json.createObjectBuilder().add("identityProvider", alias)
                            .add("userId", e.getValue()).add("userName", e.getValue()).build());
            if (!r.ok()) {
                // 409: the subject is linked to another account of the realm; the directory said otherwise, so the
                // stale link was removed above unless it belongs to an account without ent_user_id (made by hand).
                throw new KeycloakException("link of " + alias + " subject to account " + e.getKey() + " refused: "
                        + r.status() + " " + r.body(), r.status());
            }
            withdrawActivation(realm, e.getKey());
            linked++;
        }
        // Accounts made in the directory (ADR 0043): the same rule, on the codes not yet imported into Keycloak.
        identities.withdrawCodes(c.names(), alias);
        return new Links(linked, already, unlinked, withoutAccount);
    }

    /**
     * An account never activated (its activation code still pending as a temporary password) loses that code when
     * it is linked: the person signs in through the provider, and Keycloak would otherwise ask them, after the
     * provider's login, to choose a password. Removing only the required action would make the code a permanent
     * password, so the credential goes too, and so does the code's expiry. An activated account keeps its password.
     */
    private void withdrawActivation(String realm, String userId) {
        JsonObject user = admin().get(realm + "/users/" + userId).object();
        JsonArray actions = user.getJsonArray("requiredActions");
        if (actions == null || !actions.getValuesAs(JsonString.class).stream()
                .anyMatch(a -> a.getString().equals("UPDATE_PASSWORD"))) {
            return;
        }
        for (JsonValue credential : admin().get(realm + "/users/" + userId + "/credentials").array()) {
            if ("password".equals(credential.asJsonObject().getString("type", ""))) {
                admin().delete(realm + "/users/" + userId + "/credentials/" + credential.asJsonObject().getString("id"));
            }
        }
        var remaining = Json.createArrayBuilder();
        actions.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .filter(a -> !a.equals("UPDATE_PASSWORD")).forEach(remaining::add);
        JsonObjectBuilder updated = Json.createObjectBuilder(user).add("requiredActions", remaining);
        JsonObject attributes = user.getJsonObject("attributes");
        if (attributes != null && attributes.containsKey(ActivationExpiry.EXPIRES_ATTRIBUTE)) {
            // The withdrawn code's expiry goes with it: left behind, it would mark as expired a temporary password
            // an administrator gives this account later.
            updated.add("attributes", Json.createObjectBuilder(attributes).remove(ActivationExpiry.EXPIRES_ATTRIBUTE));
        }
        admin().put(realm + "/users/" + userId, updated.build());
    }

    private JsonObject representation(UpstreamProvider p) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        p.settings().forEach(config::add);
        // Names are kept as the directory has them: the provider's claims never overwrite an account.
        config.add("syncMode", "IMPORT");
        if (p.kind() == UpstreamProvider.Kind.OIDC) {
            p.clientSecret().ifPresent(s -> config.add("clientSecret", s));
            config.add("clientAuthMethod", "client_secret_post")
                    .add("validateSignature", "true")
                    .add("useJwksUrl", "true")
                    .add("pkceEnabled", "true")
                    .add("pkceMethod", "S256")
                    .add("backchannelSupported", "false");
        } else {
            config.add("validateSignature", "true")
                    .add("postBindingResponse", "true")
                    .add("postBindingAuthnRequest", "true")
                    .add("wantAuthnRequestsSigned", "false");
        }
        return Json.createObjectBuilder()
                .add("alias", p.alias())
                .add("displayName", p.displayName())
                .add("providerId", p.kind().keycloakProviderId())
                .add("enabled", true)
                .add("trustEmail", false)
                .add("storeToken", false)
                .add("addReadTokenRoleOnCreate", false)
                .add("linkOnly", false)
                .add("hideOnLogin", false)
                .add("firstBrokerLoginFlowAlias", REFUSAL_FLOW)
                // Administrators give their second factor after the upstream login too (ADR 0013).
                .add("postBrokerLoginFlowAlias", BrowserFlow.POST_BROKER_ALIAS)
                .add("config", config)
                .build();
    }

    /** The refusal flow (one "deny access" step with our message), created once per realm. */
    private void ensureRefusalFlow(String realm) {
        admin().post(realm + "/localization/fr", object(Map.of(REFUSAL_MESSAGE, REFUSAL_TEXTS.get("fr"))));
        admin().post(realm + "/localization/en", object(Map.of(REFUSAL_MESSAGE, REFUSAL_TEXTS.get("en"))));
        boolean exists = false;
        for (JsonValue f : admin().get(realm + "/authentication/flows").array()) {
            exists |= REFUSAL_FLOW.equals(f.asJsonObject().getString("alias"));
        }
        if (!exists) {
            KeycloakAdmin.Response r = admin().send("POST", realm + "/authentication/flows", Json.createObjectBuilder()
                    .add("alias", REFUSAL_FLOW)
                    .add("description", "Première connexion par un fournisseur d'identité : refusée. Les comptes"
                            + " de l'ENT viennent de l'annuaire et sont reliés à l'avance (ADR 0011).")
                    .add("providerId", "basic-flow").add("topLevel", true).add("builtIn", false).build());
            if (!r.ok() && r.status() != 409) {
                throw new KeycloakException("flow " + REFUSAL_FLOW + " not created in " + realm + ": " + r.body(),
                        r.status());
            }
        }
        String executions = realm + "/authentication/flows/" + REFUSAL_FLOW + "/executions";
        JsonObject deny = denyStep(executions);
        if (deny == null) {
            admin().post(executions + "/execution",
                    Json.createObjectBuilder().add("provider", "deny-access-authenticator").build());
            deny = denyStep(executions);
        }
        if (!deny.containsKey("authenticationConfig")) {
            admin().post(realm + "/authentication/executions/" + deny.getString("id") + "/config",
                    Json.createObjectBuilder().add("alias", REFUSAL_FLOW + "-message")
                            .add("config", Json.createObjectBuilder().add("denyErrorMessage", REFUSAL_MESSAGE))
                            .build());
        }
        // The refusal alone (REQUIRED), or after the directory's step when the realm's people come from the
        // directory provider (ADR 0043): a person never imported is found there by their upstream subject.
        FirstBrokerLogin.arrange(admin(), realm);
    }

    private JsonObject denyStep(String executions) {
        for (JsonValue e : admin().get(executions).array()) {
            if ("deny-access-authenticator".equals(e.asJsonObject().getString("providerId", ""))) {
                return e.asJsonObject();
            }
        }
        return null;
    }

    /** Keycloak user id by ent_user_id, over all accounts of the realm. */
    private Map<String, String> accounts(String realm) {
        Map<String, String> byEntId = new HashMap<>();
        for (int first = 0; ; first += PAGE) {
            JsonArray page = admin().get(realm + "/users?briefRepresentation=false&first=" + first + "&max=" + PAGE)
                    .array();
            for (JsonValue value : page) {
                JsonObject user = value.asJsonObject();
                JsonObject attributes = user.getJsonObject("attributes");
                if (attributes != null && attributes.containsKey(Claims.USER_ID)) {
                    for (JsonString id : attributes.getJsonArray(Claims.USER_ID)
                            .getValuesAs(JsonString.class)) {
                        byEntId.put(id.getString(), user.getString("id"));
                    }
                }
            }
            if (page.size() < PAGE) {
                return byEntId;
            }
        }
    }

    /** Accounts linked to this provider: Keycloak user id -> upstream subject. */
    private Map<String, String> linkedAccounts(String realm, String alias) {
        Map<String, String> linked = new HashMap<>();
        for (int first = 0; ; first += PAGE) {
            JsonArray page = admin().get(realm + "/users?briefRepresentation=true&idpAlias=" + encode(alias)
                    + "&first=" + first + "&max=" + PAGE).array();
            for (JsonValue value : page) {
                String id = value.asJsonObject().getString("id");
                for (JsonValue f : admin().get(realm + "/users/" + id + "/federated-identity").array()) {
                    if (alias.equals(f.asJsonObject().getString("identityProvider"))) {
                        linked.put(id, f.asJsonObject().getString("userId"));
                    }
                }
            }
            if (page.size() < PAGE) {
                return linked;
            }
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonObject object(Map<String, String> values) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        values.forEach(b::add);
        return b.build();
    }
}
