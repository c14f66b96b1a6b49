package fr.ent.platform.tenants.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.logging.Logger;

/**
 * The steps of a realm's first-broker-login flow, the flow Keycloak runs when a login through an upstream provider
 * (EduConnect, academic SAML) finds no account linked to that identity (ADR 0011, ADR 0043 amended).
 * <ul>
 * <li>Copied accounts: one REQUIRED step, refuse with our message: links are made in advance from the directory.</li>
 * <li>A realm with the directory provider: first the provider jar's {@value #DIRECTORY_STEP}, which imports the
 * person the directory's {@code ent_user_identity} names for that subject (a person who never signed in is not in
 * Keycloak yet, so Keycloak's own lookup cannot find them); then, when it finds nobody, the refusal. Both are
 * ALTERNATIVE: the first that succeeds ends the flow.</li>
 * </ul>
 * Brokering creates the flow with its refusal step; both it and the REALM step's DirectoryFederationSetup call
 * {@link #arrange}, whichever comes last.
 */
public final class FirstBrokerLogin {

    private static final Logger LOG = Logger.getLogger(FirstBrokerLogin.class.getName());
    /** The first-broker-login flow of every upstream provider of a realm. */
    public static final String FLOW = "ent-identite-non-reliee";
    /** The provider jar's authenticator (keycloak-federation DirectoryBrokerLinkFactory). */
    public static final String DIRECTORY_STEP = "ent-directory-broker-link";
    static final String DENY = "deny-access-authenticator";

    private FirstBrokerLogin() {
    }

    /**
     * Puts the flow's steps as the realm needs them (see the class comment); nothing when the flow does not exist
     * yet. Returns whether the directory step is in the flow.
     */
    public static boolean arrange(KeycloakAdmin admin, String realm) {
        String executions = realm + "/authentication/flows/" + FLOW + "/executions";
        if (admin.find(executions).isEmpty()) {
            return false;
        }
        JsonObject deny = step(admin, executions, DENY);
        if (deny == null) {
            return false; // Brokering adds it, then calls this again
        }
        if (!hasDirectoryProvider(admin, realm)) {
            JsonObject directory = step(admin, executions, DIRECTORY_STEP);
            if (directory != null) {
                admin.delete(realm + "/authentication/executions/" + directory.getString("id"));
            }
            require(admin, executions, deny, "REQUIRED");
            return false;
        }
        JsonObject directory = step(admin, executions, DIRECTORY_STEP);
        if (directory == null) {
            admin.post(executions + "/execution", Json.createObjectBuilder().add("provider", DIRECTORY_STEP).build());
            directory = step(admin, executions, DIRECTORY_STEP);
            LOG.info(() -> "realm " + realm + ": first broker login asks the directory before refusing");
        }
        // The directory's step before the refusal: raised one place at a time, as the admin API moves executions.
        for (int i = 0; i < 5 && directory.getInt("index", 0) > step(admin, executions, DENY).getInt("index", 0); i++) {
            admin.post(realm + "/authentication/executions/" + directory.getString("id") + "/raise-priority",
                    null);
            directory = step(admin, executions, DIRECTORY_STEP);
        }
        require(admin, executions, directory, "ALTERNATIVE");
        require(admin, executions, step(admin, executions, DENY), "ALTERNATIVE");
        return true;
    }

    /** Whether the realm has the {@code ent-directory} user storage component (DirectoryFederationSetup). */
    static boolean hasDirectoryProvider(KeycloakAdmin admin, String realm) {
        return !admin.get(realm + "/components?type=org.keycloak.storage.UserStorageProvider&name="
                + DirectoryFederationSetup.COMPONENT_NAME).array().isEmpty();
    }

    private static void require(KeycloakAdmin admin, String executions, JsonObject step, String requirement) {
        if (!requirement.equals(step.getString("requirement", ""))) {
            admin.put(executions, Json.createObjectBuilder(step).add("requirement", requirement).build());
        }
    }

    private static JsonObject step(KeycloakAdmin admin, String executions, String provider) {
        for (JsonValue e : admin.get(executions).array()) {
            if (provider.equals(e.asJsonObject().getString("providerId", ""))) {
                return e.asJsonObject();
            }
        }
        return null;
    }
}
