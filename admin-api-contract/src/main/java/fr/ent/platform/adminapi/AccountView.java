package fr.ent.platform.adminapi;

import java.util.List;

/**
 * {@code GET /collectivities/{slug}/accounts/{entUserId}}: the Keycloak account of a directory person, as the tenant
 * console shows it. Functions live in Keycloak only (realm roles {@code ADMIN_LOCAL}, {@code CLASS_ADMIN} and, for
 * ADMIN_LOCAL, the attribute {@code admin_structures}: the UAIs it administers), because the tokens carry them.
 *
 * @param login           the account's username
 * @param enabled         false when the account is blocked
 * @param functions       the ENT functions it holds ({@code SUPER_ADMIN}, {@code ADMIN_LOCAL}, {@code CLASS_ADMIN})
 * @param adminStructures the UAIs of {@code admin_structures}, sorted
 * @param secondFactor    whether it has an OTP credential
 */
public record AccountView(String entUserId, String login, boolean enabled, List<String> functions,
        List<String> adminStructures, boolean secondFactor) {
}
