package fr.ent.platform.apps.flash;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.security.Roles;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator writing flash messages: SUPER_ADMIN for the whole collectivity, ADMIN_LOCAL for the schools it
 * administers only (the token's {@code admin_structures}, as {@code StructureAdmins} reads them). An editor manages
 * a message only when it may target every school the message names; a local administrator never manages a
 * collectivity-wide message.
 *
 * @param username who writes (recorded as the author)
 */
public record Editor(String username, boolean wholeCollectivity, Set<String> structures) {

    public Editor {
        structures = Set.copyOf(structures);
    }

    /** The editor this token is, if it is one. */
    public static Optional<Editor> of(VerifiedToken token) {
        if (Roles.allows(token, Roles.SUPER_ADMIN)) {
            return Optional.of(new Editor(token.username(), true, Set.of()));
        }
        if (Roles.allows(token, Roles.ADMIN_LOCAL) && !token.adminStructures().isEmpty()) {
            return Optional.of(new Editor(token.username(), false, token.adminStructures()));
        }
        return Optional.empty();
    }

    public boolean manages(Target target) {
        return wholeCollectivity || (!target.collectivityWide() && structures.containsAll(target.structures()));
    }
}
