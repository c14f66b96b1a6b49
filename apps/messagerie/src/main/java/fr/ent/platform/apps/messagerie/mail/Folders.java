package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.model.Folder;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's own folders, nested. Only their owner sees or changes them; deleting one gives its messages back to
 * their box (see V1__messagerie.sql), so that tidying never loses a message.
 */
@ApplicationScoped
public class Folders {

    public static final int MAX_NAME = 80;
    public static final int MAX_DEPTH = 5;

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Clock clock;

    /** The person's folders with their unread counts, parents before children, by name. */
    public List<Views.Folder> list(Person me) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT f.id, f.parent_id, f.name, (SELECT count(*)"
                    + " FROM mailbox_entry e WHERE e.folder_id = f.id AND e.unread AND NOT e.trashed)"
                    + " FROM folder f WHERE f.owner_id = ?1 ORDER BY lower(f.name)").setParameter(1, me.id())
                    .getResultList();
            List<Views.Folder> all = rows.stream().map(r -> new Views.Folder(Columns.uuid(r[0]),
                    Optional.ofNullable(Columns.uuid(r[1])), (String) r[2], Columns.number(r[3]))).toList();
            return FolderTree.ordered(all);
        });
    }

    public Views.Folder create(Person me, Optional<UUID> parent, String name) {
        String n = checked(name);
        return data.write(unit, em -> {
            parent.ifPresent(p -> {
                owned(em, me, p);
                if (depth(em, p) >= MAX_DEPTH) {
                    throw new InvalidInput("invalid-input", "parent : " + MAX_DEPTH + " niveaux de dossiers au plus");
                }
            });
            free(em, me, parent.orElse(null), n, null);
            Folder f = new Folder(me.id(), parent.orElse(null), n, OffsetDateTime.now(clock));
            em.persist(f);
            return new Views.Folder(f.id(), parent, n, 0);
        });
    }

    public Views.Folder rename(Person me, UUID id, String name) {
        String n = checked(name);
        return data.write(unit, em -> {
            Folder f = owned(em, me, id);
            free(em, me, f.parentId(), n, f.id());
            f.rename(n);
            return new Views.Folder(f.id(), Optional.ofNullable(f.parentId()), n, 0);
        });
    }

    /** Deletes a folder and its sub-folders; their messages go back to their boxes. */
    public void delete(Person me, UUID id) {
        data.write(unit, em -> {
            em.remove(owned(em, me, id));
            return null;
        });
    }

    /** The person's folder {@code id}; anyone else's, or none, is not found. */
    static Folder owned(EntityManager em, Person me, UUID id) {
        Folder f = em.find(Folder.class, id);
        if (f == null || !f.ownerId().equals(me.id())) {
            throw new NotFound("folder-not-found", id.toString());
        }
        return f;
    }

    private static int depth(EntityManager em, UUID id) {
        int depth = 1;
        Folder f = em.find(Folder.class, id);
        while (f != null && f.parentId() != null && depth <= MAX_DEPTH) {
            f = em.find(Folder.class, f.parentId());
            depth++;
        }
        return depth;
    }

    private static void free(EntityManager em, Person me, UUID parent, String name, UUID except) {
        boolean taken = em.createQuery("SELECT f FROM Folder f WHERE f.ownerId = :o", Folder.class)
                .setParameter("o", me.id()).getResultList().stream()
                .anyMatch(f -> Objects.equals(f.parentId(), parent) && f.name().equalsIgnoreCase(name)
                        && !f.id().equals(except));
        if (taken) {
            throw new Conflict("folder-name-taken", name);
        }
    }

    private static String checked(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("invalid-input", "name : de 1 à " + MAX_NAME + " caractères");
        }
        return n;
    }
}
