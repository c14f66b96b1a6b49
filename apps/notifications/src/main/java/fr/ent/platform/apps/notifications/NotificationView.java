package fr.ent.platform.apps.notifications;

import java.time.OffsetDateTime;

/** A notification as its recipient reads it. */
public record NotificationView(String id, String type, String text, String link, OffsetDateTime createdAt,
        boolean read) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id().toString(), n.type(), n.text(), n.link(), n.createdAt(), n.readAt() != null);
    }
}
