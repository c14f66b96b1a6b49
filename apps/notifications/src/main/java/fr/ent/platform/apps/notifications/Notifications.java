package fr.ent.platform.apps.notifications;

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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The timeline of the current collectivity: what apps post to its users, what each user reads. A user only ever
 * reaches their own notifications: every query is bounded by the recipient, and a notification of someone else
 * answers as if it did not exist.
 */
@ApplicationScoped
public class Notifications {

    static final int MAX_TEXT = 2000;
    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9.-]{1,60}$");
    private static final Pattern LINK = Pattern.compile("^/([^/].*)?$");

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    private final Clock clock = Clock.systemUTC();

    /** Posts one notification to each recipient (directory user ids of this collectivity); returns how many. */
    public int post(Collection<UUID> recipients, String type, String text, Optional<String> link) {
        check(type, text, link);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> {
            for (UUID recipient : recipients) {
                em.persist(new Notification(recipient, type, text.strip(), link.orElse(null), now));
            }
            return recipients.size();
        });
    }

    /** What a notification must be, whoever posts it: refused with a 400 naming the field. */
    static void check(String type, String text, Optional<String> link) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidInput("invalid-input", "type : identifiant en minuscules (a-z, 0-9, '.', '-'), 2 à 61 caractères");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new InvalidInput("invalid-input", "text : entre 1 et " + MAX_TEXT + " caractères");
        }
        if (link.isPresent() && !LINK.matcher(link.get()).matches()) {
            throw new InvalidInput("invalid-input", "link : un chemin de ce portail, commençant par « / »");
        }
    }

    /** The latest notifications of a user, newest first. */
    public List<NotificationView> latest(UUID recipient, int limit) {
        return data.read(unit, em -> em.createQuery("SELECT n FROM Notification n WHERE n.recipientId = :r"
                        + " ORDER BY n.createdAt DESC, n.id", Notification.class)
                .setParameter("r", recipient).setMaxResults(limit).getResultList()
                .stream().map(NotificationView::of).toList());
    }

    public long unread(UUID recipient) {
        return data.read(unit, em -> em.createQuery("SELECT COUNT(n) FROM Notification n"
                        + " WHERE n.recipientId = :r AND n.readAt IS NULL", Long.class)
                .setParameter("r", recipient).getSingleResult());
    }

    /** Marks one of the user's notifications read; someone else's, or an unknown id, is not found. */
    public NotificationView markRead(UUID recipient, UUID id) {
        return data.write(unit, em -> {
            Notification n = mine(em, recipient, id);
            n.markRead(OffsetDateTime.now(clock));
            return NotificationView.of(n);
        });
    }

    private static Notification mine(EntityManager em, UUID recipient, UUID id) {
        Notification n = em.find(Notification.class, id);
        if (n == null || !n.recipientId().equals(recipient)) {
            throw new NotFound("no-such-resource");
        }
        return n;
    }
}
