package fr.ent.platform.tenants;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
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

    public static KeycloakAdmin admin() {
        LocalKeycloak k = server();
        return new KeycloakAdmin(k.baseUrl(), new AdminCredentials.Password("master", k.adminUsername(),
                k.adminPassword()));
    }

    public static KeycloakRealms realms() {
        return new KeycloakRealms(admin(), new PortalUrls(PORTAL_TEMPLATE), Optional.of(OPERATOR_SECRET));
    }
}
