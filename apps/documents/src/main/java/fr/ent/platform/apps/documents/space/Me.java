package fr.ent.platform.apps.documents.space;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.security.Roles;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The signed-in person using the documents: their directory id (the token's {@code ent_user_id}) and their
 * profiles, which set their quota. An account without a directory entry (a platform administrator) has no space.
 */
public record Me(UUID id, Set<String> profiles) {

    static final Set<String> PROFILES = Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL,
            Roles.GUEST);

    public static Me of(VerifiedToken token) {
        UUID id = token.entUserId().flatMap(Me::uuid).orElseThrow(() -> new NotAllowed("forbidden"));
        return new Me(id, token.roles().stream().filter(PROFILES::contains).collect(Collectors.toUnmodifiableSet()));
    }

    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }
}
