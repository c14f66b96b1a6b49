package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.RealmRoles;

/**
 * Realm roles of a collectivity realm, as written in tokens (names from {@link RealmRoles}, the one definition
 * tenant-manager creates the roles from): profiles (one per user) and functions. Endpoints
 * name what they need with {@code @RolesAllowed} using these constants; {@link #ANY_USER} means any authenticated
 * user of the collectivity.
 */
public final class Roles {

    public static final String STUDENT = RealmRoles.STUDENT;
    public static final String RELATIVE = RealmRoles.RELATIVE;
    public static final String TEACHER = RealmRoles.TEACHER;
    public static final String PERSONNEL = RealmRoles.PERSONNEL;
    public static final String GUEST = RealmRoles.GUEST;

    public static final String SUPER_ADMIN = RealmRoles.SUPER_ADMIN;
    public static final String ADMIN_LOCAL = RealmRoles.ADMIN_LOCAL;
    public static final String CLASS_ADMIN = RealmRoles.CLASS_ADMIN;

    /**
     * The synthetic probe's service account (client {@code ent-probe}): it may call the probe endpoint only. It is
     * not a user: {@link #ANY_USER} never matches a token holding it.
     */
    public static final String PROBE = RealmRoles.PROBE;

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
