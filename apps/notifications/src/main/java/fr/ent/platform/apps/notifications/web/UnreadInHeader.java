package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.notifications.timeline.Notifications;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.runtime.portal.HeaderFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.UUID;

/** The signed-in user's unread count in the header, on every page. */
@ApplicationScoped
public class UnreadInHeader implements HeaderFacts {

    @Inject
    Notifications notifications;

    @Override
    public String app() {
        return NotificationsApp.ID;
    }

    @Override
    public OptionalLong unread(UUID user) {
        return OptionalLong.of(notifications.unreadOnPage(user));
    }
}
