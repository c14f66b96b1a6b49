package fr.ent.platform.apps.actualites;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.notify.NotificationType;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/** Actualités (news) as it states itself to the platform: a launcher entry for every profile; a publication is
 * a notification of type {@code actualites.published}. */
@ApplicationScoped
public class ActualitesApp {

    public static final String ID = "actualites";

    /** The shared resource type: a thread (its items take the thread's rights). */
    public static final String THREAD = "thread";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST),
            Optional.of(new AppDescriptor.Launcher("app.name", "actualites.svg", "/actualites")),
            "fr.ent.platform.apps.actualites.messages");

    /** An item went live: its thread's readers are told once ({@link PublicationNotices}). */
    @Produces
    public static final NotificationType PUBLISHED = new NotificationType("actualites.published", ID,
            "notification.published", false);

    public static ResourceRef thread(UUID id) {
        return new ResourceRef(ID, THREAD, id.toString());
    }

    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, ActualitesApp.class.getClassLoader());
    }
}
