package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The browser login flow of a collectivity realm, bound in place of Keycloak's built-in {@code browser}:
 *
 * <pre>
 * ent-browser-v1                         (SSO cookie | identity provider redirect | forms)
 *   auth-cookie                          ALTERNATIVE
 *   identity-provider-redirector         ALTERNATIVE
 *   ent-browser-v1-forms                 ALTERNATIVE
 *     auth-username-password-form        REQUIRED
 *     ...-activation-expired             CONDITIONAL  user attribute ent_activation = expired → deny access
 *     ...-otp-SUPER_ADMIN                CONDITIONAL  role SUPER_ADMIN → OTP form
 *     ...-otp-ADMIN_LOCAL                CONDITIONAL  role ADMIN_LOCAL and not SUPER_ADMIN → OTP form
 *     ...-otp-configured                 CONDITIONAL  none of those roles, OTP configured → OTP form
 * </pre>
 *
 * Conditions inside one conditional sub-flow are ANDed, and "Condition - user role" takes one role: "any of the
 * administrator roles" is therefore one sub-flow per role, each excluding the roles before it, so that an OTP form
 * is shown once at most. An administrator without an OTP credential gets Keycloak's CONFIGURE_TOTP required action
 * (the OTP form is REQUIRED for them); everyone else logs in with a password, plus OTP if they chose to set one up
 * (what Keycloak's own browser flow does).
 *
 * <p>The structure is described once ({@link #STRUCTURE}) and reaches Keycloak in one of two ways (ADR 0013):
 * <ul>
 * <li>a new realm carries it inside the request that creates the realm ({@link #addTo}): no extra call;</li>
 * <li>an existing realm without it (made by an earlier version) gets it call by call ({@link #ensure}), under a
 * versioned alias bound only once complete, so that a crash half-way leaves the previous binding in place; an
 * incomplete, unbound copy is deleted and rebuilt on the next run (a bound flow that differs was changed by hand in
 * the console: left alone, with a warning). A new version of the structure gets a new alias ({@link #ALIAS}).</li>
 * </ul>
 */
final class BrowserFlow {

    private static final Logger LOG = Logger.getLogger(BrowserFlow.class.getName());
    static final String ALIAS = "ent-browser-v1";
    /** Set to {@value #EXPIRED} on accounts whose activation code expired unused ({@link ActivationExpiry}). */
    static final String ACTIVATION_ATTRIBUTE = "ent_activation";
    static final String EXPIRED = "expired";
    /**
     * Realm message (localization override) shown to a person who types an expired activation code. Keycloak
     * formats it with MessageFormat, where a straight quote escapes: the French text uses the typographic one.
     */
    static final String EXPIRED_MESSAGE_KEY = "entActivationExpired";
    static final Map<String, String> EXPIRED_MESSAGE = Map.of(
            "fr", "Votre code d’activation a expiré. Demandez un nouveau code à l’administrateur de l’ENT de votre "
                    + "établissement.",
            "en", "Your activation code has expired. Ask your school's ENT administrator for a new one.");

    /** A step of a flow: an authenticator (with its configuration, if any) or a sub-flow. */
    sealed interface Node permits Execution, SubFlow {
        String requirement();
    }

    record Execution(String provider, String requirement, Map<String, String> config) implements Node {
    }

    record SubFlow(String alias, String requirement, List<Node> steps) implements Node {
    }

    /** The flow's steps, in order. */
    static final List<Node> STRUCTURE = structure();

    private static List<Node> structure() {
        List<Node> forms = new ArrayList<>();
        forms.add(new Execution("auth-username-password-form", "REQUIRED", null));
        forms.add(new SubFlow(ALIAS + "-activation-expired", "CONDITIONAL", List.of(
                new Execution("conditional-user-attribute", "REQUIRED", Map.of("attribute_name", ACTIVATION_ATTRIBUTE,
                        "attribute_expected_value", EXPIRED, "not", "false")),
                new Execution("deny-access-authenticator", "REQUIRED", Map.of("denyErrorMessage",
                        EXPIRED_MESSAGE_KEY)))));
        List<String> before = new ArrayList<>();
        for (String role : RealmDefinition.OTP_ROLES) {
            List<Node> otp = new ArrayList<>();
            otp.add(role(role, false));
            before.forEach(other -> otp.add(role(other, true)));
            otp.add(new Execution("auth-otp-form", "REQUIRED", null));
            forms.add(new SubFlow(ALIAS + "-otp-" + role, "CONDITIONAL", otp));
            before.add(role);
        }
        List<Node> configured = new ArrayList<>();
        before.forEach(role -> configured.add(role(role, true)));
        configured.add(new Execution("conditional-user-configured", "REQUIRED", null));
        configured.add(new Execution("auth-otp-form", "REQUIRED", null));
        forms.add(new SubFlow(ALIAS + "-otp-configured", "CONDITIONAL", configured));
        return List.of(
                new Execution("auth-cookie", "ALTERNATIVE", null),
                new Execution("identity-provider-redirector", "ALTERNATIVE", null),
                new SubFlow(ALIAS + "-forms", "ALTERNATIVE", forms));
    }

    private static Execution role(String role, boolean negate) {
        return new Execution("conditional-user-role", "REQUIRED", Map.of("condUserRole", role,
                "negate", String.valueOf(negate)));
    }

    // ---- a new realm: the flow inside the creation request

    /**
     * Adds the flow, its configurations, its binding and its message to a realm representation for the POST that
     * creates the realm. When a representation lists flows, Keycloak creates only those (plus a few it adds after
     * an import: reset credentials, client authentication, first broker login, docker): the direct grant and
     * registration flows are therefore listed too ({@link DefaultFlows}).
     */
    static void addTo(JsonObjectBuilder realm) {
        JsonArrayBuilder flows = Json.createArrayBuilder();
        JsonArrayBuilder configs = Json.createArrayBuilder();
        describe(ALIAS, "Connexion ENT : mot de passe, OTP obligatoire pour les administrateurs", true, STRUCTURE,
                flows, configs, new int[1]);
        DefaultFlows.all().forEach(flows::add);
        JsonObjectBuilder texts = Json.createObjectBuilder();
        EXPIRED_MESSAGE.forEach((locale, text) -> texts.add(locale,
                Json.createObjectBuilder().add(EXPIRED_MESSAGE_KEY, text)));
        realm.add("authenticationFlows", flows)
                .add("authenticatorConfig", configs)
                .add("browserFlow", ALIAS)
                .add("directGrantFlow", DefaultFlows.DIRECT_GRANT)
                .add("registrationFlow", DefaultFlows.REGISTRATION)
                .add("localizationTexts", texts);
    }

    /** One flow representation per (sub-)flow, executions referring to sub-flows and configurations by alias. */
    private static void describe(String alias, String description, boolean topLevel, List<Node> steps,
            JsonArrayBuilder flows, JsonArrayBuilder configs, int[] configCount) {
        JsonArrayBuilder executions = Json.createArrayBuilder();
        int priority = 0;
        for (Node node : steps) {
            priority += 10;
            JsonObjectBuilder e = Json.createObjectBuilder().add("requirement", node.requirement())
                    .add("priority", priority).add("userSetupAllowed", false);
            if (node instanceof SubFlow sub) {
                e.add("authenticatorFlow", true).add("flowAlias", sub.alias());
                describe(sub.alias(), sub.alias(), false, sub.steps(), flows, configs, configCount);
            } else if (node instanceof Execution x) {
                e.add("authenticatorFlow", false).add("authenticator", x.provider());
                if (x.config() != null) {
                    String configAlias = alias + "-" + x.provider() + "-" + ++configCount[0];
                    JsonObjectBuilder values = Json.createObjectBuilder();
                    x.config().forEach(values::add);
                    configs.add(Json.createObjectBuilder().add("alias", configAlias).add("config", values));
                    e.add("authenticatorConfig", configAlias);
                }
            }
            executions.add(e);
        }
        flows.add(Json.createObjectBuilder().add("alias", alias).add("description", description)
                .add("providerId", "basic-flow").add("topLevel", topLevel).add("builtIn", false)
                .add("authenticationExecutions", executions));
    }

    // ---- an existing realm: checked, and built call by call when missing

    private final KeycloakAdmin admin;
    private final String realm;
    private final Map<String, Requirement> requirements = new LinkedHashMap<>();
    private int configs;

    BrowserFlow(KeycloakAdmin admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    /** Creates the flow if missing or incomplete, binds it as the realm's browser flow, sets its messages. */
    void ensure() {
        EXPIRED_MESSAGE.forEach((locale, text) -> admin.putText(
                realm + "/localization/" + locale + "/" + EXPIRED_MESSAGE_KEY, text));
        var existing = admin.find(realm + "/authentication/flows/" + ALIAS + "/executions");
        boolean bound = ALIAS.equals(admin.get(realm).object().getString("browserFlow", ""));
        if (existing.isPresent() && !complete(existing.get().array())) {
            if (bound) {
                // Changed by hand in the console after we bound it: an operator's decision, not a crash of ours.
                LOG.warning(() -> "realm " + realm + ": browser flow " + ALIAS + " differs from ours; left as is");
                return;
            }
            LOG.warning(() -> "realm " + realm + ": flow " + ALIAS + " incomplete (interrupted creation), rebuilt");
            deleteFlow();
            existing = Optional.empty();
        }
        if (existing.isEmpty()) {
            build();
        }
        if (!bound) {
            admin.put(realm, Json.createObjectBuilder().add("browserFlow", ALIAS).build());
        }
    }

    /** What the executions list of a complete flow contains, in order: (level, provider or sub-flow alias). */
    static List<String> expected() {
        List<String> steps = new ArrayList<>();
        expected(STRUCTURE, 0, steps);
        return steps;
    }

    private static void expected(List<Node> nodes, int level, List<String> into) {
        for (Node node : nodes) {
            if (node instanceof SubFlow sub) {
                into.add(level + " " + sub.alias());
                expected(sub.steps(), level + 1, into);
            } else if (node instanceof Execution x) {
                into.add(level + " " + x.provider());
            }
        }
    }

    private static boolean complete(JsonArray executions) {
        List<String> actual = new ArrayList<>();
        for (JsonValue v : executions) {
            JsonObject e = v.asJsonObject();
            String what = e.getBoolean("authenticationFlow", false) ? e.getString("displayName")
                    : e.getString("providerId", "?");
            actual.add(e.getInt("level") + " " + what);
        }
        return actual.equals(expected());
    }

    private void build() {
        long started = System.nanoTime();
        KeycloakAdmin.Response created = admin.send("POST", realm + "/authentication/flows", Json.createObjectBuilder()
                .add("alias", ALIAS)
                .add("description", "Connexion ENT : mot de passe, OTP obligatoire pour les administrateurs")
                .add("providerId", "basic-flow").add("topLevel", true).add("builtIn", false).build());
        if (created.status() != 201) {
            throw new KeycloakException("flow " + ALIAS + " not created in " + realm + ": " + created.body(),
                    created.status());
        }
        build(ALIAS, STRUCTURE);
        requireAll();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "realm " + realm + ": browser flow " + ALIAS + " created in " + millis + " ms");
    }

    private void build(String flow, List<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof SubFlow sub) {
                admin.post(realm + "/authentication/flows/" + flow + "/executions/flow", Json.createObjectBuilder()
                        .add("alias", sub.alias()).add("type", "basic-flow").add("provider", "registration-page-form")
                        .add("description", sub.alias()).build());
                requirements.put(sub.alias(), new Requirement(flow, sub.requirement()));
                build(sub.alias(), sub.steps());
            } else if (node instanceof Execution x) {
                execution(flow, x);
            }
        }
    }

    /** A requirement to set once everything exists: executions are created DISABLED. Key: id or sub-flow alias. */
    private record Requirement(String parent, String requirement) {
    }

    private void execution(String flow, Execution x) {
        KeycloakAdmin.Response r = admin.post(realm + "/authentication/flows/" + flow + "/executions/execution",
                Json.createObjectBuilder().add("provider", x.provider()).build());
        String id = r.createdId();
        requirements.put(id, new Requirement(flow, x.requirement()));
        if (x.config() != null) {
            var values = Json.createObjectBuilder();
            x.config().forEach(values::add);
            admin.post(realm + "/authentication/executions/" + id + "/config", Json.createObjectBuilder()
                    .add("alias", flow + "-" + x.provider() + "-" + ++configs)
                    .add("config", values).build());
        }
    }

    /** One read of the whole flow (every level), then one update per execution whose requirement differs. */
    private void requireAll() {
        for (JsonValue v : admin.get(realm + "/authentication/flows/" + ALIAS + "/executions").array()) {
            JsonObject e = v.asJsonObject();
            Requirement wanted = requirements.get(e.getBoolean("authenticationFlow", false)
                    ? e.getString("displayName") : e.getString("id"));
            if (wanted != null && !wanted.requirement().equals(e.getString("requirement", ""))) {
                admin.put(realm + "/authentication/flows/" + wanted.parent() + "/executions",
                        Json.createObjectBuilder(e).add("requirement", wanted.requirement()).build());
            }
        }
    }

    private void deleteFlow() {
        for (JsonValue v : admin.get(realm + "/authentication/flows").array()) {
            if (ALIAS.equals(v.asJsonObject().getString("alias"))) {
                admin.delete(realm + "/authentication/flows/" + v.asJsonObject().getString("id"));
            }
        }
    }
}
