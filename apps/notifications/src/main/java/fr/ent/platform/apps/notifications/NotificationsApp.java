package fr.ent.platform.apps.notifications;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.notify.NotificationType;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.Set;

/** The notifications app as it states itself to the platform (see AppDescriptor). */
@ApplicationScoped
public class NotificationsApp {

    public static final String ID = "notifications";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST),
            Optional.of(new AppDescriptor.Launcher("app.name", "notifications.svg", "/notifications")),
            "fr.ent.platform.apps.notifications.messages");

    /** A message an administrator sends to people or groups of the collectivity (shown, not e-mailed by default). */
    @Produces
    public static final NotificationType MESSAGE = new NotificationType(ID + ".message", ID, "type.message", false);
}
