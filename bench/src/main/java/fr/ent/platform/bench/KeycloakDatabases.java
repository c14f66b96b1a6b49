package fr.ent.platform.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * The PostgreSQL databases the benches' Keycloak servers run on, one per server, all owned by one role: the realm
 * benches' servers on their own embedded PostgreSQL ({@code BenchKeycloak}), a bench platform's shards on the
 * platform's ({@link PlatformShards}).
 */
public final class KeycloakDatabases {

    public static final String ROLE = "keycloak";
    public static final String PASSWORD = "keycloak-bench";

    private KeycloakDatabases() {
    }

    /** Keycloak's database (and its role) on the PostgreSQL given as its superuser, unless it exists already. */
    public static void create(DataSource superuser, String database) throws Exception {
        try (Connection c = superuser.getConnection(); var st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
    }
}
