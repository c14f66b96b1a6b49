package fr.ent.platform.runtime.portal;

import fr.ent.platform.runtime.web.Pages;

import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session that expires while a form is being filled loses nothing typed. A page form posted without a live
 * portal session (it carried the anti-forgery token of a session that has since ended) is kept in the new
 * browser session, the user signs in, and {@link FormRecoveryPage} shows what they typed with a button that sends
 * it again, now with their new session's token. Forms of people who never signed in, API calls, and the sign-in
 * pages themselves pass through untouched.
 */
public class FormRecovery extends HttpFilter {

    static final String SAVED = "ent.savedForm";
    /** What is kept at most: a form larger than this is a file upload or an abuse, not typing. */
    static final int MAX_CHARS = 64 * 1024;

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    /** A form as it was posted: where to, and its fields in order (without the stale token). */
    public record SavedForm(String action, List<Field> fields) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One typed value. */
    public record Field(String name, String value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isForm(request)) {
            request.setCharacterEncoding("UTF-8"); // our pages are UTF-8; set before any parameter is read
        }
        if (isForm(request) && request.getParameter("csrf") != null && tenants.isSet()
                && sessions.current(request, tenants.current()).isEmpty()) {
            List<Field> fields = new ArrayList<>();
            int size = 0;
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                if (p.getKey().equals("csrf")) {
                    continue;
                }
                for (String value : p.getValue()) {
                    size += p.getKey().length() + value.length();
                    fields.add(new Field(p.getKey(), value));
                }
            }
            if (size <= MAX_CHARS) {
                HttpSession session = request.getSession(true);
                session.setAttribute(SAVED, new SavedForm(request.getServletPath(), List.copyOf(fields)));
                response.setStatus(303);
                response.setHeader("Location", "/auth/login?return=" + FormRecoveryPage.PATH);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A page form (not the API, not the sign-in pages). Only signed-in pages put an anti-forgery token in their
     * forms, which is how a form whose session has ended is told from an anonymous one.
     */
    private static boolean isForm(HttpServletRequest request) {
        String path = request.getServletPath();
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.startsWith("application/x-www-form-urlencoded")
                && !path.startsWith("/api/") && !path.startsWith("/auth/");
    }
}
