package fr.ent.platform.apps.messagerie.moderation;

import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.mail.Attachments;
import fr.ent.platform.apps.messagerie.mail.Mailbox;
import fr.ent.platform.apps.messagerie.mail.Person;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.runtime.moderation.ContentFacts;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.moderation.ContentSource;
import fr.ent.platform.runtime.moderation.ContentState;
import fr.ent.platform.runtime.moderation.Moderation;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Messages as the moderation service sees them (kind {@code message}). A reader may report a sent message they
 * hold (not their own); it belongs to its author's school. Neutralizing sets the message's flag (the mailbox then
 * serves a placeholder everywhere and search skips it) and masks the "new message" notifications that quoted its
 * subject; restoring undoes both; deleting removes the message from every mailbox (the moderation app keeps the
 * evidence).
 */
@ApplicationScoped
public class MessageContent implements ContentSource {

    public static final String KIND = "message";

    @PersistenceUnit(unitName = MessagerieApp.ID)
    EntityManagerFactory unit;

    @Inject
    Attachments attachments;

    @Inject
    TenantData data;

    @Inject
    Mailbox mailbox;

    @Inject
    UserService users;

    @Inject
    StructureService schools;

    @Inject
    Timeline timeline;

    @Override
    public String app() {
        return MessagerieApp.ID;
    }

    @Override
    public Optional<ContentFacts> readableBy(VerifiedToken reader, ContentRef ref) {
        Optional<UUID> id = id(ref);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            Person me = Person.of(reader);
            var held = mailbox.get(me, id.get());
            if (held.draft() || held.authorId().equals(me.id())) {
                return Optional.empty();
            }
        } catch (DomainException notTheirs) {
            return Optional.empty();
        }
        return facts(ref);
    }

    @Override
    public Optional<ContentFacts> facts(ContentRef ref) {
        Optional<UUID> id = id(ref);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT author_id, author_name, subject, body_text,"
                    + " neutralized FROM message WHERE id = ?1 AND state = 'SENT'").setParameter(1, id.get())
                    .getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (row == null) {
            return Optional.empty();
        }
        UUID author = row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString());
        return Optional.of(new ContentFacts(ref, Optional.of(author), (String) row[1], schoolsOf(author),
                (String) row[2], (String) row[3], link(id.get()),
                Boolean.TRUE.equals(row[4]) ? ContentState.NEUTRALIZED : ContentState.VISIBLE));
    }

    @Override
    public void apply(ContentRef ref, ContentState state) {
        UUID id = id(ref).orElseThrow(() -> new fr.ent.platform.problem.NotFound("no-such-resource"));
        String authorName = facts(ref).map(ContentFacts::authorName).orElse("");
        List<String> objects = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            if (state == ContentState.DELETED) {
                // out of every mailbox, then the message and its files (those a forward does not share)
                em.createNativeQuery("DELETE FROM mailbox_entry WHERE message_id = ?1").setParameter(1, id)
                        .executeUpdate();
                return Attachments.deleteUnheld(em, List.of(id));
            }
            em.createNativeQuery("UPDATE message SET neutralized = ?2 WHERE id = ?1").setParameter(1, id)
                    .setParameter(2, state == ContentState.NEUTRALIZED).executeUpdate();
            return List.<String>of();
        });
        attachments.forget(objects);
        if (state == ContentState.VISIBLE) {
            timeline.unmask(link(id));
        } else {
            timeline.mask(link(id), maskedNotice(authorName));
        }
    }

    /** The "new message" notice with the placeholder in place of the subject, in every language. */
    static Map<String, String> maskedNotice(String authorName) {
        Map<String, String> texts = new HashMap<>();
        for (Locale language : Pages.LANGUAGES) {
            texts.put(language.getLanguage(), new MessageFormat(MessagerieApp.texts(language)
                    .getString("notification.text"), language)
                    .format(new Object[] {authorName, Moderation.placeholder(language)}));
        }
        return texts;
    }

    private Set<String> schoolsOf(UUID author) {
        if (!users.existing(Set.of(author)).contains(author)) {
            return Set.of();
        }
        UUID school = users.get(author.toString()).structureId();
        if (school == null) {
            return Set.of();
        }
        return schools.list().stream().filter(s -> school.equals(s.id())).map(StructureView::uai)
                .collect(Collectors.toSet());
    }

    private static String link(UUID id) {
        return "/messagerie/messages/" + id;
    }

    private static Optional<UUID> id(ContentRef ref) {
        if (!ref.app().equals(MessagerieApp.ID) || !ref.kind().equals(KIND)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ref.id()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
