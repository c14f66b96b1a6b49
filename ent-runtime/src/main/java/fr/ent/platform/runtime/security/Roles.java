package fr.ent.platform.runtime.security;

/**
 * Realm roles of a collectivity realm, as written in tokens: profiles (one per user) and functions. Endpoints
 * name what they need with {@code @RolesAllowed} using these constants; {@link #ANY_USER} means any authenticated
 * user of the collectivity.
 */
public final class Roles {

    public static final String STUDENT = "Student";
    public static final String RELATIVE = "Relative";
    public static final String TEACHER = "Teacher";
    public static final String PERSONNEL = "Personnel";
    public static final String GUEST = "Guest";

    public static final String SUPER_ADMIN = "SUPER_ADMIN";
    public static final String ADMIN_LOCAL = "ADMIN_LOCAL";
    public static final String CLASS_ADMIN = "CLASS_ADMIN";

    /** Jakarta Security's name for "any authenticated caller". */
    public static final String ANY_USER = "**";

    private Roles() {
    }
}
