package fr.ent.platform.identity;

/**
 * Keycloak realm names. Each collectivity has its own realm, {@code ent-<slug>}; the hosting operators have the
 * realm {@code platform}, which no collectivity realm can ever be named since they all start with {@code ent-}.
 */
public final class Realms {

    public static final String PLATFORM = "platform";
    private static final String COLLECTIVITY_PREFIX = "ent-";
    /** The audience every ENT API access token must carry (a client of each collectivity realm). */
    public static final String API_AUDIENCE = "ent-api";
    /** The audience of tokens for the tenant-manager admin API (platform realm). */
    public static final String ADMIN_API_AUDIENCE = "tenant-manager";
    /** The public client the portal logs users in with (authorization code + PKCE). */
    public static final String PORTAL_CLIENT = "portal";
    /**
     * The confidential client of the synthetic probe in each collectivity realm (service account, client
     * credentials); its tokens carry {@link #API_AUDIENCE} and only the realm role {@link RealmRoles#PROBE}.
     */
    public static final String PROBE_CLIENT = "ent-probe";
    /**
     * The probe's realm role. Kept as a name of {@link RealmRoles#PROBE} while the keycloak-ci branch changes
     * ProbeAccount, its only user in tenant-manager; use {@link RealmRoles#PROBE}.
     */
    public static final String PROBE_ROLE = RealmRoles.PROBE;

    private Realms() {
    }

    public static String ofCollectivity(String slug) {
        return COLLECTIVITY_PREFIX + slug;
    }

    /** The collectivity slug of a collectivity realm name, empty for any other realm. */
    public static java.util.Optional<String> collectivityOf(String realm) {
        return realm != null && realm.startsWith(COLLECTIVITY_PREFIX) && realm.length() > COLLECTIVITY_PREFIX.length()
                ? java.util.Optional.of(realm.substring(COLLECTIVITY_PREFIX.length()))
                : java.util.Optional.empty();
    }
}
