package fr.ent.platform.runtime.web;

import static fr.ent.platform.runtime.web.Pages.escape;

import fr.ent.platform.problem.Problem;
import java.util.Locale;

/**
 * The page a browser gets for a problem it cannot act on (unknown domain, suspended, archived, maintenance, failed
 * login):
 * plain accessible HTML (language, title, one heading, readable on a phone), no script.
 */
public final class StatusPage {

    private StatusPage() {
    }

    public static String render(Problem problem, Locale locale) {
        String lang = locale.getLanguage();
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1e1e1e}
                  h1{font-size:1.5rem}</style>
                </head>
                <body>
                  <main>
                    <h1>%s</h1>
                    <p>%s</p>
                    <p><small>Code %d</small></p>
                  </main>
                </body>
                </html>
                """.formatted(lang, escape(problem.title()), escape(problem.title()), escape(problem.detail()),
                problem.status());
    }
}
