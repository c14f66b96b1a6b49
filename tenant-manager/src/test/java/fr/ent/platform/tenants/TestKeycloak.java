package fr.ent.platform.tenants;

import fr.ent.platform.keycloak.local.LocalKeycloak;
import fr.ent.platform.tenants.identity.AdminCredentials;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.PortalUrls;
import java.nio.file.Paths;
import java.util.Optional;

/** One real Keycloak per test JVM (free ports, home under target/), stopped when the JVM ends. */
public final class TestKeycloak {

    public static final String PORTAL_TEMPLATE = "http://{domain}:9080";
    public static final String OPERATOR_SECRET = "operator-secret-for-tests";
    private static LocalKeycloak keycloak;

    private TestKeycloak() {
    }

    public static synchronized LocalKeycloak server() {
        if (keycloak == null) {
            keycloak = LocalKeycloak.builder(Paths.get(System.getProperty("ent.keycloak.home", "target/keycloak")))
                    .admin("admin", "admin").option("--log-level=warn").progress(System.out::println).start();
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        }
        return keycloak;
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
