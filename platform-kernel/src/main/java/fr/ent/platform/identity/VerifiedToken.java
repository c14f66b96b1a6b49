package fr.ent.platform.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the platform trusts from a token once its signature, issuer, audience and lifetime were checked.
 *
 * @param realm the realm that issued it (checked against the expected one)
 * @param subject Keycloak's user id ({@code sub})
 * @param username {@code preferred_username}
 * @param roles realm roles ({@code realm_access.roles}): profiles and functions of the ENT
 * @param entUserId the directory user id carried as claim {@code ent_user_id}, if the account has one
 * @param adminStructures UAIs the user administers (claim {@code admin_structures}, for ADMIN_LOCAL)
 * @param sessionId Keycloak's session id ({@code sid}), used by back-channel logout
 */
public record VerifiedToken(String realm, String subject, String username, String displayName, Set<String> roles,
        Optional<String> entUserId, Set<String> adminStructures, Optional<String> sessionId, Instant expiresAt) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
