package fr.ent.platform.identity;

import java.util.List;

/**
 * The realm role names, as Keycloak holds them and tokens carry them ({@code realm_access.roles}): written here
 * once for tenant-manager (which creates them in each realm), the runtime ({@code @Allow}) and the tests. Constants,
 * not an enum, so that annotations can name them.
 */
public final class RealmRoles {

    // Profiles of a collectivity's users: one per person, the same names as the directory's ent_user.profile
    // (db/tenant V1__directory.sql checks them).
    public static final String STUDENT = "Student";
    public static final String RELATIVE = "Relative";
    public static final String TEACHER = "Teacher";
    public static final String PERSONNEL = "Personnel";
    public static final String GUEST = "Guest";

    // Functions: the collectivity's administrator (ADMC), a structure's administrator (ADML), a class's.
    public static final String SUPER_ADMIN = "SUPER_ADMIN";
    public static final String ADMIN_LOCAL = "ADMIN_LOCAL";
    public static final String CLASS_ADMIN = "CLASS_ADMIN";

    /**
     * The synthetic probe's service account in each collectivity realm: the runtime's probe endpoint only, never
     * users' data.
     */
    public static final String PROBE = "PROBE";

    /** The platform realm's role of hosting operators: every collectivity, every operation of the admin API. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    public static final List<String> PROFILES = List.of(STUDENT, RELATIVE, TEACHER, PERSONNEL, GUEST);
    public static final List<String> FUNCTIONS = List.of(SUPER_ADMIN, ADMIN_LOCAL, CLASS_ADMIN);
    /** The roles of people in a collectivity realm: profiles, then functions (the probe's role is not one). */
    public static final List<String> COLLECTIVITY_USERS = List.of(STUDENT, RELATIVE, TEACHER, PERSONNEL, GUEST,
            SUPER_ADMIN, ADMIN_LOCAL, CLASS_ADMIN);
    /** Roles whose holders must log in with a second factor (TOTP), also after an upstream login. */
    public static final List<String> SECOND_FACTOR = List.of(SUPER_ADMIN, ADMIN_LOCAL);

    private RealmRoles() {
    }
}
