package fr.ent.platform.runtime.web;

import fr.ent.platform.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** What every HTML page of the runtime needs: the reader's language and escaping of data into HTML. */
public final class Pages {

    private Pages() {
    }

    /**
     * French unless the browser prefers English. Without Accept-Language the servlet container would answer with
     * the server's own locale; the ENT is French first, so it answers in French then.
     */
    public static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.FRENCH : Problem.localeOf(request.getLocale());
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
