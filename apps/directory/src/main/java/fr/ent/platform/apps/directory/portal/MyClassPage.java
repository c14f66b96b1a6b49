package fr.ent.platform.apps.directory.portal;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.service.MyClassService;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import gg.jte.TemplateEngine;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The "Ma classe" page (the directory's launcher entry): the same view as {@code GET /api/directory/my-class}, for
 * the signed-in user; a reader who is not signed in is sent to sign in and comes back here.
 */
@WebServlet(urlPatterns = MyClassPage.PATH, name = "directory-my-class-page")
public class MyClassPage extends HttpServlet {

    public static final String PATH = "/directory/my-class";
    static final TemplateEngine TEMPLATES = Pages.engine(MyClassPage.class, "fr.ent.platform.apps.directory.jte");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    MyClassService myClass;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + PATH);
            return;
        }
        Locale locale = Pages.locale(request);
        ResourceBundle texts = Pages.bundle(DirectoryApp.DESCRIPTOR.messages(), locale,
                MyClassPage.class.getClassLoader());
        MyClassView view = session.get().token().entUserId().flatMap(Ids::parse).map(myClass::of)
                .orElseGet(MyClassView::none);
        String title = texts.getString("my-class.title");
        Pages.writePage(response, launcher.shell(tenant, session, locale, title),
                output -> TEMPLATES.render("myclass/page.jte", Map.of("title", title, "view", view, "texts", texts),
                        output));
    }
}
