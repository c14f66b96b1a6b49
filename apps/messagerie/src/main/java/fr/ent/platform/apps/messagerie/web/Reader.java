package fr.ent.platform.apps.messagerie.web;

import fr.ent.platform.apps.messagerie.mail.Person;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** One request of a signed-in person on the messagerie's pages: who, where, in which language. */
record Reader(Tenant tenant, PortalSession session, Person me, Texts t, HttpServletRequest request,
        HttpServletResponse response, Launcher launcher) {

    Failure failure(DomainException e) {
        var problem = ProblemStatuses.problem(e, t.locale());
        return new Failure(problem.title(), problem.detail(), problem.status());
    }

    String csrf() {
        return session.csrfToken();
    }

    /** POST, then redirect, then GET: the browser shows the page that {@code path} names. */
    void redirect(String path) {
        response.setStatus(303);
        response.setHeader("Location", path);
    }

    static String encoded(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }


    /** Writes one of the app's templates inside the portal's layout. */
    void write(String title, String template, Map<String, Object> params) throws IOException {
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> MessageriePages.TEMPLATES.render(template, params, output));
    }
}
