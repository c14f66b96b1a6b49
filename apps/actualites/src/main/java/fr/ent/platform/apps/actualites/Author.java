package fr.ent.platform.apps.actualites;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Roles;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person as the news app needs them: their directory id (shares name people by it), their name
 * (for comments), whether they may open threads (school staff and administrators) and for the whole collectivity.
 */
public record Author(UUID id, String name, boolean opensThreads, boolean collectivityWide) {

    /** An account without a directory id (a service account) reaches no thread: nothing is there for it. */
    public static Author of(VerifiedToken token) {
        UUID id = token.entUserId().flatMap(Author::uuid).orElseThrow(() -> new NotFound("no-such-resource"));
        boolean staff = token.hasRole(Roles.TEACHER) || token.hasRole(Roles.PERSONNEL)
                || token.hasRole(Roles.ADMIN_LOCAL) || token.hasRole(Roles.SUPER_ADMIN);
        String name = token.displayName() == null || token.displayName().isBlank() ? token.username()
                : token.displayName();
        return new Author(id, name, staff, token.hasRole(Roles.SUPER_ADMIN));
    }

    /** A directory id from a text; anything else is none. */
    public static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }
}
