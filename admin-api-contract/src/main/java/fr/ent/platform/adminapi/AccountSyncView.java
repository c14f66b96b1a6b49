package fr.ent.platform.adminapi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer of an account sync: counts, and the new accounts with their activation code (shown once). */
public record AccountSyncView(String realm, int directoryUsers, int alreadyThere, int created,
        List<NewAccount> accounts, List<UUID> notCreated) {

    /** An account made by the sync: the code activates it until {@code expiresAt}. */
    public record NewAccount(String login, String activationCode, UUID userId, String profile, Instant expiresAt) {
    }
}
