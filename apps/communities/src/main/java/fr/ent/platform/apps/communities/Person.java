package fr.ent.platform.apps.communities;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Roles;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person as the communities see them: their directory id, their name (copied on what they write and
 * on their membership) and whether they may create a community (teachers and personnel: {@code staff}).
 */
public record Person(UUID id, String name, boolean staff) {

    /** The person behind a token; an account with no directory id belongs nowhere (not found). */
    public static Person of(VerifiedToken token) {
        UUID id = token.entUserId().flatMap(Person::uuid).orElseThrow(() -> new NotFound("no-such-resource"));
        String name = token.displayName() == null || token.displayName().isBlank() ? token.username()
                : token.displayName();
        return new Person(id, name, token.hasRole(Roles.TEACHER) || token.hasRole(Roles.PERSONNEL));
    }

    public static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
