package fr.ent.platform.runtime.web;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.problem.ProblemStatuses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How the runtime answers a problem outside JAX-RS (tenant resolution, the container's own errors): a readable
 * page for a browser asking for HTML, else the RFC 9457 problem document. API paths always get the document,
 * whatever the Accept header says, since their callers are programs.
 */
public final class ProblemAnswer {

    private ProblemAnswer() {
    }

    /** A domain problem (its status and headers from {@link ProblemStatuses}, as in the JAX-RS mapper). */
    public static void send(HttpServletRequest request, HttpServletResponse response, DomainException problem,
            Locale locale) throws IOException {
        answer(request, response, problem, locale);
    }

    /** A problem whose status is the protocol's own (410 for an archived collectivity). */
    public static void send(HttpServletRequest request, HttpServletResponse response, ProblemException problem,
            Locale locale) throws IOException {
        answer(request, response, problem, locale);
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, RuntimeException problem,
            Locale locale) throws IOException {
        ProblemStatuses.Answer answer = ProblemStatuses.answer(problem, locale).orElseThrow();
        answer.headers().forEach(response::setHeader);
        send(request, response, answer.problem(), locale);
    }

    /** A problem the container states by its status alone (its own 404, 405, 500). */
    public static void send(HttpServletRequest request, HttpServletResponse response, Problem problem, Locale locale)
            throws IOException {
        response.setStatus(problem.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsPage(request)) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(StatusPage.render(problem, locale));
        } else {
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(problem.toJson());
        }
    }

    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().contains("/api/");
    }
}
