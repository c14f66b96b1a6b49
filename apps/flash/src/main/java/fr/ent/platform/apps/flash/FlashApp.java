package fr.ent.platform.apps.flash;

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
 * The flash messages app as it states itself to the platform (see AppDescriptor). Its launcher entry (the
 * administration pages) is for administrators; every reader meets its messages in the home widget.
 */
@ApplicationScoped
public class FlashApp {

    public static final String ID = "flash";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL),
            Optional.of(new AppDescriptor.Launcher("app.name", "flash.svg", "/flash")),
            "fr.ent.platform.apps.flash.messages");

    /** The app's texts in a language (French when it has none). */
    static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, FlashApp.class.getClassLoader());
    }
}
