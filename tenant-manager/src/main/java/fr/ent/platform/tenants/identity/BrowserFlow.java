package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>The flow is built under a versioned alias and bound only once complete, so that a crash half-way leaves the
 * previous binding in place; an incomplete, unbound copy is deleted and rebuilt on the next run (a bound flow
 * that differs was changed by hand in the console: left alone, with a warning). A new version of the structure
 * gets a new alias ({@link #ALIAS}).
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

    private final KeycloakAdmin admin;
    private final String realm;
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
            existing = java.util.Optional.empty();
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
        List<String> steps = new ArrayList<>(List.of("0 auth-cookie", "0 identity-provider-redirector",
                "0 " + ALIAS + "-forms", "1 auth-username-password-form",
                "1 " + ALIAS + "-activation-expired", "2 conditional-user-attribute", "2 deny-access-authenticator"));
        List<String> before = new ArrayList<>();
        for (String role : RealmDefinition.OTP_ROLES) {
            steps.add("1 " + ALIAS + "-otp-" + role);
            steps.add("2 conditional-user-role");
            before.forEach(r -> steps.add("2 conditional-user-role"));
            steps.add("2 auth-otp-form");
            before.add(role);
        }
        steps.add("1 " + ALIAS + "-otp-configured");
        before.forEach(r -> steps.add("2 conditional-user-role"));
        steps.add("2 conditional-user-configured");
        steps.add("2 auth-otp-form");
        return steps;
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
        execution(ALIAS, "auth-cookie", "ALTERNATIVE", null);
        execution(ALIAS, "identity-provider-redirector", "ALTERNATIVE", null);
        String forms = subFlow(ALIAS, ALIAS + "-forms", "ALTERNATIVE");
        execution(forms, "auth-username-password-form", "REQUIRED", null);

        String expired = subFlow(forms, ALIAS + "-activation-expired", "CONDITIONAL");
        execution(expired, "conditional-user-attribute", "REQUIRED", Map.of("attribute_name", ACTIVATION_ATTRIBUTE,
                "attribute_expected_value", EXPIRED, "not", "false"));
        execution(expired, "deny-access-authenticator", "REQUIRED", Map.of("denyErrorMessage", EXPIRED_MESSAGE_KEY));

        List<String> before = new ArrayList<>();
        for (String role : RealmDefinition.OTP_ROLES) {
            String otp = subFlow(forms, ALIAS + "-otp-" + role, "CONDITIONAL");
            execution(otp, "conditional-user-role", "REQUIRED", Map.of("condUserRole", role, "negate", "false"));
            for (String other : before) {
                execution(otp, "conditional-user-role", "REQUIRED", Map.of("condUserRole", other, "negate", "true"));
            }
            execution(otp, "auth-otp-form", "REQUIRED", null);
            before.add(role);
        }
        String configured = subFlow(forms, ALIAS + "-otp-configured", "CONDITIONAL");
        for (String role : before) {
            execution(configured, "conditional-user-role", "REQUIRED", Map.of("condUserRole", role, "negate", "true"));
        }
        execution(configured, "conditional-user-configured", "REQUIRED", null);
        execution(configured, "auth-otp-form", "REQUIRED", null);
        requireAll();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "realm " + realm + ": browser flow " + ALIAS + " created in " + millis + " ms");
    }

    /** A requirement to set once everything exists: executions are created DISABLED. Key: id or sub-flow alias. */
    private record Requirement(String parent, String requirement) {
    }

    private final Map<String, Requirement> requirements = new java.util.LinkedHashMap<>();

    private String subFlow(String parent, String alias, String requirement) {
        admin.post(realm + "/authentication/flows/" + parent + "/executions/flow", Json.createObjectBuilder()
                .add("alias", alias).add("type", "basic-flow").add("provider", "registration-page-form")
                .add("description", alias).build());
        requirements.put(alias, new Requirement(parent, requirement));
        return alias;
    }

    private void execution(String flow, String provider, String requirement, Map<String, String> config) {
        KeycloakAdmin.Response r = admin.post(realm + "/authentication/flows/" + flow + "/executions/execution",
                Json.createObjectBuilder().add("provider", provider).build());
        String id = r.createdId();
        requirements.put(id, new Requirement(flow, requirement));
        if (config != null) {
            var values = Json.createObjectBuilder();
            config.forEach(values::add);
            admin.post(realm + "/authentication/executions/" + id + "/config", Json.createObjectBuilder()
                    .add("alias", flow + "-" + provider + "-" + ++configs)
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
