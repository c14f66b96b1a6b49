package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.directory.service.Audiences;
import fr.ent.platform.apps.directory.service.Memberships;
import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.MessagerieSettings;
import fr.ent.platform.apps.messagerie.model.Message;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.notify.Audience;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writing messages: drafts, answers and sending. Every addressee goes through the communication rules, when a
 * draft is saved and again when it is sent (rules may change in between), whatever the client sent. A message is
 * stored once, with one mailbox entry per recipient (groups expanded to their members at that moment), all in one
 * transaction; the notification of its recipients is posted after it commits and fans out on its own. A send key
 * makes sending idempotent: the same key sends once, and answers the first message again (a double click).
 */
@ApplicationScoped
public class Writing {

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    MessagerieSettings settings;

    @Inject
    CommunicationRules rules;

    @Inject
    Memberships names;

    @Inject
    Audiences audiences;

    @Inject
    Attachments attachments;

    @Inject
    Delivery delivery;

    @Inject
    Clock clock;

    /** The outcome of a send: the message, and whether this key had sent it already. */
    public record Sent(UUID id, boolean again, Set<UUID> recipients) {
    }

    /** Saves a new draft or rewrites one of the person's drafts; returns its id. */
    public UUID saveDraft(Person me, Optional<UUID> draft, MessageInput input) {
        Composition text = Composition.of(input.subject(), input.body(), settings.maxBodyChars());
        Addressing addressing = Addressing.parse(input.to(), input.cc(), input.bcc());
        rules.verify(me.id(), addressing.recipients());
        List<Written> written = named(addressing);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Message m = draft.isPresent() ? ownDraft(em, me, draft.get()) : created(em, me, null, null, now);
            m.write(text.subject(), text.body(), text.bodyText(), now);
            em.flush();
            address(em, m.id(), written);
            keep(em, me, m.id(), "DRAFT", false);
            return m.id();
        });
    }

    /**
     * Sends a new message ({@code draft} empty, {@code input} given), or one of the person's drafts as it is saved
     * or rewritten by {@code input}.
     */
    public Sent send(Person me, Optional<UUID> draft, Optional<MessageInput> input, Optional<UUID> sendKey) {
        if (draft.isEmpty() && input.isEmpty()) {
            throw new InvalidInput("invalid-input", "un message à envoyer : un brouillon ou un corps");
        }
        Optional<Sent> already = sendKey.flatMap(key -> sentWith(me, key));
        if (already.isPresent()) {
            return already.get();
        }
        Composition text;
        Addressing addressing;
        if (input.isPresent()) {
            text = Composition.of(input.get().subject(), input.get().body(), settings.maxBodyChars());
            addressing = Addressing.parse(input.get().to(), input.get().cc(), input.get().bcc());
        } else {
            Views.Message saved = data.read(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                ownDraft(em, me, draft.get());
                return Mailbox.held(em, me, draft.get());
            });
            text = new Composition(saved.subject(), saved.body(), fr.ent.platform.runtime.text.RichText.plain(saved.body()));
            addressing = new Addressing(addresses(saved.to()), addresses(saved.cc()), addresses(saved.bcc()));
        }
        if (addressing.isEmpty()) {
            throw new InvalidInput("message-no-recipient");
        }
        rules.verify(me.id(), addressing.recipients());
        List<Written> written = named(addressing);
        Set<UUID> people = members(addressing);
        people.remove(me.id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Sent sent = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            if (sendKey.isPresent()) {
                em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                        .setParameter(1, "messagerie-send:" + me.id() + ":" + sendKey.get()).getSingleResult();
                Optional<UUID> first = sentId(em, me, sendKey.get());
                if (first.isPresent()) {
                    return new Sent(first.get(), true, Set.of());
                }
            }
            Message m = draft.isPresent() ? ownDraft(em, me, draft.get()) : created(em, me, null, null, now);
            m.write(text.subject(), text.body(), text.bodyText(), now);
            m.send(sendKey.orElse(null), now);
            em.flush();
            address(em, m.id(), written);
            keep(em, me, m.id(), "SENT", false);
            em.createNativeQuery("INSERT INTO mailbox_entry (user_id, message_id, box, unread, trashed, at)"
                            + " SELECT u, ?2, 'INBOX', true, false, (SELECT sent_at FROM message WHERE id = ?2)"
                            + " FROM unnest(string_to_array(?1, ',')::uuid[]) AS u ON CONFLICT DO NOTHING")
                    .setParameter(1, Columns.list(people)).setParameter(2, m.id()).executeUpdate();
            return new Sent(m.id(), false, Set.copyOf(people));
        });
        if (!sent.again()) {
            delivery.notify(me, sent.id(), text.subject(), sent.recipients());
        }
        return sent;
    }

    /** Starts a reply, a reply to all or a forward of a message the person holds, as a new draft; returns its id. */
    public UUID answer(Person me, UUID original, Answer mode, Locale locale) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Views.Message held = Mailbox.held(em, me, original);
            if (held.draft()) {
                throw new NotFound("message-not-found", original.toString());
            }
            Addressing was = new Addressing(addresses(held.to()), addresses(held.cc()), addresses(held.bcc()));
            Answer.Start start = mode.start(new Held(held.id(), held.authorId(), held.authorName(), was,
                    held.subject(), held.body(), held.sentAt().orElse(null)), me.id(), locale);
            Map<Address, String> known = new HashMap<>();
            known.put(new Address(Recipient.Kind.USER, held.authorId()), held.authorName());
            for (Views.Addressee a : concat(held.to(), held.cc())) {
                known.put(new Address(Recipient.Kind.valueOf(a.kind()), a.id()), a.name());
            }
            Composition text = Composition.of(start.subject(), start.body(), settings.maxBodyChars());
            Message m = created(em, me, held.id(), held.threadId(), now);
            m.write(text.subject(), text.body(), text.bodyText(), now);
            em.flush();
            List<Written> written = new ArrayList<>();
            for (Addressing.Field field : Addressing.Field.values()) {
                for (Address a : start.addressing().in(field)) {
                    written.add(new Written(field, a, known.getOrDefault(a, "")));
                }
            }
            address(em, m.id(), written);
            keep(em, me, m.id(), "DRAFT", false);
            if (mode == Answer.FORWARD && !held.attachments().isEmpty()) {
                Attachments.lockQuota(em, me);
                attachments.withinQuota(em, me, held.attachments().get(0).name(), held.attachments().stream()
                        .filter(a -> a.document() == null).mapToLong(Views.Attachment::size).sum());
                // the copies name the same stored objects (Attachments.forget deletes one when no row names it);
                // FOR SHARE: a delete of the original's rows at the same moment either waits for this or wins
                em.createNativeQuery("INSERT INTO attachment (id, message_id, owner_id, name, content_type, size,"
                                + " content, object_key, document_id, shared_by, created_at) SELECT gen_random_uuid(),"
                                + " ?1, ?2, name, content_type, size, content, object_key, document_id, shared_by, now()"
                                + " FROM attachment WHERE message_id = ?3 FOR SHARE")
                        .setParameter(1, m.id()).setParameter(2, me.id()).setParameter(3, held.id()).executeUpdate();
            }
            return m.id();
        });
    }

    /**
     * One of the person's drafts, to change: someone else's message, or none, is not found; the person's own
     * message already sent is a conflict. Native SQL in schema already.
     */
    static Message ownDraft(EntityManager em, Person me, UUID id) {
        Message m = em.find(Message.class, id);
        if (m == null || !m.authorId().equals(me.id())) {
            throw new NotFound("message-not-found", id.toString());
        }
        Object box = em.createNativeQuery("SELECT box FROM mailbox_entry WHERE user_id = ?1 AND message_id = ?2")
                .setParameter(1, me.id()).setParameter(2, id).getResultList().stream().findFirst().orElse(null);
        if (box == null) {
            throw new NotFound("message-not-found", id.toString());
        }
        if (!m.isDraft()) {
            throw new Conflict("message-already-sent");
        }
        return m;
    }

    private Optional<Sent> sentWith(Person me, UUID key) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return sentId(em, me, key).map(id -> new Sent(id, true, Set.of()));
        });
    }

    private static Optional<UUID> sentId(EntityManager em, Person me, UUID key) {
        return em.createNativeQuery("SELECT id FROM message WHERE author_id = ?1 AND send_key = ?2")
                .setParameter(1, me.id()).setParameter(2, key).getResultList().stream().findFirst()
                .map(Columns::uuid);
    }

    private static Message created(EntityManager em, Person me, UUID parent, UUID thread, OffsetDateTime now) {
        Message m = new Message(me.id(), me.name(), parent, thread, now);
        em.persist(m);
        return m;
    }

    /** The author's own entry: a draft, then sent. */
    private static void keep(EntityManager em, Person me, UUID message, String box, boolean unread) {
        em.createNativeQuery("INSERT INTO mailbox_entry (user_id, message_id, box, unread, trashed, at)"
                        + " SELECT ?1, id, ?3, ?4, false, coalesce(sent_at, updated_at) FROM message WHERE id = ?2"
                        + " ON CONFLICT (user_id, message_id) DO UPDATE SET box = EXCLUDED.box, at = EXCLUDED.at,"
                        + " trashed = false")
                .setParameter(1, me.id()).setParameter(2, message).setParameter(3, box).setParameter(4, unread)
                .executeUpdate();
    }

    /** An addressee as written on a message, with the name shown. */
    private record Written(Addressing.Field field, Address address, String name) {
    }

    private static void address(EntityManager em, UUID message, List<Written> written) {
        em.createNativeQuery("DELETE FROM message_addressee WHERE message_id = ?1").setParameter(1, message)
                .executeUpdate();
        for (Written w : written) {
            em.createNativeQuery("INSERT INTO message_addressee (message_id, field, kind, addressee_id, name)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, message).setParameter(2, w.field().name())
                    .setParameter(3, w.address().kind().name()).setParameter(4, w.address().id())
                    .setParameter(5, w.name()).executeUpdate();
        }
    }

    /** The addressees with their names now; one the directory does not know is refused like one outside the rules. */
    private List<Written> named(Addressing addressing) {
        Map<UUID, String> people = names.userNames(addressing.ids(Recipient.Kind.USER));
        Map<UUID, String> groups = names.groupNames(addressing.ids(Recipient.Kind.GROUP));
        List<Written> written = new ArrayList<>();
        for (Addressing.Field field : Addressing.Field.values()) {
            for (Address a : addressing.in(field)) {
                String name = (a.kind() == Recipient.Kind.USER ? people : groups).get(a.id());
                if (name == null) {
                    throw new NotAllowed("communication-refused");
                }
                written.add(new Written(field, a, name));
            }
        }
        return written;
    }

    /** Everyone the message reaches: the people named and the members of the groups named, now. */
    private Set<UUID> members(Addressing addressing) {
        Set<UUID> people = new HashSet<>(addressing.ids(Recipient.Kind.USER));
        for (UUID group : addressing.ids(Recipient.Kind.GROUP)) {
            people.addAll(audiences.members(new Audience(Audience.Kind.GROUP, group, Optional.empty())));
        }
        return people;
    }

    private static List<Address> addresses(List<Views.Addressee> addressees) {
        return addressees.stream().map(a -> new Address(Recipient.Kind.valueOf(a.kind()), a.id())).toList();
    }

    private static List<Views.Addressee> concat(List<Views.Addressee> a, List<Views.Addressee> b) {
        List<Views.Addressee> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
