package fr.ent.platform.runtime.security.login;

import fr.ent.platform.identity.InvalidTokenException;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * OpenID Connect back-channel logout: Keycloak POSTs a signed logout token when a user's Keycloak session ends
 * (logout elsewhere, session revoked by an administrator). The token is verified against this collectivity's
 * realm; the portal sessions of that Keycloak session end at once.
 */
@WebServlet(urlPatterns = "/auth/backchannel-logout", name = "portal-backchannel-logout")
public class BackchannelLogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(BackchannelLogoutServlet.class.getName());

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Inject
    TokenVerifier verifier;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        response.setHeader("Cache-Control", "no-store");
        String realm = Realms.ofCollectivity(tenant.slug());
        try {
            String sid = verifier.verifyLogoutToken(request.getParameter("logout_token"), realm, Realms.PORTAL_CLIENT);
            int ended = sessions.endKeycloakSession(realm, sid);
            LOG.info(() -> "tenant=" + tenant.slug() + " back-channel logout ended " + ended + " portal session(s)");
            response.setStatus(200);
        } catch (InvalidTokenException e) {
            LOG.warning(() -> "tenant=" + tenant.slug() + " back-channel logout refused: " + e.getMessage());
            response.setStatus(400);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid_request\"}");
        }
    }
}
