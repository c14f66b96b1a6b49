package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.notifications.timeline.NotificationView;
import fr.ent.platform.apps.notifications.timeline.Notifications;
import fr.ent.platform.apps.notifications.NotificationsApp;

import fr.ent.platform.runtime.portal.HomeWidget;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.web.Pages;
import gg.jte.TemplateEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/** The signed-in user's latest notifications on the home page (nothing for anonymous readers). */
@ApplicationScoped
public class LatestNotificationsWidget implements HomeWidget {

    static final TemplateEngine TEMPLATES = Pages.engine(LatestNotificationsWidget.class,
            "fr.ent.platform.apps.notifications.jte");

    @Inject
    Notifications notifications;

    @Override
    public String app() {
        return NotificationsApp.ID;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        Optional<UUID> me = reader.user().flatMap(u -> u.entUserId()).map(UUID::fromString);
        if (me.isEmpty()) {
            return Optional.empty();
        }
        List<NotificationView> items = notifications.latest(me.get(), 5, reader.locale());
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), reader.locale(),
                LatestNotificationsWidget.class.getClassLoader());
        long unread = notifications.unread(me.get());
        String title = texts.getString("widget.title") + " (" + unread + " " + texts.getString("unread") + ")";
        return Optional.of(new Widget("notifications", title, output -> TEMPLATES.render("latest.jte",
                Map.of("items", items, "none", texts.getString("none"), "unreadLabel", texts.getString("new")),
                output)));
    }
}
