package fr.ent.platform.runtime.communication;

import java.util.Set;
import java.util.UUID;

/** The addressees of a message or a share: people and groups, by directory id. */
public record Recipients(Set<UUID> users, Set<UUID> groups) {

    public Recipients {
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
    }

    public static Recipients users(UUID... users) {
        return new Recipients(Set.of(users), Set.of());
    }

    public boolean isEmpty() {
        return users.isEmpty() && groups.isEmpty();
    }
}
