package fr.ent.platform.runtime.web;

import fr.ent.platform.problem.Problem;
import java.util.Locale;
import java.util.Map;

/**
 * The page a browser gets for a problem it cannot act on (unknown domain, suspended, archived, maintenance, failed
 * login): the platform's layout without user or launcher, one heading, no script.
 */
public final class StatusPage {

    private StatusPage() {
    }

    public static String render(Problem problem, Locale locale) {
        return Pages.render("status.jte", Map.of("shell", Shell.bare(locale, problem.title()), "problem", problem));
    }
}
