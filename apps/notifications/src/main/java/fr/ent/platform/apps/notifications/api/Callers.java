package fr.ent.platform.apps.notifications.api;

import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Caller;
import java.util.Optional;
import java.util.UUID;

/** Who is calling, as the notifications app addresses people: their directory id. */
final class Callers {

    private Callers() {
    }

    /** The caller's directory id: accounts without one (platform or probe accounts) have no timeline. */
    static UUID me(Caller caller) {
        return meIfAny(caller).orElseThrow(() -> new NotAllowed("forbidden"));
    }

    static Optional<UUID> meIfAny(Caller caller) {
        return caller.token().flatMap(t -> t.entUserId()).map(Callers::uuid);
    }

    /** An id from a path or a body; a malformed one is not found rather than a server error. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("no-such-resource");
        }
    }
}
