package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.web.Pages;

import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * After a sign-in that interrupted a form (see {@link FormRecovery}): the user sees what they typed and sends it
 * again with one button, to the page it was meant for, with the new session's anti-forgery token. Nothing is sent
 * without them: they may have changed their mind while signing in.
 */
@WebServlet(urlPatterns = FormRecoveryPage.PATH, name = "form-recovery")
public class FormRecoveryPage extends HttpServlet {

    public static final String PATH = "/form-recovery";

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + PATH);
            return;
        }
        HttpSession http = request.getSession(false);
        Object saved = http == null ? null : http.getAttribute(FormRecovery.SAVED);
        if (!(saved instanceof FormRecovery.SavedForm form)) {
            response.sendRedirect("/");
            return;
        }
        http.removeAttribute(FormRecovery.SAVED);
        response.setHeader("Cache-Control", "no-store");
        Locale locale = Pages.locale(request);
        String title = Pages.text("recovered.title", locale);
        Pages.write(response, "recovered.jte", Map.of("shell", launcher.shell(tenant, session, locale, title),
                "form", form, "csrf", session.get().csrfToken()));
    }
}
