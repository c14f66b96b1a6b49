package fr.ent.platform.adminapi;

import java.util.List;

/**
 * {@code GET /collectivities/{slug}/administrators}: an account of the collectivity's realm holding SUPER_ADMIN or
 * ADMIN_LOCAL, with its second-factor status (an OTP credential configured or not).
 */
public record AdministratorView(String entUserId, String login, String firstName, String lastName,
        List<String> functions, List<String> adminStructures, boolean enabled, boolean secondFactor) {
}
