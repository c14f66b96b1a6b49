package fr.ent.platform.runtime.account;

import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.Shell;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Mon compte": the signed-in user's page, made of the {@link AccountSection}s of the platform and of the apps the
 * collectivity has enabled. A reader who is not signed in is sent to sign in and comes back here.
 */
@WebServlet(urlPatterns = "/account", name = "account-page")
public class AccountPage extends HttpServlet {

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Instance<AccountSection> sections;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=/account");
            return;
        }
        Locale locale = Pages.locale(request);
        AccountSection.Reader reader = new AccountSection.Reader(tenant, session.get().token(),
                session.get().csrfToken(), locale);
        List<Widget> shown = sections.stream()
                .filter(s -> AccountSection.PLATFORM.equals(s.app()) || tenant.enables(s.app()))
                .sorted(Comparator.comparingInt(AccountSection::position))
                .flatMap(s -> s.render(reader).stream())
                .toList();
        Shell shell = launcher.shell(tenant, session, locale, Pages.text("my-account", locale));
        Pages.write(response, "account.jte", Map.of("shell", shell, "sections", shown));
    }
}
