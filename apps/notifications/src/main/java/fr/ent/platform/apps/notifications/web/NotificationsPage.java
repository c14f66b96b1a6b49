package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.notifications.timeline.NotificationView;
import fr.ent.platform.apps.notifications.timeline.Notifications;
import fr.ent.platform.apps.notifications.NotificationsApp;

import fr.ent.platform.runtime.portal.Launcher;
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
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/** The signed-in user's notifications page; a reader who is not signed in is sent to sign in first. */
@WebServlet(urlPatterns = "/notifications", name = "notifications-page")
public class NotificationsPage extends HttpServlet {

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Notifications notifications;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login");
            return;
        }
        Locale locale = Pages.locale(request);
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), locale,
                NotificationsPage.class.getClassLoader());
        String title = texts.getString("widget.title");
        List<NotificationView> items = session.get().token().entUserId().map(UUID::fromString)
                .map(me -> notifications.latest(me, 50, locale)).orElse(List.of());
        Map<String, Object> params = new java.util.HashMap<>(Map.of("title", title, "items", items,
                "none", texts.getString("none"), "unreadLabel", texts.getString("new")));
        params.put("texts", texts);
        params.put("csrf", session.get().csrfToken());
        Pages.writePage(response, launcher.shell(tenant, session, locale, title),
                output -> LatestNotificationsWidget.TEMPLATES.render("page.jte", params, output));
    }

    /** "Mark all as read" (a form with the session's anti-forgery token), then back to the page. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = sessions.current(request, context.current());
        if (session.isEmpty() || session.get().token().entUserId().isEmpty()) {
            response.sendRedirect("/auth/login");
            return;
        }
        String presented = request.getParameter("csrf");
        if (!session.get().acceptsToken(presented)) {
            response.sendError(403);
            return;
        }
        notifications.markAllRead(UUID.fromString(session.get().token().entUserId().get()));
        response.setStatus(303);
        response.setHeader("Location", "/notifications");
    }
}
