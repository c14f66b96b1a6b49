package fr.ent.platform.apps.sharing;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Share rights as the platform's service (runtime.sharing.ShareRights), with the one sharing dialog every app links
 * to ({@code /sharing/<app>/<type>/<id>}). No launcher entry: people reach it from the apps' resources.
 */
@ApplicationScoped
public class SharingApp {

    public static final String ID = "sharing";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST),
            Optional.empty(), "fr.ent.platform.apps.sharing.messages");

    /** The app's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, SharingApp.class.getClassLoader());
    }
}
