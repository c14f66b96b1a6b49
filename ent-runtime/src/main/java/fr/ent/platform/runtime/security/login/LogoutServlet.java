package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logout from the portal: a POST carrying the session's anti-forgery token (a link or an image on another site
 * cannot log the user out), which ends our session and then Keycloak's (end-session endpoint with the ID token),
 * so that the next visit asks for the password again. Keycloak then calls back-channel logout on every other
 * client of that session.
 */
@WebServlet(urlPatterns = "/auth/logout", name = "portal-logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Inject
    TokenVerifier verifier;

    @Inject
    PortalAddress portalAddress;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        Optional<PortalSession> portal = sessions.current(request, tenant);
        if (portal.isEmpty()) {
            response.sendRedirect(portalAddress.base(request) + "/");
            return;
        }
        String presented = request.getParameter("csrf");
        if (!portal.get().acceptsToken(presented)) {
            response.sendError(403);
            return;
        }
        HttpSession session = request.getSession(false);
        sessions.forget(session);
        session.invalidate();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", Realms.PORTAL_CLIENT);
        query.put("id_token_hint", portal.get().idToken());
        query.put("post_logout_redirect_uri", portalAddress.base(request) + "/");
        response.sendRedirect(verifier.endpoints(Realms.ofCollectivity(tenant.slug())).endSession(Realms.ofCollectivity(tenant.slug())) + "?"
                + LoginServlet.form(query));
    }
}
