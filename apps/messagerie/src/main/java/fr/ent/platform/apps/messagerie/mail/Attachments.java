package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.MessagerieSettings;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.TooLarge;
import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentLibrary;
import fr.ent.platform.runtime.documents.DocumentPage;
import fr.ent.platform.runtime.documents.OpenDocument;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.runtime.storage.StoredFile;
import fr.ent.platform.runtime.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files attached to drafts, within one file's limit and the person's quota, and read by whoever holds the message.
 *
 * <p>A file goes through the platform's scanned uploads (size limit, antivirus, then the file store; ADR 0020)
 * before its row is written, in one transaction that checks the quota again under a per-person lock; if the row
 * fails, the object is deleted again. So an attachment row exists only with its object, and a refused file
 * (infected, too large, past the quota, scanner down) leaves neither. Rows written before the store (V3) keep their
 * bytes in the table and are still served from there.
 *
 * <p>A forward shares its original's objects (the rows name the same key): an object is deleted when the last row
 * naming it goes ({@link #forget}). A document of the espace documentaire attached by reference holds no bytes
 * here: it is read from the documents app ({@link DocumentLibrary}) as the person who attached it may read it at
 * that moment, so it stays readable exactly while their right stands.
 */
@ApplicationScoped
public class Attachments {

    private static final Logger LOG = Logger.getLogger(Attachments.class.getName());
    private static final int HEAD = 16;

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    MessagerieSettings settings;

    @Inject
    FileStorage storage;

    @Inject
    Instance<DocumentLibrary> library;

    /** A file being read: its name, type, size and content (closed by the caller). */
    public record File(String name, String contentType, long size, InputStream content) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** Attaches a file to one of the person's drafts: scanned, stored, then counted. */
    public Views.Attachment add(Person me, UUID draft, String name, String declaredType, InputStream content) {
        String n = name == null ? "" : name.strip().replaceAll("[\\p{Cc}/\\\\]", "_");
        if (n.isEmpty() || n.length() > 255) {
            throw new InvalidInput("invalid-input", "name : le nom du fichier, de 1 à 255 caractères");
        }
        // someone else's draft, or a sent message, stores nothing
        long used = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Writing.ownDraft(em, me, draft);
            return used(em, me);
        });
        BufferedInputStream in = new BufferedInputStream(content, 8192);
        String type;
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            type = AttachmentTypes.checked(n, declaredType, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long remaining = Math.max(0, settings.quotaBytes() - used);
        long limit = Math.min(settings.maxAttachmentBytes(), remaining);
        if (remaining == 0) {
            throw quotaExceeded(n, 1, used);
        }
        UUID id = UUID.randomUUID();
        CollectivityFiles files = storage.current();
        ObjectKey key = files.key("messagerie/" + id + "/" + UUID.randomUUID());
        StoredObject stored;
        try {
            stored = files.upload(key, type, limit, in);
        } catch (TooLarge tooLarge) {
            if (remaining < settings.maxAttachmentBytes()) {
                throw quotaExceeded(n, remaining + 1, used);
            }
            throw new TooLarge("attachment-too-large", n, settings.maxAttachmentBytes() + 1,
                    settings.maxAttachmentBytes());
        }
        try {
            data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                Writing.ownDraft(em, me, draft);
                lockQuota(em, me);
                withinQuota(em, me, n, stored.size());
                em.createNativeQuery("INSERT INTO attachment (id, message_id, owner_id, name, content_type, size,"
                                + " object_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())")
                        .setParameter(1, id).setParameter(2, draft).setParameter(3, me.id()).setParameter(4, n)
                        .setParameter(5, type).setParameter(6, stored.size()).setParameter(7, key.path())
                        .executeUpdate();
                return null;
            });
        } catch (RuntimeException e) {
            deleteObject(files, key.path());
            throw e;
        }
        return new Views.Attachment(id, n, type, stored.size(), null);
    }

    /**
     * Attaches a document of the person's espace documentaire by reference: one they may read now (their own or
     * shared with them), not trashed. Anything else is {@code attachment-document-not-found}, whatever the id.
     * Nothing is copied and nothing counts in the quota; recipients read it while the person may.
     */
    public Views.Attachment addDocument(Person me, UUID draft, UUID document) {
        data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return Writing.ownDraft(em, me, draft);
        });
        DocumentFacts facts = documents().readable(me.id(), document)
                .orElseThrow(() -> new NotFound("attachment-document-not-found", document.toString()));
        String name = facts.name().length() > 255 ? facts.name().substring(0, 255) : facts.name();
        UUID id = UUID.randomUUID();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Writing.ownDraft(em, me, draft);
            em.createNativeQuery("INSERT INTO attachment (id, message_id, owner_id, name, content_type, size,"
                            + " document_id, shared_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?3, now())")
                    .setParameter(1, id).setParameter(2, draft).setParameter(3, me.id()).setParameter(4, name)
                    .setParameter(5, facts.contentType()).setParameter(6, facts.size()).setParameter(7, document)
                    .executeUpdate();
            return null;
        });
        return new Views.Attachment(id, name, facts.contentType(), facts.size(), document);
    }

    /**
     * One page of the person's own files in their espace documentaire whose name contains {@code words}, to attach
     * by reference (the compose page's picker); none when the documents app is not deployed
     * ({@link #documentsOffered}).
     */
    public boolean documentsOffered() {
        return library.isResolvable();
    }

    public Optional<DocumentPage> ownDocuments(Person me, String words, int offset, int limit) {
        if (!library.isResolvable()) {
            return Optional.empty();
        }
        return Optional.of(library.get().ownFiles(me.id(), words, offset, limit));
    }

    /** Takes a file off one of the person's drafts (and its object off the store, unless a forward shares it). */
    public void remove(Person me, UUID draft, UUID attachment) {
        List<String> gone = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Writing.ownDraft(em, me, draft);
            @SuppressWarnings("unchecked")
            List<Object> keys = em.createNativeQuery("DELETE FROM attachment WHERE id = ?1 AND message_id = ?2"
                    + " RETURNING coalesce(object_key, '')").setParameter(1, attachment).setParameter(2, draft)
                    .getResultList();
            if (keys.isEmpty()) {
                throw new NotFound("attachment-not-found", attachment.toString());
            }
            return unreferenced(em, keys.stream().map(String::valueOf).filter(k -> !k.isEmpty()).toList());
        });
        forget(gone);
    }

    /**
     * A file of a message the person holds (trashed or not); any other is not found. A document attached by
     * reference is read as the person who attached it may read it now: once they may not (document trashed or
     * deleted, share withdrawn), it is {@code attachment-document-gone}.
     */
    public File download(Person me, UUID attachment) {
        Object[] r = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT a.name, a.content_type, a.size, a.object_key,"
                            + " a.document_id, a.shared_by, a.content FROM attachment a"
                            + " WHERE a.id = ?1 AND EXISTS (SELECT 1 FROM mailbox_entry e"
                            + " WHERE e.message_id = a.message_id AND e.user_id = ?2)"
                            // a neutralized message's files are the moderators' evidence only
                            + " AND NOT (SELECT m.neutralized FROM message m WHERE m.id = a.message_id)")
                    .setParameter(1, attachment).setParameter(2, me.id()).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (r == null) {
            throw new NotFound("attachment-not-found", attachment.toString());
        }
        String name = (String) r[0];
        String type = (String) r[1];
        if (r[3] != null) {
            CollectivityFiles files = storage.current();
            StoredFile file = files.get(files.key((String) r[3]));
            return new File(name, type, file.object().size(), file.content());
        }
        if (r[4] != null) {
            OpenDocument doc = documents().open(Columns.uuid(r[5]), Columns.uuid(r[4]))
                    .orElseThrow(() -> new NotFound("attachment-document-gone", name));
            return new File(doc.facts().name(), doc.facts().contentType(), doc.facts().size(), doc.content());
        }
        byte[] bytes = (byte[]) r[6]; // written before V3: kept in the table
        return new File(name, type, bytes.length, new ByteArrayInputStream(bytes));
    }

    /** The attachments of a message, by name. Native SQL in schema already. */
    static List<Views.Attachment> of(EntityManager em, UUID message) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, content_type, size, document_id FROM attachment"
                + " WHERE message_id = ?1 ORDER BY name, id").setParameter(1, message).getResultList();
        return rows.stream().map(r -> new Views.Attachment(Columns.uuid(r[0]), (String) r[1], (String) r[2],
                Columns.number(r[3]), r[4] == null ? null : Columns.uuid(r[4]))).toList();
    }

    /** What the person's attachments weigh (documents by reference hold no bytes here). Native SQL in schema. */
    static long used(EntityManager em, Person me) {
        return Columns.number(em.createNativeQuery("SELECT coalesce(sum(size), 0) FROM attachment WHERE owner_id = ?1"
                + " AND document_id IS NULL").setParameter(1, me.id()).getSingleResult());
    }

    static void lockQuota(EntityManager em, Person me) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "messagerie-quota:" + me.id())
                .getSingleResult();
    }

    /** Refuses {@code size} more bytes past the person's quota. Under {@link #lockQuota}. */
    void withinQuota(EntityManager em, Person me, String name, long size) {
        long used = used(em, me);
        if (used + size > settings.quotaBytes()) {
            throw quotaExceeded(name, size, used);
        }
    }

    private TooLarge quotaExceeded(String name, long size, long used) {
        return new TooLarge("quota-exceeded", name, size, Math.max(0, settings.quotaBytes() - used),
                settings.quotaBytes());
    }

    // --- deleting ---

    /**
     * Deletes the messages among {@code ids} that nobody holds any more (with their attachments, by cascade) and
     * returns the stored objects no row names any more, for {@link #forget} once the transaction has committed.
     * Every statement of one {@code WITH} sees the rows as they were before it, so the attachments of the messages
     * it deletes are still read. Native SQL in schema already.
     */
    public static List<String> deleteUnheld(EntityManager em, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> keys = em.createNativeQuery("WITH gone AS (DELETE FROM message m"
                        + " WHERE m.id = ANY (string_to_array(?1, ',')::uuid[])"
                        + " AND NOT EXISTS (SELECT 1 FROM mailbox_entry e WHERE e.message_id = m.id) RETURNING m.id)"
                        + " SELECT DISTINCT a.object_key FROM attachment a JOIN gone g ON a.message_id = g.id"
                        + " WHERE a.object_key IS NOT NULL")
                .setParameter(1, Columns.list(ids)).getResultList();
        return unreferenced(em, keys.stream().map(String::valueOf).toList());
    }

    /**
     * Of these keys, those no attachment row names any more (a forward may share them). Read in the deleting
     * transaction after its deletes: a forward copying rows takes them {@code FOR SHARE} ({@link Writing}), so it
     * either committed before (its rows are seen here and the object stays) or finds the rows gone.
     */
    static List<String> unreferenced(EntityManager em, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> kept = em.createNativeQuery("SELECT DISTINCT object_key FROM attachment"
                + " WHERE object_key = ANY (string_to_array(?1, '|'))").setParameter(1, String.join("|", keys))
                .getResultList();
        return keys.stream().distinct().filter(k -> !kept.contains(k)).toList();
    }

    /**
     * Deletes these objects from the collectivity's files, after the rows naming them are gone for good. A failure
     * leaves an unreferenced object (logged), never a row without its bytes.
     */
    public void forget(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        CollectivityFiles files = storage.current();
        for (String key : keys) {
            deleteObject(files, key);
        }
    }

    private static void deleteObject(CollectivityFiles files, String path) {
        try {
            files.delete(files.key(path));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stored attachment left behind: " + path, e);
        }
    }

    private DocumentLibrary documents() {
        if (!library.isResolvable()) {
            // the documents app is not deployed: nothing can be attached or read by reference
            throw new NotFound("attachment-document-not-found", "");
        }
        return library.get();
    }

}
