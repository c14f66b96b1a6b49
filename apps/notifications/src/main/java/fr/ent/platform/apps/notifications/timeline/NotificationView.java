package fr.ent.platform.apps.notifications.timeline;

import java.time.OffsetDateTime;
import java.util.Locale;

/** A notification as its recipient reads it, in their language. */
public record NotificationView(String id, String type, String text, String link, OffsetDateTime createdAt,
        boolean read) {

    static NotificationView of(Delivery d, StoredNotice n, Locale locale) {
        return new NotificationView(n.id().toString(), n.type(), n.text(locale.getLanguage()), n.link(), d.visibleAt(),
                d.readAt() != null);
    }
}
