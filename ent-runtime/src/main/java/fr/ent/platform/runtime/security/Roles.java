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

    /**
     * The synthetic probe's service account (client {@code ent-probe}): it may call the probe endpoint only. It is
     * not a user: {@link #ANY_USER} never matches a token holding it.
     */
    public static final String PROBE = fr.ent.platform.identity.Realms.PROBE_ROLE;

    /** Any authenticated user of the collectivity (not the synthetic probe: see {@link #allows}). */
    public static final String ANY_USER = "**";

    /**
     * Whether a verified caller holds {@code role}. {@link #ANY_USER} means a person of the collectivity: a token
     * with {@link #PROBE} is refused there, so that the probe cannot read what any signed-in user may read.
     */
    public static boolean allows(fr.ent.platform.identity.VerifiedToken token, String role) {
        if (ANY_USER.equals(role)) {
            return !token.hasRole(PROBE);
        }
        return token.hasRole(role);
    }

    private Roles() {
    }
}
