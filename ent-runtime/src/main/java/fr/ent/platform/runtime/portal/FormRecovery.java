package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.tenancy.DomainName;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * A session that expires while a form is being filled loses nothing typed. A page form posted with the
 * anti-forgery token of a session that has ended is kept in the browser's session for its author (the token says
 * whose it is, see {@link PortalSession#owner()}); the user signs in, and {@link FormRecoveryPage} shows what they
 * typed with a button that sends it again, now with their new session's token. When they have already signed in
 * again (in another tab), the page comes at once. Forms of people who never signed in, forms whose token is
 * another user's, API calls and the sign-in pages pass through untouched, to be answered as before.
 *
 * <p>Mapped after the tenant resolution in web.xml: it needs the collectivity, and fails loudly without one.
 */
public class FormRecovery extends HttpFilter {

    /** The browser session's attribute that holds the {@link SavedForm}. */
    static final String SAVED = "ent.savedForm";

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isForm(request)) {
            chain.doFilter(request, response);
            return;
        }
        request.setCharacterEncoding("UTF-8"); // our pages are UTF-8; set before any parameter is read
        String presented = request.getParameter(SavedForm.TOKEN_FIELD);
        Optional<String> owner = PortalSession.ownerOf(presented);
        if (owner.isEmpty() || !fromThisSite(request)) {
            chain.doFilter(request, response); // not a signed-in page's form, or another site's
            return;
        }
        Tenant tenant = tenants.current();
        Optional<PortalSession> live = sessions.current(request, tenant);
        if (live.isPresent() && (live.get().acceptsToken(presented) || !live.get().owner().equals(owner.get()))) {
            chain.doFilter(request, response); // the ordinary case, or someone else's token (the page refuses it)
            return;
        }
        Optional<SavedForm> form = SavedForm.of(tenant.slug(), owner.get(), action(request),
                request.getParameterMap(), clock.instant());
        if (form.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.getSession(true).setAttribute(SAVED, form.get());
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(303);
        response.setHeader("Location", live.isPresent() ? FormRecoveryPage.PATH
                : "/auth/login?return=" + FormRecoveryPage.PATH);
    }

    /**
     * Whether the browser says the form comes from a page of this domain. A form another site makes the browser
     * send (without the session cookie, SameSite=Lax) must not be kept: keeping it gives the browser a new session
     * cookie in place of the user's, which signs them out. Browsers send {@code Origin} with every form POST;
     * without one (a script, an old browser) there is no cross-site form to fear.
     */
    static boolean fromThisSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = DomainName.hostOf(request.getHeader("Host"));
        try {
            String originHost = java.net.URI.create(origin).getHost();
            return host != null && originHost != null && host.equals(originHost.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notAnOrigin) {
            return false; // "null" (a sandboxed or redirected form) or garbage: not this site's page
        }
    }

    /** Where the form was going, query included (a page's form may name what it changes there). */
    private static String action(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /**
     * A page form (not the API, not the sign-in pages). Only signed-in pages put an anti-forgery token in their
     * forms, which is how a form whose session has ended is told from an anonymous one.
     */
    private static boolean isForm(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.startsWith("application/x-www-form-urlencoded")
                && !path.startsWith("/api/") && !path.startsWith("/auth/");
    }
}
