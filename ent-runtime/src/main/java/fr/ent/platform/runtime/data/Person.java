package fr.ent.platform.runtime.data;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The person a right is exercised for, as the apps find them in their tables: by directory id (most tables), by the
 * account's subject (flash dismissals, moderation reports) or by login (the console's audit trail, flash authors).
 *
 * @param directoryId the directory's id ({@code ent_user.id}); empty for an account the directory does not know
 * @param subject     the account's subject in the collectivity's realm
 * @param username    the account's login
 * @param displayName the name shown, for the archive's README
 */
public record Person(Optional<UUID> directoryId, String subject, String username, String displayName) {

    public Person {
        Objects.requireNonNull(directoryId, "directoryId");
        Objects.requireNonNull(subject, "subject");
        username = username == null ? "" : username;
        displayName = displayName == null ? username : displayName;
    }
}
