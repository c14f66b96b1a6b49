package fr.ent.platform.apps.diary;

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
 * The cahier de textes as it states itself to the platform: a launcher entry for pupils, parents, teachers and
 * personnel (a guest has no class); a homework becoming visible to the families is a notification of type
 * {@code diary.homework}.
 */
@ApplicationScoped
public class DiaryApp {

    public static final String ID = "diary";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL),
            Optional.of(new AppDescriptor.Launcher("app.name", "diary.svg", "/diary")),
            "fr.ent.platform.apps.diary.messages");

    /** A homework became visible: the class's pupils and their parents are told once ({@link HomeworkNotices}). */
    @Produces
    public static final NotificationType HOMEWORK = new NotificationType("diary.homework", ID,
            "notification.homework", false);

    /** The app's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, DiaryApp.class.getClassLoader());
    }
}
