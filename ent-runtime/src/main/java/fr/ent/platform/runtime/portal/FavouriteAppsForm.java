package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** The favourite-apps widget's buttons (add, remove, up, down): one change, then back to the home page's widget. */
@WebServlet(urlPatterns = "/favourites", name = "favourite-apps")
public class FavouriteAppsForm extends HttpServlet {

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Inject
    FavouriteApps favourites;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty() || session.get().token().entUserId().isEmpty() || !favourites.available(tenant)) {
            response.sendRedirect("/auth/login");
            return;
        }
        String presented = request.getParameter("csrf");
        if (!session.get().acceptsToken(presented)) {
            response.sendError(403);
            return;
        }
        favourites.change(tenant, session.get().token(), Pages.locale(request),
                String.valueOf(request.getParameter("action")), String.valueOf(request.getParameter("app")));
        response.setStatus(303);
        response.setHeader("Location", "/#favourites");
    }
}
