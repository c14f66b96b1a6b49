package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Part of the REALM step when the directory provider is configured ({@code ent.identity.federation.jdbc-url}, ADR
 * 0043): the collectivity's federation role ({@link DirectoryRole}, with a new password) and the realm's
 * {@code ent-directory} user storage component that logs in with it. Idempotent: a re-run rotates the password in
 * both places. Kept apart from {@link KeycloakRealms} so that realm creation itself is unchanged.
 */
public class DirectoryFederationSetup {

    private static final Logger LOG = Logger.getLogger(DirectoryFederationSetup.class.getName());
    public static final String PROVIDER_ID = "ent-directory";
    public static final String COMPONENT_NAME = "ent-directory";
    /** How long Keycloak may serve an imported account from its cache without asking the directory again. */
    public static final java.time.Duration CACHE_LIFESPAN = java.time.Duration.ofMinutes(5);
    private static final String STORAGE_TYPE = "org.keycloak.storage.UserStorageProvider";

    private final DataSource dataSource;
    private final KeycloakAdmin admin;
    private final String jdbcUrl;

    /** {@code jdbcUrl}: the platform database as Keycloak reaches it (no credentials in it). */
    public DirectoryFederationSetup(DataSource dataSource, KeycloakAdmin admin, String jdbcUrl) {
        this.dataSource = dataSource;
        this.admin = admin;
        this.jdbcUrl = jdbcUrl;
    }

    public void ensure(Collectivity c) throws SQLException {
        TenantNames names = c.names();
        String realm = names.realm();
        String password = DirectoryRole.ensure(dataSource, names);
        String realmId = admin.get(realm).object().getString("id");
        JsonObject component = Json.createObjectBuilder()
                .add("name", COMPONENT_NAME)
                .add("providerId", PROVIDER_ID)
                .add("providerType", STORAGE_TYPE)
                .add("parentId", realmId)
                .add("config", Json.createObjectBuilder()
                        .add("jdbcUrl", Json.createArrayBuilder().add(jdbcUrl))
                        .add("schema", Json.createArrayBuilder().add(names.schema()))
                        .add("user", Json.createArrayBuilder().add(DirectoryRole.of(names)))
                        .add("password", Json.createArrayBuilder().add(password))
                        .add("enabled", Json.createArrayBuilder().add("true"))
                        .add("priority", Json.createArrayBuilder().add("0"))
                        .add("importEnabled", Json.createArrayBuilder().add("true"))
                        // an imported account is re-checked against the directory (profile, end of rights) when
                        // Keycloak loads it from its database, at the latest CACHE_LIFESPAN after its last check
                        .add("cachePolicy", Json.createArrayBuilder().add("MAX_LIFESPAN"))
                        .add("maxLifespan", Json.createArrayBuilder().add(Long.toString(CACHE_LIFESPAN.toMillis()))))
                .build();
        Optional<String> existing = componentId(realm, realmId);
        if (existing.isPresent()) {
            admin.put(realm + "/components/" + existing.get(),
                    Json.createObjectBuilder(component).add("id", existing.get()).build());
        } else {
            admin.post(realm + "/components", component);
        }
        LOG.info(() -> "realm " + realm + ": directory provider " + (existing.isPresent() ? "updated" : "added"));
        // A realm that already brokers (its REALM step run again): a brokered first login asks the directory too.
        FirstBrokerLogin.arrange(admin, realm);
    }

    /**
     * The federation role's grants on the collectivity's schema as it is now, when the role exists; nothing otherwise.
     * For a schema that replaced the collectivity's (a restore's switch, ADR 0040): grants go with the schema they
     * were given on, and the role's password, kept in the realm's component, stays as it is. Runs in the caller's
     * transaction, so the switch and the grants are one.
     */
    public static void grantAgain(Connection c, TenantNames names) throws SQLException {
        DirectoryRole.grantIfPresent(c, names);
    }

    /**
     * The database half of {@link #ensure}: the collectivity's federation role and its grants, without the realm's
     * component (the France import bench, which measures the directory side only).
     */
    public static void ensureRole(DataSource dataSource, TenantNames names) throws SQLException {
        DirectoryRole.ensure(dataSource, names);
    }

    /** The realm's {@code ent-directory} component, if any. */
    public Optional<String> componentId(String realm, String realmId) {
        JsonArray found = admin.get(realm + "/components?parent=" + realmId + "&type=" + STORAGE_TYPE + "&name="
                + COMPONENT_NAME).array();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getJsonObject(0).getString("id"));
    }

    /** The federation role goes with the collectivity (TenantDatabase#drop calls this on its connection). */
    public static void dropRole(Connection c, TenantNames names) throws SQLException {
        DirectoryRole.drop(c, names);
    }
}
