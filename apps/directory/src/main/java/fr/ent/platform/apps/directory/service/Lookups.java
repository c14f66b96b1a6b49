package fr.ent.platform.apps.directory.service;

import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Finding a row by the id a client gave, inside the current collectivity's schema. Whatever the reason (not an
 * id, no such row here), the answer is the same 404: it never tells that an id exists in another collectivity.
 */
public final class Lookups {

    private Lookups() {
    }

    public static Structure structure(EntityManager em, String id) {
        return structure(em, Ids.orNotFound(id, "structure-not-found"), id);
    }

    static Structure structure(EntityManager em, UUID id, String shown) {
        Structure s = em.find(Structure.class, id);
        if (s == null) {
            throw new NotFound("structure-not-found", Ids.shown(shown));
        }
        return s;
    }

    public static SchoolClass schoolClass(EntityManager em, String id) {
        SchoolClass c = em.find(SchoolClass.class, Ids.orNotFound(id, "class-not-found"));
        if (c == null) {
            throw new NotFound("class-not-found", Ids.shown(id));
        }
        return c;
    }

    public static EntUser user(EntityManager em, String id) {
        EntUser u = em.find(EntUser.class, Ids.orNotFound(id, "user-not-found"));
        if (u == null) {
            throw new NotFound("user-not-found", Ids.shown(id));
        }
        return u;
    }
}
