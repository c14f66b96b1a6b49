package fr.ent.platform.adminapi;

/**
 * What an account reset did: {@code mode} {@code code} with the new {@code activationCode} (shown once, never
 * stored in clear) and when it expires, or {@code email} (the code and expiry are null).
 */
public record AccountResetView(String entUserId, String login, String mode, String activationCode,
        String expiresAt) {
}
