package fr.ent.platform.runtime.web;

import fr.ent.platform.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The runtime's error page (web.xml {@code <error-page>}): what the servlet container itself answers — a path no
 * servlet or resource serves (404), a method a servlet does not implement (405), an exception escaping a servlet
 * (500) — becomes our problem document or French page instead of Liberty's default page, which names server
 * internals (SRVE… message codes, class names). Nothing of the failure is echoed: Liberty has already logged an
 * escaped exception with its stack.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH, name = "container-error")
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/_error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Called directly (not as an error dispatch) there is no error to tell: this address serves nothing.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        Locale locale = Pages.locale(request);
        ProblemAnswer.send(request, response, Problem.ofStatus(status, locale), locale);
    }
}
