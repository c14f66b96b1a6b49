package fr.ent.platform.apps.console.apps;

import fr.ent.platform.adminapi.CollectivityAppsRequest;
import fr.ent.platform.adminapi.CollectivityAppsView;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.apps.InstalledApps;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The apps the collectivity offers, as its SUPER_ADMIN sees and chooses them in the console: tenant-manager's
 * choice ({@code GET|PUT /collectivities/<this one>/apps}, through the channel with the administrator's own token,
 * ADR 0021), each app named as the portal's launcher names it. The console itself is not among them: it is always
 * on (Tenant.ALWAYS_ENABLED), and tenant-manager does not offer it.
 *
 * <p>For the whole collectivity only, and by its SUPER_ADMIN only: a local administrator gets 403. Per school
 * enabling is not offered (docs/console.md): an app's data and rights span schools (a parent with children in two
 * schools, a teacher in two), and the runtime decides per collectivity.
 */
@ApplicationScoped
public class ConsoleApps {

    @Inject
    TenantManagerChannel tenantManager;

    @Inject
    InstalledApps runtimeApps;

    /** An app as the page lists it. */
    public record App(String id, String name, boolean enabled) {
    }

    public List<App> list(ConsoleScope scope, Tenant tenant, PortalSession session, Locale locale) {
        return apps(choice(scope, tenant, session, locale), locale);
    }

    /** Turns one app on or off for the collectivity; returns the apps as they are now. */
    public List<App> set(ConsoleScope scope, Tenant tenant, PortalSession session, String app, boolean on,
            Locale locale) {
        AppsChoice current = choice(scope, tenant, session, locale);
        if (app == null || !current.installed().contains(app)) {
            throw new InvalidInput("unknown-apps", String.valueOf(app), String.join(", ", current.installed()));
        }
        AppsChoice next = current.with(app, on);
        TenantManagerChannel.Raw answer = tenantManager.exchange(tenant, session, "PUT", "apps", "application/json",
                locale, "application/json", TenantManagerChannel.json(new CollectivityAppsRequest(
                        next.enabled().orElse(null))));
        return apps(read(answer), locale);
    }

    /** The app's name in the reader's language, as the launcher shows it (its id if it has none). */
    public String name(String app, Locale locale) {
        Optional<AppDescriptor> descriptor = runtimeApps.byId(app);
        if (descriptor.isEmpty()) {
            return app;
        }
        // the app's own name ("Annuaire"), else its launcher entry's ("Ma classe")
        try {
            var bundle = Pages.bundle(descriptor.get().messages(), locale, ConsoleApps.class.getClassLoader());
            String key = bundle.containsKey("app.name") ? "app.name"
                    : descriptor.get().launcher().map(AppDescriptor.Launcher::nameKey).orElse("app.name");
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return app;
        }
    }

    private AppsChoice choice(ConsoleScope scope, Tenant tenant, PortalSession session, Locale locale) {
        if (!scope.whole()) {
            throw new NotAllowed("forbidden");
        }
        return read(tenantManager.exchange(tenant, session, "GET", "apps", "application/json", locale, null, null));
    }

    private static AppsChoice read(TenantManagerChannel.Raw answer) {
        if (answer.status() == 400) {
            throw new InvalidInput("malformed-request");
        }
        if (answer.status() != 200) {
            throw new DependencyFailed("tenant-manager-failed");
        }
        CollectivityAppsView view = TenantManagerChannel.read(new TenantManagerChannel.Answer(200,
                answer.contentType(), answer.text()), CollectivityAppsView.class);
        return new AppsChoice(Optional.ofNullable(view.enabled()), view.installed());
    }

    private List<App> apps(AppsChoice choice, Locale locale) {
        return choice.installed().stream().map(id -> new App(id, name(id, locale), choice.enables(id)))
                .sorted(Comparator.comparing(App::name, java.text.Collator.getInstance(locale))).toList();
    }
}
