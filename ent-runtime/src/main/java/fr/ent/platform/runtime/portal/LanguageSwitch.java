package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The header's language switch (a form, no JavaScript): remembers the language in a cookie for this browser and,
 * for a signed-in user, in their settings, so that it follows them to their other devices at sign-in. Then it
 * goes back to the page it was used on (its Referer; the home page otherwise). A signed-in user's form carries the session's anti-forgery token.
 */
@WebServlet(urlPatterns = "/language", name = "language-switch")
public class LanguageSwitch extends HttpServlet {

    /** Where to go back: a path of this portal, never another site. */
    private static final Pattern LOCAL_PATH = Pattern.compile("^/([^/\\\\].*)?$");

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Inject
    Instance<PersonalChoices> choices;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = tenants.current();
        Optional<Locale> language = Pages.ours(request.getParameter("lang"));
        if (language.isEmpty()) {
            response.sendError(400);
            return;
        }
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isPresent()) {
            String presented = request.getParameter("csrf");
            if (!session.get().acceptsToken(presented)) {
                response.sendError(403);
                return;
            }
            Optional<UUID> me = session.get().token().entUserId().map(UUID::fromString);
            if (me.isPresent() && choices.isResolvable() && tenant.enables("directory")) {
                choices.get().chooseLanguage(me.get(), language.get());
            }
        }
        response.addCookie(Pages.languageCookie(request, language.get()));
        response.setStatus(303);
        response.setHeader("Location", back(request.getHeader("Referer")));
    }

    /** The path of the page the switch was used on (its Referer), or the home page: never another site's. */
    static String back(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return LOCAL_PATH.matcher(path).matches() ? path : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
