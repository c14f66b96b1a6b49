package fr.ent.platform.apps.moderation;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.security.Roles;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A moderator of the collectivity: SUPER_ADMIN for every content, ADMIN_LOCAL for the contents of the schools it
 * administers (the token's {@code admin_structures}, as flash messages read them). A content belongs to its
 * author's schools; one without a school is the SUPER_ADMIN's alone.
 *
 * @param username who decides (recorded in the audit trail)
 */
public record Moderator(String username, boolean wholeCollectivity, Set<String> structures) {

    public Moderator {
        structures = Set.copyOf(structures);
    }

    /** The moderator this token is, if it is one. */
    public static Optional<Moderator> of(VerifiedToken token) {
        if (Roles.allows(token, Roles.SUPER_ADMIN)) {
            return Optional.of(new Moderator(token.username(), true, Set.of()));
        }
        if (Roles.allows(token, Roles.ADMIN_LOCAL) && !token.adminStructures().isEmpty()) {
            return Optional.of(new Moderator(token.username(), false, token.adminStructures()));
        }
        return Optional.empty();
    }

    /** Whether it moderates a content of these schools. */
    public boolean moderates(Collection<String> schools) {
        return wholeCollectivity || schools.stream().anyMatch(structures::contains);
    }
}
