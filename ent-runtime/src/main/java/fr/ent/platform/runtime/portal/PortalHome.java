package fr.ent.platform.runtime.portal;

import static fr.ent.platform.runtime.web.Pages.escape;

import fr.ent.platform.runtime.directory.api.StructureView;
import fr.ent.platform.runtime.directory.service.StructureService;
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
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The collectivity's portal home page (the URL the launcher prints): its name and its schools, in French,
 * plain accessible HTML that reads on a phone, with the sign-in button or the signed-in user and sign-out.
 */
@WebServlet(urlPatterns = "", name = "portal-home")
public class PortalHome extends HttpServlet {

    @Inject
    TenantContext context;

    @Inject
    StructureService structures;

    @Inject
    PortalSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        boolean english = Pages.locale(request).equals(Locale.ENGLISH);
        List<StructureView> schools = structures.list();
        StringBuilder items = new StringBuilder();
        for (StructureView s : schools) {
            items.append("      <li>").append(escape(s.name())).append(" <span class=\"uai\">(UAI ")
                    .append(escape(s.uai())).append(")</span></li>\n");
        }
        String none = english ? "No school has been declared yet." : "Aucun établissement n'est encore déclaré.";
        Optional<PortalSession> session = sessions.current(request, tenant);
        String account = session.map(signed -> signedIn(signed, english)).orElseGet(() -> anonymous(english));
        String list = schools.isEmpty() ? "    <p>" + none + "</p>\n" : "    <ul>\n" + items + "    </ul>\n";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%4$s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>ENT — %1$s</title>
                  <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1e1e1e}
                  header{border-bottom:2px solid #000091;margin-bottom:1rem}.account{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
                  .account button,.account a{font:inherit;padding:.5rem 1rem;border:2px solid #000091;background:#fff;color:#000091;text-decoration:none;min-height:44px}.uai{color:#555}a{color:#000091}</style>
                </head>
                <body>
                  <header><p>%5$s</p><h1>%1$s</h1>
                %8$s  </header>
                  <main>
                    <h2>%6$s (%2$d)</h2>
                %3$s  </main>
                  <footer><p><a href="/api/directory/structures">%7$s</a></p></footer>
                </body>
                </html>
                """.formatted(escape(tenant.displayName()), schools.size(), list, english ? "en" : "fr",
                english ? "Digital workspace" : "Espace numérique de travail",
                english ? "Schools" : "Établissements",
                english ? "Directory API" : "API de l'annuaire", account));
    }

    private static String signedIn(PortalSession session, boolean english) {
        return """
                  <div class="account">
                    <p>%s <strong>%s</strong></p>
                    <form method="post" action="/auth/logout">
                      <input type="hidden" name="csrf" value="%s">
                      <button type="submit">%s</button>
                    </form>
                  </div>
                """.formatted(english ? "Signed in as" : "Connecté·e :", escape(session.token().displayName()),
                escape(session.csrfToken()), english ? "Sign out" : "Se déconnecter");
    }

    private static String anonymous(boolean english) {
        return """
                  <div class="account"><a href="/auth/login">%s</a></div>
                """.formatted(english ? "Sign in" : "Se connecter");
    }
}
