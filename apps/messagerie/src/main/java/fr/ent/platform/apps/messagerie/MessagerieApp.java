package fr.ent.platform.apps.messagerie;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.notify.NotificationType;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.settings.SettingReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The messagerie as it states itself to the platform: every profile writes and reads, within the communication
 * rules; a new message is a notification of type {@code messagerie.received}.
 */
@ApplicationScoped
public class MessagerieApp {

    public static final String ID = "messagerie";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST),
            Optional.of(new AppDescriptor.Launcher("app.name", "messagerie.svg", "/messagerie")),
            "fr.ent.platform.apps.messagerie.messages");

    @Produces
    public static final NotificationType RECEIVED = new NotificationType("messagerie.received", ID,
            "notification.received", false);

    @Produces
    @Singleton
    MessagerieSettings settings(SettingReader settings) {
        return MessagerieSettings.from(settings);
    }

    /** The app's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, MessagerieApp.class.getClassLoader());
    }
}
