package fr.ent.platform.tenancy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stable identifier of a collectivity: lower-case a-z, 0-9 and '-', 3 to 40 characters, starting with a
 * letter, not ending with '-', no "--". Schema and role names are derived from it ({@link TenantNames}),
 * so it is checked here once and every other name is built from a checked value, never from raw input.
 */
public record Slug(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[a-z](?:[a-z0-9]|-(?!-)){1,38}[a-z0-9]$");

    /** Words that name platform parts or PostgreSQL/Keycloak internals: a tenant must never be confused with them. */
    static final Set<String> RESERVED = Set.of(
            "admin", "administration", "api", "app", "apps", "assets", "auth", "default", "ent", "health",
            "information-schema", "keycloak", "login", "logout", "master", "metrics", "openapi", "pg", "platform",
            "postgres", "public", "root", "static", "system", "template", "template0", "template1", "tenant",
            "tenants", "test", "www");

    public Slug {
        if (value == null || value.isBlank()) {
            throw new InvalidTenantInputException("slug", "slug.required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidTenantInputException("slug", "slug.shape", value);
        }
        if (RESERVED.contains(value) || value.startsWith("pg-")) {
            throw new InvalidTenantInputException("slug", "slug.reserved", value);
        }
    }

    public static Slug of(String value) {
        return new Slug(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
