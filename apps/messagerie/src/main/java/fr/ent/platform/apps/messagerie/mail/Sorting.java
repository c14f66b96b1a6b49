package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person tidying their own messagerie: folders, trash, restore, delete for good, unread again. It changes only
 * their own mailbox entries; a message goes from the database when the last person holding it deletes it, and its
 * stored files from the file store once no other message (a forward) names them.
 */
@ApplicationScoped
public class Sorting {

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Attachments attachments;

    /** Puts a received or sent message into one of the person's folders, or back into its box (no folder). */
    public void move(Person me, UUID message, Optional<UUID> folder) {
        data.write(unit, em -> {
            folder.ifPresent(f -> Folders.owned(em, me, f));
            TenantData.nativeSqlInSchema(em);
            String box = boxOf(em, me, message);
            if (box.equals("DRAFT")) {
                throw new InvalidInput("invalid-input", "folder : un brouillon reste dans les brouillons");
            }
            em.createNativeQuery("UPDATE mailbox_entry SET folder_id = ?3 WHERE user_id = ?1 AND message_id = ?2")
                    .setParameter(1, me.id()).setParameter(2, message).setParameter(3, folder.orElse(null))
                    .executeUpdate();
            return null;
        });
    }

    public void trash(Person me, UUID message) {
        setTrashed(me, message, true);
    }

    /** Back from the trash to its box or folder (its box if the folder is gone). */
    public void restore(Person me, UUID message) {
        setTrashed(me, message, false);
    }

    public void markUnread(Person me, UUID message, boolean unread) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            boxOf(em, me, message);
            em.createNativeQuery("UPDATE mailbox_entry SET unread = ?3 WHERE user_id = ?1 AND message_id = ?2")
                    .setParameter(1, me.id()).setParameter(2, message).setParameter(3, unread).executeUpdate();
            return null;
        });
    }

    /** Deletes for good one message of the person's trash. */
    public void delete(Person me, UUID message) {
        List<String> objects = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            int removed = em.createNativeQuery("DELETE FROM mailbox_entry WHERE user_id = ?1 AND message_id = ?2"
                    + " AND trashed").setParameter(1, me.id()).setParameter(2, message).executeUpdate();
            if (removed == 0) {
                throw new NotFound("message-not-found", message.toString());
            }
            return Attachments.deleteUnheld(em, List.of(message));
        });
        attachments.forget(objects);
    }

    /** Deletes for good everything in the person's trash; returns how many messages went. */
    public int emptyTrash(Person me) {
        record Emptied(int messages, List<String> objects) {
        }
        Emptied emptied = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object> gone = em.createNativeQuery("DELETE FROM mailbox_entry WHERE user_id = ?1"
                    + " AND trashed RETURNING message_id").setParameter(1, me.id()).getResultList();
            return new Emptied(gone.size(), Attachments.deleteUnheld(em, gone.stream().map(Columns::uuid).toList()));
        });
        attachments.forget(emptied.objects());
        return emptied.messages();
    }

    private void setTrashed(Person me, UUID message, boolean trashed) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            boxOf(em, me, message);
            em.createNativeQuery("UPDATE mailbox_entry SET trashed = ?3 WHERE user_id = ?1 AND message_id = ?2")
                    .setParameter(1, me.id()).setParameter(2, message).setParameter(3, trashed).executeUpdate();
            return null;
        });
    }

    /** The box of a message the person holds; not found when they do not. Native SQL in schema already. */
    private static String boxOf(EntityManager em, Person me, UUID message) {
        List<?> boxes = em.createNativeQuery("SELECT box FROM mailbox_entry WHERE user_id = ?1 AND message_id = ?2")
                .setParameter(1, me.id()).setParameter(2, message).getResultList();
        return boxes.stream().findFirst().map(String::valueOf).orElseThrow(() -> new NotFound("message-not-found", message.toString()));
    }
}
