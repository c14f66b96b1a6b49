package fr.ent.platform.runtime.portal;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.apps.InstalledApps;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.Shell;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The apps a reader may open from the portal: installed, enabled by the collectivity, with a launcher entry, and
 * meant for one of the reader's profiles. Hiding an app here is a convenience: every endpoint checks its own rule.
 */
@ApplicationScoped
public class Launcher {

    @Inject
    InstalledApps apps;

    public List<Shell.LauncherEntry> entries(Tenant tenant, Optional<VerifiedToken> user, Locale locale) {
        if (user.isEmpty()) {
            return List.of();
        }
        return apps.all().stream()
                .filter(app -> tenant.enables(app.id()) && app.launcher().isPresent())
                .filter(app -> app.profiles().stream().anyMatch(user.get()::hasRole))
                .map(app -> entry(app, locale))
                .toList();
    }

    /** The shell of a page of this collectivity for this reader. */
    public Shell shell(Tenant tenant, Optional<PortalSession> session, Locale locale, String title) {
        Optional<VerifiedToken> user = session.map(PortalSession::token);
        return new Shell(locale, title, tenant.displayName(),
                session.map(s -> new Shell.SignedIn(s.token().displayName(), s.csrfToken())),
                entries(tenant, user, locale), Shell.Branding.of(tenant.branding()));
    }

    private static Shell.LauncherEntry entry(AppDescriptor app, Locale locale) {
        AppDescriptor.Launcher launcher = app.launcher().orElseThrow();
        // The app's bundle is in its own jar, visible through the war's class loader like every class of the app.
        String name = Pages.bundle(app.messages(), locale, Launcher.class.getClassLoader()).getString(launcher.nameKey());
        return new Shell.LauncherEntry(app.id(), name, launcher.icon(), launcher.path());
    }
}
