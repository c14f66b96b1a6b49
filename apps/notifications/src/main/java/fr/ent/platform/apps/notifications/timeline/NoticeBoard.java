package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.apps.notifications.NotificationTypes;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.runtime.notify.Audience;
import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where apps post notices ({@link Timeline}). A post writes the notice and what remains to deliver in one
 * transaction and returns: the fan-out to the recipients runs afterwards ({@link FanOut}), so that a notice to a
 * school of a thousand people costs the request that caused it one insert.
 */
@ApplicationScoped
public class NoticeBoard implements Timeline {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_USERS = 1000;
    public static final int MAX_AUDIENCES = 50;
    private static final Pattern LINK = Pattern.compile("^/([^/].*)?$");
    private static final Set<String> LANGUAGES = Set.of("fr", "en", "es");

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    TenantContext tenants;

    @Inject
    NotificationTypes types;

    @Inject
    FanOut fanOut;

    @Inject
    Clock clock;

    @Override
    public UUID post(Notice notice) {
        check(notice);
        if (types.byId(notice.type()).isEmpty()) {
            throw new InvalidInput("unknown-notification-type", notice.type());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        data.write(unit, em -> {
            em.persist(new StoredNotice(id, notice.type(), stripped(notice.texts()), notice.link().orElse(null),
                    notice.author().orElse(null), now));
            em.flush(); // the notice first: EclipseLink does not order inserts by a foreign key it does not map
            em.persist(new PendingFanOut(id, notice.users().stream().map(UUID::toString).sorted().toList(),
                    notice.audiences().stream().map(NoticeBoard::line).sorted().toList(), now));
            return null;
        });
        fanOut.later(tenants.current(), id);
        return id;
    }

    @Override
    public int mask(String link, Map<String, String> texts) {
        if (texts.get("fr") == null || !LANGUAGES.containsAll(texts.keySet())) {
            throw new InvalidInput("invalid-input", "texts : un texte en français (fr)");
        }
        Map<String, String> kept = stripped(texts);
        return data.write(unit, em -> {
            var notices = noticesOpening(em, link);
            notices.forEach(n -> n.mask(kept));
            return notices.size();
        });
    }

    @Override
    public int unmask(String link) {
        return data.write(unit, em -> {
            var notices = noticesOpening(em, link);
            notices.forEach(n -> n.mask(null));
            return notices.size();
        });
    }

    private static java.util.List<StoredNotice> noticesOpening(jakarta.persistence.EntityManager em, String link) {
        return em.createQuery("SELECT n FROM StoredNotice n WHERE n.link = :l", StoredNotice.class)
                .setParameter("l", link).getResultList();
    }

    /** What a notice must be, whoever posts it: refused with a 400 naming the field. */
    public static void check(Notice notice) {
        Map<String, String> texts = notice.texts();
        if (texts.get("fr") == null || !LANGUAGES.containsAll(texts.keySet())) {
            throw new InvalidInput("invalid-input", "texts : un texte en français (fr), et en anglais (en) ou espagnol (es) si vous les avez");
        }
        for (String text : texts.values()) {
            if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
                throw new InvalidInput("invalid-input", "texts : entre 1 et " + MAX_TEXT + " caractères");
            }
        }
        Optional<String> link = notice.link();
        if (link.isPresent() && !LINK.matcher(link.get()).matches()) {
            throw new InvalidInput("invalid-input", "link : un chemin de ce portail, commençant par « / »");
        }
        if (notice.users().isEmpty() && notice.audiences().isEmpty()) {
            throw new InvalidInput("invalid-input", "recipients : au moins un utilisateur ou un groupe");
        }
        if (notice.users().size() > MAX_USERS || notice.audiences().size() > MAX_AUDIENCES) {
            throw new InvalidInput("invalid-input", "recipients : " + MAX_USERS
                    + " utilisateurs et " + MAX_AUDIENCES + " groupes au plus (nommez un groupe plutôt que ses membres)");
        }
    }

    private static Map<String, String> stripped(Map<String, String> texts) {
        Map<String, String> out = new java.util.HashMap<>();
        texts.forEach((k, v) -> out.put(k, v.strip()));
        return out;
    }

    static String line(Audience a) {
        return a.kind() + " " + a.id() + a.profile().map(p -> " " + p).orElse("");
    }

    public static Audience audience(String line) {
        String[] parts = line.split(" ");
        return new Audience(Audience.Kind.valueOf(parts[0]), UUID.fromString(parts[1]),
                parts.length > 2 ? Optional.of(parts[2]) : Optional.empty());
    }
}
