package fr.ent.platform.identity;

/**
 * The ENT's own claims in collectivity tokens, and the Keycloak user attributes they come from (same names):
 * tenant-manager declares the attributes and mappers (RealmDefinition), the runtime reads the claims
 * ({@link TokenVerifier}).
 */
public final class Claims {

    /** The directory id of the person (ent_user.id), a user attribute. */
    public static final String USER_ID = "ent_user_id";
    /** The person's profile ({@link RealmRoles#PROFILES}), a user attribute. */
    public static final String PROFILE = "ent_profile";
    /** The structures (UAI) a local administrator (ADML) administers, a multivalued user attribute. */
    public static final String ADMIN_STRUCTURES = "admin_structures";
    /** The collectivity's slug, a constant of each realm's portal client. */
    public static final String COLLECTIVITY = "collectivity";

    private Claims() {
    }
}
