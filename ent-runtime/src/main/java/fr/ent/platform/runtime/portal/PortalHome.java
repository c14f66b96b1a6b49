package fr.ent.platform.runtime.portal;

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
 * The collectivity's portal home page (the URL the launcher prints): the shell (collectivity, signed-in user, the
 * launcher of the apps this user may open) and the widgets of the enabled apps. Plain accessible HTML that reads on
 * a phone and needs no script.
 */
@WebServlet(urlPatterns = "", name = "portal-home")
public class PortalHome extends HttpServlet {

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Instance<HomeWidget> widgets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        Optional<PortalSession> session = sessions.current(request, tenant);
        HomeWidget.Reader reader = new HomeWidget.Reader(tenant, session.map(PortalSession::token), locale,
                session.map(PortalSession::csrfToken));
        List<Widget> shown = widgets.stream()
                .filter(w -> tenant.enables(w.app()))
                .sorted(Comparator.comparingInt(HomeWidget::position))
                .flatMap(w -> w.render(reader).stream())
                .toList();
        Shell shell = launcher.shell(tenant, session, locale, tenant.displayName());
        Pages.write(response, "home.jte", Map.of("shell", shell, "widgets", shown));
    }
}
