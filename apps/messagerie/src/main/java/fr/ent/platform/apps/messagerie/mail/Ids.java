package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.problem.NotFound;
import java.util.UUID;

/** An id from a path or a body: anything that is not one is simply not found, like an id of someone else's. */
public final class Ids {

    private Ids() {
    }

    public static UUID orNotFound(String id, String problem) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound(problem, shown(id));
        }
    }

    static String shown(String id) {
        String s = String.valueOf(id);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
