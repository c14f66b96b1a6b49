package fr.ent.platform.keycloak.federation;

import java.util.regex.Pattern;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/**
 * What a realm's {@code ent-directory} component says: where the directory is and as whom to read it. The schema and
 * the role are checked against the only shapes tenant-manager makes ({@code t_<slug>}, {@code kc_t_<slug>}) and
 * against each other, so that a component cannot be pointed at another collectivity's schema with its own role;
 * PostgreSQL's grants are what actually stop it (the role can read its own schema only).
 */
record DirectorySettings(String jdbcUrl, String schema, String user, String password) {

    static final String JDBC_URL = "jdbcUrl";
    static final String SCHEMA = "schema";
    static final String USER = "user";
    static final String PASSWORD = "password";

    private static final Pattern SCHEMA_SHAPE = Pattern.compile("^t_[a-z0-9_]{1,60}$");

    static DirectorySettings of(ComponentModel model) {
        return new DirectorySettings(model.get(JDBC_URL), model.get(SCHEMA), model.get(USER), model.get(PASSWORD));
    }

    /** Refuses a configuration that is incomplete or whose names have another shape than tenant-manager's. */
    void check() {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ComponentValidationException("jdbcUrl must be a jdbc:postgresql: URL");
        }
        if (schema == null || !SCHEMA_SHAPE.matcher(schema).matches()) {
            throw new ComponentValidationException("schema must be a collectivity schema t_<slug>");
        }
        if (!roleFor(schema).equals(user)) {
            throw new ComponentValidationException("user must be the schema's federation role " + roleFor(schema));
        }
        if (password == null || password.isBlank()) {
            throw new ComponentValidationException("password is required");
        }
    }

    /** The federation role of a collectivity schema: {@code kc_} + schema (tenant-manager's DirectoryRole). */
    static String roleFor(String schema) {
        return "kc_" + schema;
    }

    /** The schema double-quoted for SQL; its shape was checked. */
    String quotedSchema() {
        if (!SCHEMA_SHAPE.matcher(schema).matches()) {
            throw new IllegalStateException("not a collectivity schema: " + schema);
        }
        return '"' + schema + '"';
    }
}
