package fr.ent.platform.tenants.identity;

import fr.ent.platform.identity.RealmRoles;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The login flows of a collectivity realm (ADR 0013). The browser flow, bound in place of Keycloak's built-in
 * {@code browser}:
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
 * and the post-broker-login flow of every upstream identity provider ({@value #POST_BROKER_ALIAS}), so that an
 * administrator who logs in through EduConnect or an academic IdP gives the same second factor:
 *
 * <pre>
 * ent-post-broker-v1
 *   allow-access-authenticator           REQUIRED     (a flow where nothing succeeded would fail)
 *   ...-otp-SUPER_ADMIN                  CONDITIONAL  role SUPER_ADMIN → OTP form
 *   ...-otp-ADMIN_LOCAL                  CONDITIONAL  role ADMIN_LOCAL and not SUPER_ADMIN → OTP form
 * </pre>
 *
 * Everyone else logs in with a password, plus OTP if they chose to set one up (what Keycloak's own browser flow
 * does). A new realm receives both flows in its creation request ({@link #addTo}); an older realm gets them call by
 * call ({@link #ensure}), the browser flow being bound only once complete, so that a crash half-way leaves the
 * previous binding in place.
 */
public final class BrowserFlow {

    static final String ALIAS = "ent-browser-v1";
    /** The post-broker-login flow that upstream identity providers name (brokering). */
    public static final String POST_BROKER_ALIAS = "ent-post-broker-v1";
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
            "en", "Your activation code has expired. Ask your school's ENT administrator for a new one.",
            "es", "Tu código de activación ha caducado. Pide uno nuevo al administrador del ENT de tu centro.");

    static final LoginFlow BROWSER = browser();
    static final LoginFlow POST_BROKER = postBroker();

    private BrowserFlow() {
    }

    private static LoginFlow browser() {
        List<LoginFlow.Node> forms = new ArrayList<>();
        forms.add(new LoginFlow.Execution("auth-username-password-form", "REQUIRED", null));
        forms.add(new LoginFlow.SubFlow(ALIAS + "-activation-expired", "CONDITIONAL", List.of(
                new LoginFlow.Execution("conditional-user-attribute", "REQUIRED", Map.of(
                        "attribute_name", ACTIVATION_ATTRIBUTE, "attribute_expected_value", EXPIRED, "not", "false")),
                new LoginFlow.Execution("deny-access-authenticator", "REQUIRED", Map.of("denyErrorMessage",
                        EXPIRED_MESSAGE_KEY)))));
        LoginFlow.administratorsOtp(ALIAS, forms);
        List<LoginFlow.Node> configured = new ArrayList<>();
        RealmRoles.SECOND_FACTOR.forEach(role -> configured.add(LoginFlow.hasRole(role, true)));
        configured.add(new LoginFlow.Execution("conditional-user-configured", "REQUIRED", null));
        configured.add(new LoginFlow.Execution("auth-otp-form", "REQUIRED", null));
        forms.add(new LoginFlow.SubFlow(ALIAS + "-otp-configured", "CONDITIONAL", configured));
        return new LoginFlow(ALIAS, "Connexion ENT : mot de passe, OTP obligatoire pour les administrateurs", List.of(
                new LoginFlow.Execution("auth-cookie", "ALTERNATIVE", null),
                new LoginFlow.Execution("identity-provider-redirector", "ALTERNATIVE", null),
                new LoginFlow.SubFlow(ALIAS + "-forms", "ALTERNATIVE", forms)));
    }

    private static LoginFlow postBroker() {
        List<LoginFlow.Node> steps = new ArrayList<>();
        // Keycloak fails a flow in which nothing succeeded: without this step, every non-administrator (whose
        // conditional sub-flows are all skipped) would be refused after the upstream login.
        steps.add(new LoginFlow.Execution("allow-access-authenticator", "REQUIRED", null));
        LoginFlow.administratorsOtp(POST_BROKER_ALIAS, steps);
        return new LoginFlow(POST_BROKER_ALIAS, "Après une connexion par un fournisseur d'identité : OTP obligatoire"
                + " pour les administrateurs", steps);
    }

    /**
     * Adds both flows, their configurations, the bindings and the message to a realm representation for the POST
     * that creates the realm. When a representation lists flows, Keycloak creates only those (plus a few it adds
     * after an import: reset credentials, client authentication, first broker login, docker): the direct grant and
     * registration flows are therefore listed too ({@link DefaultFlows}).
     */
    static void addTo(JsonObjectBuilder realm) {
        JsonArrayBuilder flows = Json.createArrayBuilder();
        JsonArrayBuilder configs = Json.createArrayBuilder();
        BROWSER.describe(flows, configs);
        POST_BROKER.describe(flows, configs);
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

    /** For a realm that exists: both flows built if missing or half-built, the browser flow bound, the message. */
    static void ensure(KeycloakAdmin admin, String realm) {
        EXPIRED_MESSAGE.forEach((locale, text) -> admin.putText(
                realm + "/localization/" + locale + "/" + EXPIRED_MESSAGE_KEY, text));
        boolean bound = ALIAS.equals(admin.get(realm).object().getString("browserFlow", ""));
        if (BROWSER.ensure(admin, realm, () -> bound) && !bound) {
            admin.put(realm, Json.createObjectBuilder().add("browserFlow", ALIAS).build());
        }
        ensurePostBroker(admin, realm);
    }

    /**
     * The post-broker-login flow, built if missing, or rebuilt if half-built and named by no provider yet (an
     * interrupted creation: providers are pointed at it only once it exists).
     */
    public static void ensurePostBroker(KeycloakAdmin admin, String realm) {
        POST_BROKER.ensure(admin, realm, () -> admin.get(realm + "/identity-provider/instances").array().stream()
                .anyMatch(p -> POST_BROKER_ALIAS.equals(p.asJsonObject().getString("postBrokerLoginFlowAlias", ""))));
    }
}
