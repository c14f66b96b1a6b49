package fr.ent.platform.apps.moderation;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.notify.NotificationType;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The moderation app as it states itself to the platform. Its launcher entry (the moderators' queue) is for the
 * collectivity's administrators; every reader meets it through the "Signaler" links of the other apps. The author
 * of a moderated content is told with a notification of type {@code moderation.decided}.
 */
@ApplicationScoped
public class ModerationApp {

    public static final String ID = "moderation";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL),
            Optional.of(new AppDescriptor.Launcher("app.name", "moderation.svg", "/moderation")),
            "fr.ent.platform.apps.moderation.messages");

    @Produces
    public static final NotificationType DECIDED = new NotificationType("moderation.decided", ID,
            "notification.decided", true);

    /** The app's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, ModerationApp.class.getClassLoader());
    }
}
