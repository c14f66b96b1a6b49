package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.MessagerieSettings;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.moderation.Moderation;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's messagerie as they read it: their boxes, folders, a message and its thread, search, unread counts and
 * quota. Everything is read through the person's own mailbox entries: a message they do not hold (someone else's,
 * another collectivity's, a guessed id) is not found, whatever its id.
 */
@ApplicationScoped
public class Mailbox {

    public static final int MAX_PAGE = 100;

    private static final String SUMMARY = "SELECT m.id, m.thread_id, m.subject, m.author_name, e.at, e.unread,"
            + " m.state, (SELECT count(*) FROM attachment a WHERE a.message_id = m.id),"
            + " (SELECT string_agg(d.name, ', ' ORDER BY d.field DESC, d.name) FROM message_addressee d"
            + " WHERE d.message_id = m.id AND (d.field <> 'BCC' OR m.author_id = e.user_id)), e.box, m.neutralized"
            + " FROM mailbox_entry e JOIN message m ON m.id = e.message_id WHERE e.user_id = ?1 AND ";

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    MessagerieSettings settings;

    /** One page of a box, newest first. */
    public Views.Listing box(Person me, Box box, int limit, int offset) {
        String where = switch (box) {
            case INBOX -> "e.box = 'INBOX' AND NOT e.trashed AND e.folder_id IS NULL";
            case SENT -> "e.box = 'SENT' AND NOT e.trashed AND e.folder_id IS NULL";
            case DRAFTS -> "e.box = 'DRAFT' AND NOT e.trashed AND e.folder_id IS NULL";
            case TRASH -> "e.trashed";
        };
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return page(em.createNativeQuery(SUMMARY + where + " ORDER BY e.at DESC, e.message_id DESC"
                    + " LIMIT ?2 OFFSET ?3"), me, limit, offset);
        });
    }

    /** One page of one of the person's folders (another's folder is not found). */
    public Views.Listing folder(Person me, UUID folder, int limit, int offset) {
        return data.read(unit, em -> {
            Folders.owned(em, me, folder);
            TenantData.nativeSqlInSchema(em);
            return page(em.createNativeQuery(SUMMARY + "e.folder_id = ?4 AND NOT e.trashed"
                    + " ORDER BY e.at DESC, e.message_id DESC LIMIT ?2 OFFSET ?3").setParameter(4, folder),
                    me, limit, offset);
        });
    }

    /**
     * The person's messages (trash aside, and those neutralized by moderation: their original words must not be
     * found) whose subject or body matches {@code words}, in French (stemming, stop
     * words; quotes, {@code or} and {@code -} as a search engine reads them), newest first.
     */
    public Views.Listing search(Person me, String words, int limit, int offset) {
        String q = words == null ? "" : words.strip();
        if (q.isEmpty() || q.length() > 200) {
            throw new InvalidInput("invalid-input", "q : de 1 à 200 caractères");
        }
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return page(em.createNativeQuery(SUMMARY + "NOT e.trashed AND NOT m.neutralized"
                    + " AND m.search @@ websearch_to_tsquery('french', ?4)"
                    + " ORDER BY e.at DESC, e.message_id DESC LIMIT ?2 OFFSET ?3").setParameter(4, q),
                    me, limit, offset);
        });
    }

    /** A message the person holds, and it counts as read from now on. */
    public Views.Message open(Person me, UUID id) {
        return data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Views.Message message = held(em, me, id);
            if (message.unread()) {
                em.createNativeQuery("UPDATE mailbox_entry SET unread = false WHERE user_id = ?1 AND message_id = ?2")
                        .setParameter(1, me.id()).setParameter(2, id).executeUpdate();
            }
            return message;
        });
    }

    /** A message the person holds, as it is (nothing marked). */
    public Views.Message get(Person me, UUID id) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return held(em, me, id);
        });
    }

    /** The messages of a thread that the person holds (trash aside), oldest first. */
    public List<Views.Summary> thread(Person me, UUID threadId) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(SUMMARY + "m.thread_id = ?2 AND NOT e.trashed"
                    + " AND e.box <> 'DRAFT' ORDER BY e.at, e.message_id").setParameter(1, me.id())
                    .setParameter(2, threadId).getResultList();
            return rows.stream().map(Mailbox::summary).toList();
        });
    }

    /** The person's unread messages in their inbox and folders (trash aside). */
    public long unread(UUID person) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return Columns.number(em.createNativeQuery("SELECT count(*) FROM mailbox_entry WHERE user_id = ?1"
                    + " AND unread AND NOT trashed AND box = 'INBOX'").setParameter(1, person).getSingleResult());
        });
    }

    /** The weight of the person's attachments against their quota. */
    public Views.Usage usage(Person me) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return new Views.Usage(Attachments.used(em, me), settings.quotaBytes());
        });
    }

    /** The message {@code id} as {@code me} holds it: not found when they do not. Native SQL in schema already. */
    static Views.Message held(EntityManager em, Person me, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.id, m.thread_id, m.parent_id, m.subject, m.body,"
                        + " m.author_id, m.author_name, m.sent_at, e.at, m.state, e.box, e.folder_id, e.trashed,"
                        + " e.unread, m.neutralized FROM mailbox_entry e JOIN message m ON m.id = e.message_id"
                        + " WHERE e.user_id = ?1 AND e.message_id = ?2")
                .setParameter(1, me.id()).setParameter(2, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("message-not-found", id.toString());
        }
        Object[] r = rows.get(0);
        UUID author = Columns.uuid(r[5]);
        List<Views.Addressee> to = new ArrayList<>();
        List<Views.Addressee> cc = new ArrayList<>();
        List<Views.Addressee> bcc = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> addressees = em.createNativeQuery("SELECT field, kind, addressee_id, name FROM message_addressee"
                + " WHERE message_id = ?1 ORDER BY name").setParameter(1, id).getResultList();
        for (Object[] a : addressees) {
            String kind = (String) a[1];
            UUID addressee = Columns.uuid(a[2]);
            Views.Addressee view = new Views.Addressee(kind.toLowerCase(java.util.Locale.ROOT) + ":" + addressee,
                    kind, addressee, (String) a[3]);
            switch ((String) a[0]) {
                case "TO" -> to.add(view);
                case "CC" -> cc.add(view);
                default -> {
                    if (author.equals(me.id())) {
                        bcc.add(view);
                    }
                }
            }
        }
        // neutralized by moderation: the original stays in the table (evidence), never in what readers get
        boolean neutralized = Columns.flag(r[14]);
        return new Views.Message(id, Columns.uuid(r[1]), Optional.ofNullable(Columns.uuid(r[2])),
                neutralized ? Moderation.PLACEHOLDER : (String) r[3],
                neutralized ? "<p>" + Moderation.PLACEHOLDER + "</p>" : (String) r[4], author, (String) r[6], to, cc,
                bcc, Optional.ofNullable(Columns.time(r[7])), Columns.time(r[8]), "DRAFT".equals(r[9]),
                (String) r[10], Optional.ofNullable(Columns.uuid(r[11])), Columns.flag(r[12]), Columns.flag(r[13]),
                neutralized ? List.of() : Attachments.of(em, id), neutralized);
    }

    private static Views.Listing page(Query query, Person me, int limit, int offset) {
        checkPaging(limit, offset);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter(1, me.id()).setParameter(2, limit + 1).setParameter(3, offset)
                .getResultList();
        List<Views.Summary> items = rows.stream().limit(limit).map(Mailbox::summary).toList();
        return new Views.Listing(items, limit, offset, rows.size() > limit);
    }

    static void checkPaging(int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw new InvalidInput("invalid-input", "limit : de 1 à " + MAX_PAGE + " ; offset : 0 ou plus");
        }
    }

    private static Views.Summary summary(Object[] r) {
        boolean inbox = "INBOX".equals(r[9]);
        String correspondents = inbox ? (String) r[3] : r[8] == null ? "" : (String) r[8];
        boolean neutralized = Columns.flag(r[10]);
        return new Views.Summary(Columns.uuid(r[0]), Columns.uuid(r[1]),
                neutralized ? Moderation.PLACEHOLDER : (String) r[2], (String) r[3], correspondents,
                Columns.time(r[4]), Columns.flag(r[5]), "DRAFT".equals(r[6]),
                neutralized ? 0 : (int) Columns.number(r[7]), neutralized);
    }
}
