package fr.ent.platform.apps.privacy;

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
 * "Mes données": a person's rights over what the platform keeps about them (ADR 0030). Reached from Mon compte, not
 * from the launcher; always enabled (the law's rights are no option of the collectivity: {@code Tenant.ALWAYS_ENABLED}).
 */
@ApplicationScoped
public class PrivacyApp {

    public static final String ID = "privacy";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST), Optional.empty(),
            "fr.ent.platform.apps.privacy.messages");

    @Produces
    @jakarta.inject.Singleton
    PrivacySettings settings(fr.ent.platform.settings.SettingReader settings) {
        return PrivacySettings.from(settings);
    }

    /** The app's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, PrivacyApp.class.getClassLoader());
    }
}
