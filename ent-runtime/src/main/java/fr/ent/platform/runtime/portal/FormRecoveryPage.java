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
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * After a sign-in that interrupted a form (see {@link FormRecovery}): the user sees what they typed and sends it
 * again with one button, to the page it was meant for, with the new session's anti-forgery token. Nothing is sent
 * without them: they may have changed their mind while signing in. The form is given back once, and only to its
 * author in its collectivity within {@link SavedForm#KEPT_FOR}; anyone else, or later, goes to the home page and
 * the form is forgotten.
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

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + PATH);
            return;
        }
        Optional<SavedForm> form = take(request.getSession(false))
                .filter(f -> f.belongsTo(tenant.slug(), session.get().owner(), clock.instant()));
        if (form.isEmpty()) {
            response.sendRedirect("/");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        Locale locale = Pages.locale(request);
        String title = Pages.text("recovered.title", locale);
        Pages.write(response, "recovered.jte", Map.of("shell", launcher.shell(tenant, session, locale, title),
                "form", form.get(), "csrf", session.get().csrfToken()));
    }

    /** The saved form, removed from the session whoever asks: it is given back at most once. */
    private static Optional<SavedForm> take(HttpSession session) {
        if (session == null || !(session.getAttribute(FormRecovery.SAVED) instanceof SavedForm form)) {
            return Optional.empty();
        }
        session.removeAttribute(FormRecovery.SAVED);
        return Optional.of(form);
    }
}
