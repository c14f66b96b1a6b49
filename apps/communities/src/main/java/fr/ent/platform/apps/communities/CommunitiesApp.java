package fr.ent.platform.apps.communities;

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
 * Communautés as they state themselves to the platform: a launcher entry for pupils, parents, teachers and personnel
 * (teachers and personnel create communities, everyone joins them), and the kinds of notifications they post.
 */
@ApplicationScoped
public class CommunitiesApp {

    public static final String ID = "communities";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL),
            Optional.of(new AppDescriptor.Launcher("app.name", "communities.svg", "/communities")),
            "fr.ent.platform.apps.communities.messages");

    /** To the invitee: an administrator invites them. */
    @Produces
    public static final NotificationType INVITED = new NotificationType("communities.invited", ID,
            "notification.invited", true);

    /** To the administrators: someone asks to join. */
    @Produces
    public static final NotificationType REQUESTED = new NotificationType("communities.requested", ID,
            "notification.requested", false);

    /** To the members: a new announcement. */
    @Produces
    public static final NotificationType ANNOUNCED = new NotificationType("communities.announced", ID,
            "notification.announced", false);

    /** The texts of the app in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, CommunitiesApp.class.getClassLoader());
    }
}
