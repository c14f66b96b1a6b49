package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.MessagerieSettings;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.UUID;

/**
 * Files attached to drafts, within one file's limit and the person's quota, and read by whoever holds the message.
 * Uploads of one person are counted one at a time (a transaction lock per person), so that two at once cannot
 * pass the quota together.
 */
@ApplicationScoped
public class Attachments {

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    MessagerieSettings settings;

    /** A file with its bytes, as a download sends it. */
    public record File(String name, String contentType, byte[] content) {
    }

    /** Attaches a file to one of the person's drafts. */
    public Views.Attachment add(Person me, UUID draft, String name, String declaredType, byte[] content) {
        String n = name == null ? "" : name.strip().replaceAll("[\\p{Cc}/\\\\]", "_");
        if (n.isEmpty() || n.length() > 255) {
            throw new InvalidInput("invalid-input", "name : le nom du fichier, de 1 à 255 caractères");
        }
        if (content.length > settings.maxAttachmentBytes()) {
            throw new InvalidInput("attachment-too-large", n, content.length, settings.maxAttachmentBytes());
        }
        String type = AttachmentTypes.checked(n, declaredType, content);
        UUID id = UUID.randomUUID();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Writing.ownDraft(em, me, draft);
            lockQuota(em, me);
            withinQuota(em, me, n, content.length);
            em.createNativeQuery("INSERT INTO attachment (id, message_id, owner_id, name, content_type, size, content,"
                            + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())")
                    .setParameter(1, id).setParameter(2, draft).setParameter(3, me.id()).setParameter(4, n)
                    .setParameter(5, type).setParameter(6, (long) content.length).setParameter(7, content)
                    .executeUpdate();
            return null;
        });
        return new Views.Attachment(id, n, type, content.length);
    }

    /** Takes a file off one of the person's drafts. */
    public void remove(Person me, UUID draft, UUID attachment) {
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Writing.ownDraft(em, me, draft);
            int removed = em.createNativeQuery("DELETE FROM attachment WHERE id = ?1 AND message_id = ?2")
                    .setParameter(1, attachment).setParameter(2, draft).executeUpdate();
            if (removed == 0) {
                throw new NotFound("attachment-not-found", attachment.toString());
            }
            return null;
        });
    }

    /** A file of a message the person holds (trashed or not); any other is not found. */
    public File download(Person me, UUID attachment) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT a.name, a.content_type, a.content FROM attachment a"
                            + " WHERE a.id = ?1 AND EXISTS (SELECT 1 FROM mailbox_entry e"
                            + " WHERE e.message_id = a.message_id AND e.user_id = ?2)"
                            // a neutralized message's files are the moderators' evidence only
                            + " AND NOT (SELECT m.neutralized FROM message m WHERE m.id = a.message_id)")
                    .setParameter(1, attachment).setParameter(2, me.id()).getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("attachment-not-found", attachment.toString());
            }
            Object[] r = rows.get(0);
            return new File((String) r[0], (String) r[1], (byte[]) r[2]);
        });
    }

    /** The attachments of a message, by name. Native SQL in schema already. */
    static List<Views.Attachment> of(EntityManager em, UUID message) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, content_type, size FROM attachment"
                + " WHERE message_id = ?1 ORDER BY name, id").setParameter(1, message).getResultList();
        return rows.stream().map(r -> new Views.Attachment(Columns.uuid(r[0]), (String) r[1], (String) r[2],
                Columns.number(r[3]))).toList();
    }

    /** What the person's attachments weigh. Native SQL in schema already. */
    static long used(EntityManager em, Person me) {
        return Columns.number(em.createNativeQuery("SELECT coalesce(sum(size), 0) FROM attachment WHERE owner_id = ?1")
                .setParameter(1, me.id()).getSingleResult());
    }

    static void lockQuota(EntityManager em, Person me) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "messagerie-quota:" + me.id())
                .getSingleResult();
    }

    /** Refuses {@code size} more bytes past the person's quota. Under {@link #lockQuota}. */
    void withinQuota(EntityManager em, Person me, String name, long size) {
        long used = used(em, me);
        if (used + size > settings.quotaBytes()) {
            throw new InvalidInput("quota-exceeded", name, size, Math.max(0, settings.quotaBytes() - used),
                    settings.quotaBytes());
        }
    }
}
