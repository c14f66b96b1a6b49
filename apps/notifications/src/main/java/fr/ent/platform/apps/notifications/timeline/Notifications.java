package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A user's timeline in the current collectivity: the notices delivered to them and visible now (a notice held by
 * quiet hours is neither listed nor counted before they end), in their language. A user only ever reaches their
 * own deliveries: every query is bounded by the recipient, and someone else's answers as if it did not exist.
 */
@ApplicationScoped
public class Notifications {

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Clock clock;

    @Inject
    fr.ent.platform.runtime.persistence.RequestMemo memo;

    /** The latest notifications of a user, newest first, in {@code locale}'s language. */
    public List<NotificationView> latest(UUID recipient, int limit, Locale locale) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.read(unit, em -> em.createQuery(Delivery.WITH_NOTICES
                        + " AND d.recipientId = :r AND d.visibleAt <= :now"
                        + " ORDER BY d.visibleAt DESC, d.noticeId", Object[].class)
                .setParameter("r", recipient).setParameter("now", now).setMaxResults(limit).getResultList())
                .stream().map(row -> NotificationView.of((Delivery) row[0], (StoredNotice) row[1], locale)).toList();
    }

    /**
     * The unread count as a page shows it: read once per request, for the header and the notifications widget both
     * show it (nothing marks a notification read between the two in one request).
     */
    public long unreadOnPage(UUID recipient) {
        return memo.once("notifications.unread " + recipient, () -> unread(recipient));
    }

    public long unread(UUID recipient) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.read(unit, em -> em.createQuery("SELECT COUNT(d) FROM Delivery d"
                        + " WHERE d.recipientId = :r AND d.readAt IS NULL AND d.visibleAt <= :now", Long.class)
                .setParameter("r", recipient).setParameter("now", now).getSingleResult());
    }

    /** Marks one of the user's visible notifications read; someone else's, or an unknown id, is not found. */
    public NotificationView markRead(UUID recipient, UUID id, Locale locale) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> {
            Delivery d = em.find(Delivery.class, new Delivery.Key(id, recipient));
            if (d == null || d.visibleAt().isAfter(now)) {
                throw new NotFound("no-such-resource");
            }
            d.markRead(now);
            return NotificationView.of(d, em.find(StoredNotice.class, id), locale);
        });
    }

    /** Marks every visible notification of the user read; returns how many were unread. */
    public int markAllRead(UUID recipient) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> em.createQuery("UPDATE Delivery d SET d.readAt = :now"
                        + " WHERE d.recipientId = :r AND d.readAt IS NULL AND d.visibleAt <= :now")
                .setParameter("r", recipient).setParameter("now", now).executeUpdate());
    }
}
