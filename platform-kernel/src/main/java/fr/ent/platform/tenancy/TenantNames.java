package fr.ent.platform.tenancy;

import java.util.regex.Pattern;

/**
 * PostgreSQL names derived from a checked {@link Slug}: the collectivity schema and the role that owns it.
 * They are derived, never taken from input, so that no request can name another tenant's schema.
 */
public record TenantNames(String schema, String role) {

    /** The only shape a derived name can have; re-checked before any name is put into SQL. */
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    public TenantNames {
        requireIdentifier(schema);
        requireIdentifier(role);
    }

    public static TenantNames of(Slug slug) {
        String base = slug.value().replace('-', '_');
        return new TenantNames("t_" + base, "ent_t_" + base);
    }

    /**
     * The collectivity's Keycloak realm, {@code ent-<slug>}: derived like the schema, so that no request can name
     * another tenant's realm. The prefix keeps collectivity realms apart from Keycloak's {@code master} and the
     * hosting operators' {@code platform} realm.
     */
    public String realm() {
        // A slug has no '_' (Slug.SHAPE), so the schema's '_' are exactly the slug's '-'.
        return fr.ent.platform.identity.Realms.ofCollectivity(schema.substring("t_".length()).replace('_', '-'));
    }

    /** Double-quoted identifier, safe to splice into DDL because its shape was checked. */
    public static String quote(String identifier) {
        requireIdentifier(identifier);
        return '"' + identifier + '"';
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a derived PostgreSQL identifier: " + name);
        }
    }
}
