package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Keycloak's own direct grant and registration flows, as Keycloak 26 creates them in a new realm, for a realm
 * representation that lists its flows ({@link BrowserFlow#addTo}): Keycloak then creates only the flows listed
 * (plus reset credentials, client authentication, first broker login and docker, which it adds after an import).
 * The ENT does not use either flow (the portal has no direct grant, registration is off) but a realm needs them
 * bound: same aliases and steps as Keycloak's, so that our realms look like any other in the console. Checked
 * against {@code DefaultAuthenticationFlows} of Keycloak 26.7.3 (directGrantFlow, registrationFlow: unchanged since
 * 26.5.6); compare again at each Keycloak upgrade.
 */
final class DefaultFlows {

    static final String DIRECT_GRANT = "direct grant";
    static final String REGISTRATION = "registration";

    private DefaultFlows() {
    }

    static List<JsonObject> all() {
        return List.of(
                flow(DIRECT_GRANT, "OpenID Connect Resource Owner Grant", "basic-flow", true, Json.createArrayBuilder()
                        .add(step("direct-grant-validate-username", "REQUIRED", 10))
                        .add(step("direct-grant-validate-password", "REQUIRED", 20))
                        .add(subFlow("Direct Grant - Conditional OTP", null, "CONDITIONAL", 30))),
                flow("Direct Grant - Conditional OTP", "Flow to determine if the OTP is required for the"
                        + " authentication", "basic-flow", false, Json.createArrayBuilder()
                        .add(step("conditional-user-configured", "REQUIRED", 10))
                        .add(step("direct-grant-validate-otp", "REQUIRED", 20))),
                flow(REGISTRATION, "Registration flow", "basic-flow", true, Json.createArrayBuilder()
                        .add(subFlow("registration form", "registration-page-form", "REQUIRED", 10))),
                flow("registration form", "Registration form", "form-flow", false, Json.createArrayBuilder()
                        .add(step("registration-user-creation", "REQUIRED", 20))
                        .add(step("registration-password-action", "REQUIRED", 50))
                        .add(step("registration-recaptcha-action", "DISABLED", 60))
                        .add(step("registration-terms-and-conditions", "DISABLED", 70))));
    }

    private static JsonObject flow(String alias, String description, String providerId, boolean topLevel,
            JsonArrayBuilder executions) {
        return Json.createObjectBuilder().add("alias", alias).add("description", description)
                .add("providerId", providerId).add("topLevel", topLevel).add("builtIn", true)
                .add("authenticationExecutions", executions).build();
    }

    private static JsonObjectBuilder step(String authenticator, String requirement, int priority) {
        return Json.createObjectBuilder().add("authenticator", authenticator).add("authenticatorFlow", false)
                .add("requirement", requirement).add("priority", priority).add("userSetupAllowed", false);
    }

    private static JsonObjectBuilder subFlow(String alias, String authenticator, String requirement, int priority) {
        JsonObjectBuilder e = Json.createObjectBuilder().add("authenticatorFlow", true).add("flowAlias", alias)
                .add("requirement", requirement).add("priority", priority).add("userSetupAllowed", false);
        return authenticator == null ? e : e.add("authenticator", authenticator);
    }
}
