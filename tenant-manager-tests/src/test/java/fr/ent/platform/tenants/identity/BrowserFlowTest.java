package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.TestKeycloak;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The realm's browser flow (OTP for administrators, expired activation codes refused) against a real Keycloak:
 * its structure and configuration read back, its binding, and its repair when the REALM step re-runs on a realm
 * made before it existed or left half-built. The logins themselves are exercised in AdminOtpIT (local-platform)
 * and ActivationExpiryTest.
 */
class BrowserFlowTest {

    private final KeycloakRealms realms = TestKeycloak.realms();
    private final KeycloakAdmin admin = realms.admin();

    static Collectivity collectivity(String prefix) {
        String slug = prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        return new Collectivity(UUID.randomUUID(), slug, CollectivityKind.COMMUNE, "Test " + slug,
                List.of(slug + ".localhost"), TenantState.ACTIVE, null, null, TenantNames.of(Slug.of(slug)), null,
                null, false, null, null);
    }

    private List<String> steps(String realm) {
        List<String> steps = new ArrayList<>();
        for (JsonValue v : admin.get(realm + "/authentication/flows/" + BrowserFlow.ALIAS + "/executions").array()) {
            JsonObject e = v.asJsonObject();
            String config = "";
            if (e.containsKey("authenticationConfig")) {
                // Rendered in key order: the order of Keycloak's answer is not part of its contract.
                config = " " + new java.util.TreeMap<>(admin.get(realm + "/authentication/config/"
                        + e.getString("authenticationConfig")).object().getJsonObject("config"));
            }
            steps.add(e.getInt("level") + " " + (e.getBoolean("authenticationFlow", false) ? e.getString("displayName")
                    : e.getString("providerId")) + " " + e.getString("requirement") + config);
        }
        return steps;
    }

    private String browserFlow(String realm) {
        return admin.get(realm).object().getString("browserFlow");
    }

    @Test
    void aNewRealmLogsInThroughOurFlowWithOtpRequiredForEachAdministratorRole() {
        Collectivity c = collectivity("flow");
        String realm = c.names().realm();
        realms.ensureRealm(c);

        assertThat(browserFlow(realm)).isEqualTo(BrowserFlow.ALIAS);
        assertThat(steps(realm)).containsExactly(
                "0 auth-cookie ALTERNATIVE",
                "0 identity-provider-redirector ALTERNATIVE",
                "0 ent-browser-v1-forms ALTERNATIVE",
                "1 auth-username-password-form REQUIRED",
                "1 ent-browser-v1-activation-expired CONDITIONAL",
                "2 conditional-user-attribute REQUIRED {attribute_expected_value=\"expired\","
                        + " attribute_name=\"ent_activation\", not=\"false\"}",
                "2 deny-access-authenticator REQUIRED {denyErrorMessage=\"entActivationExpired\"}",
                "1 ent-browser-v1-otp-SUPER_ADMIN CONDITIONAL",
                "2 conditional-user-role REQUIRED {condUserRole=\"SUPER_ADMIN\", negate=\"false\"}",
                "2 auth-otp-form REQUIRED",
                "1 ent-browser-v1-otp-ADMIN_LOCAL CONDITIONAL",
                "2 conditional-user-role REQUIRED {condUserRole=\"ADMIN_LOCAL\", negate=\"false\"}",
                "2 conditional-user-role REQUIRED {condUserRole=\"SUPER_ADMIN\", negate=\"true\"}",
                "2 auth-otp-form REQUIRED",
                "1 ent-browser-v1-otp-configured CONDITIONAL",
                "2 conditional-user-role REQUIRED {condUserRole=\"SUPER_ADMIN\", negate=\"true\"}",
                "2 conditional-user-role REQUIRED {condUserRole=\"ADMIN_LOCAL\", negate=\"true\"}",
                "2 conditional-user-configured REQUIRED",
                "2 auth-otp-form REQUIRED");
        assertThat(admin.get(realm + "/localization/fr").object().getString(BrowserFlow.EXPIRED_MESSAGE_KEY))
                .contains("code d’activation a expiré");

        // Re-running the step changes nothing (same flow, same executions).
        String id = flowId(realm);
        realms.ensureRealm(c);
        assertThat(flowId(realm)).isEqualTo(id);
        assertThat(browserFlow(realm)).isEqualTo(BrowserFlow.ALIAS);
    }

    @Test
    void aRealmProvisionedBeforeTheFlowExistedGetsItWhenTheStepRunsAgain() {
        Collectivity c = collectivity("flowold");
        String realm = c.names().realm();
        realms.ensureRealm(c);
        // As a realm made by an earlier version: Keycloak's own browser flow, none of ours.
        admin.put(realm, Json.createObjectBuilder().add("browserFlow", "browser").build());
        admin.delete(realm + "/authentication/flows/" + flowId(realm));
        assertThat(admin.find(realm + "/authentication/flows/" + BrowserFlow.ALIAS + "/executions")).isEmpty();

        realms.ensureRealm(c);

        assertThat(browserFlow(realm)).isEqualTo(BrowserFlow.ALIAS);
        assertThat(steps(realm)).hasSize(BrowserFlow.BROWSER.expected().size());
    }

    @Test
    void aFlowLeftHalfBuiltIsRebuiltBeforeBeingBound() {
        Collectivity c = collectivity("flowhalf");
        String realm = c.names().realm();
        realms.ensureRealm(c);
        admin.put(realm, Json.createObjectBuilder().add("browserFlow", "browser").build());
        admin.delete(realm + "/authentication/flows/" + flowId(realm));
        // A creation interrupted after its first calls: the flow and one execution.
        admin.post(realm + "/authentication/flows", Json.createObjectBuilder().add("alias", BrowserFlow.ALIAS)
                .add("providerId", "basic-flow").add("topLevel", true).add("builtIn", false).build());
        admin.post(realm + "/authentication/flows/" + BrowserFlow.ALIAS + "/executions/execution",
                Json.createObjectBuilder().add("provider", "auth-cookie").build());

        realms.ensureRealm(c);

        assertThat(browserFlow(realm)).isEqualTo(BrowserFlow.ALIAS);
        assertThat(steps(realm)).hasSize(BrowserFlow.BROWSER.expected().size());
    }

    private String flowId(String realm) {
        for (JsonValue v : admin.get(realm + "/authentication/flows").array()) {
            if (BrowserFlow.ALIAS.equals(v.asJsonObject().getString("alias"))) {
                return v.asJsonObject().getString("id");
            }
        }
        throw new AssertionError("no flow " + BrowserFlow.ALIAS + " in " + realm);
    }
}
