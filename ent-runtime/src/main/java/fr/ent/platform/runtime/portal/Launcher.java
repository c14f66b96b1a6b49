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

    @Inject
    jakarta.enterprise.inject.Instance<HeaderFacts> facts;

    /** Profiles in the order the header names the first one a user holds. */
    private static final List<String> PROFILES = List.of(fr.ent.platform.runtime.security.Roles.TEACHER,
            fr.ent.platform.runtime.security.Roles.PERSONNEL, fr.ent.platform.runtime.security.Roles.STUDENT,
            fr.ent.platform.runtime.security.Roles.RELATIVE, fr.ent.platform.runtime.security.Roles.GUEST);

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
        return new Shell(locale, title, tenant.displayName(), session.map(s -> signedIn(tenant, s)),
                entries(tenant, user, locale), Shell.Branding.of(tenant.branding()));
    }

    private Shell.SignedIn signedIn(Tenant tenant, PortalSession session) {
        VerifiedToken token = session.token();
        Optional<String> profile = PROFILES.stream().filter(token::hasRole).findFirst().map(p -> "profile." + p);
        List<String> schools = new java.util.ArrayList<>();
        java.util.OptionalLong unread = java.util.OptionalLong.empty();
        java.util.OptionalLong unreadMessages = java.util.OptionalLong.empty();
        Optional<java.util.UUID> me = token.entUserId().map(java.util.UUID::fromString);
        if (me.isPresent()) {
            for (HeaderFacts f : facts) {
                if (tenant.enables(f.app())) {
                    schools.addAll(f.schools(me.get()));
                    java.util.OptionalLong count = f.unread(me.get());
                    if (count.isPresent()) {
                        unread = count;
                    }
                    java.util.OptionalLong messages = f.unreadMessages(me.get());
                    if (messages.isPresent()) {
                        unreadMessages = messages;
                    }
                }
            }
        }
        return new Shell.SignedIn(token.displayName(), session.csrfToken(), profile, List.copyOf(schools), unread,
                unreadMessages);
    }

    private static Shell.LauncherEntry entry(AppDescriptor app, Locale locale) {
        AppDescriptor.Launcher launcher = app.launcher().orElseThrow();
        // The app's bundle is in its own jar, visible through the war's class loader like every class of the app.
        String name = Pages.bundle(app.messages(), locale, Launcher.class.getClassLoader()).getString(launcher.nameKey());
        return new Shell.LauncherEntry(app.id(), name, launcher.icon(), launcher.path());
    }
}
