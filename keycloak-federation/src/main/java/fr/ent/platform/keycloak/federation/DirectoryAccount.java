package fr.ent.platform.keycloak.federation;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's account as the directory holds it: {@code ent_account} (login, activation code hash) joined to
 * {@code ent_user} (profile, names, end of rights). {@code activation} is null once the account was used, or when
 * the directory made none.
 */
record DirectoryAccount(UUID userId, String login, String profile, String firstName, String lastName,
        boolean rightsLost, Activation activation) {

    /** The activation code, hashed as Keycloak's {@code pbkdf2-sha256} credential (tenant-manager ActivationCodes). */
    record Activation(byte[] salt, byte[] hash, int iterations, Instant expiresAt) {

        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
