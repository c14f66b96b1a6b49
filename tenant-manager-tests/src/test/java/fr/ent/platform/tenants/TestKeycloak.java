package fr.ent.platform.tenants;

import fr.ent.platform.branding.Branding;
import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PasswordHashing;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.testing.keycloak.SharedKeycloak;
import java.util.Optional;

/** The test JVM's Keycloak (test-support's {@link SharedKeycloak}) and tenant-manager's clients of it. */
public final class TestKeycloak {

    public static final String PORTAL_TEMPLATE = "http://{domain}:9080";
    public static final String OPERATOR_SECRET = "operator-secret-for-tests";

    private TestKeycloak() {
    }

    public static LocalKeycloak server() {
        return SharedKeycloak.server();
    }

    /** The tests' password hashing (one PBKDF2 round, {@link SharedKeycloak#PASSWORD_HASHING}). */
    public static final PasswordHashing HASHING = new PasswordHashing(Optional.of(SharedKeycloak.PASSWORD_HASHING));

    private static KeycloakAdmin admin;

    /**
     * One admin client for the JVM (thread-safe): it keeps its token, where one per test instance signed in again
     * for every test method.
     */
    public static synchronized KeycloakAdmin admin() {
        if (admin == null) {
            LocalKeycloak k = server();
            // Routine calls with each realm's own account, as tenant-manager makes them by default (ADR 0052).
            admin = new KeycloakAdmin(k.baseUrl(), new AdminCredentials.Password("master", k.adminUsername(),
                    k.adminPassword())).withRealmAccounts();
        }
        return admin;
    }

    /** The REALM step as the tests' platform has it: realms hashing passwords with {@link #HASHING}. */
    public static KeycloakRealms realms() {
        return new KeycloakRealms(admin(), new PortalUrls(PORTAL_TEMPLATE), Optional.of(OPERATOR_SECRET),
                c -> Branding.NONE, HASHING);
    }
}
