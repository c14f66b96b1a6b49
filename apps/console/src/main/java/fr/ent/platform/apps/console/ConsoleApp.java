package fr.ent.platform.apps.console;

import fr.ent.platform.apps.console.tenantmanager.ConsoleSettings;
import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.settings.SettingReader;
import jakarta.inject.Singleton;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The tenant console as it states itself to the platform: pages under {@code /console} for the collectivity's
 * administrators, its launcher entry shown to SUPER_ADMIN and ADMIN_LOCAL only. Its one table is its audit trail
 * ({@code db/apps/console}, ADR 0024): schools, classes and people are the directory's (read and changed through its services), accounts and reports are tenant-manager's
 * (reached with the administrator's own token, ADR 0021).
 */
@ApplicationScoped
public class ConsoleApp {

    public static final String ID = "console";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL),
            Optional.of(new AppDescriptor.Launcher("app.name", "console.svg", "/console")),
            "fr.ent.platform.apps.console.messages");

    @Produces
    @Singleton
    ConsoleSettings settings(SettingReader settings) {
        return ConsoleSettings.from(settings);
    }

    /** The console's texts in a language (French when it has none). */
    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, ConsoleApp.class.getClassLoader());
    }
}
