package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.NotificationTypes;
import fr.ent.platform.apps.notifications.preferences.Preferences;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.apps.notifications.web.QuietHoursForm.Refusal;
import fr.ent.platform.apps.notifications.web.QuietHoursForm.Row;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.runtime.choices.PersonalChoices;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * The right to disconnect, in the browser: the user's time zone, quiet hours and what they receive per type of
 * notification. Plain forms (POST, then back to the page), each with the session's anti-forgery token; a refused
 * form comes back with the reason and what was typed.
 */
@WebServlet(urlPatterns = "/notifications/settings", name = "notifications-settings")
public class SettingsPage extends HttpServlet {

    /** Zones offered first: metropolitan France, the overseas territories, Spain and Latin America. */
    static final List<String> ZONES = List.of("Europe/Paris", "America/Guadeloupe", "America/Martinique",
            "America/Cayenne", "Indian/Reunion", "Indian/Mayotte", "America/Miquelon", "Pacific/Noumea",
            "Pacific/Tahiti", "Pacific/Wallis", "Europe/Madrid", "Atlantic/Canary", "America/Mexico_City",
            "America/Bogota", "America/Lima", "America/Santiago", "America/Argentina/Buenos_Aires");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Preferences preferences;

    @Inject
    QuietRanges quiet;

    @Inject
    NotificationTypes types;

    @Inject
    PersonalChoices personal;

    /** A type of notification with the user's choice and its name in their language. */
    public record TypeRow(String id, String name, boolean shown, boolean emailed) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = signedIn(request, response);
        if (session.isPresent()) {
            UUID me = me(session.get());
            render(request, response, session.get(), QuietHoursForm.rows(quiet.of(Owner.USER, me)),
                    Optional.empty(), Optional.empty(), request.getParameter("saved") != null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<PortalSession> session = signedIn(request, response);
        if (session.isEmpty()) {
            return;
        }
        String presented = request.getParameter("csrf");
        if (!session.get().acceptsToken(presented)) {
            response.sendError(403);
            return;
        }
        UUID me = me(session.get());
        List<Row> typed = QuietHoursForm.typed(request.getParameterMap());
        try {
            switch (String.valueOf(request.getParameter("form"))) {
                case "time-zone" -> personal.chooseTimeZone(me, request.getParameter("timeZone"));
                case "quiet-hours" -> quiet.replace(Owner.USER, me, QuietHoursForm.ranges(typed));
                case "preferences" -> preferences.choose(me, types.all().stream().map(t -> new Preferences.Choice(
                        t.id(), request.getParameter("shown." + t.id()) != null,
                        request.getParameter("emailed." + t.id()) != null)).toList());
                default -> throw new InvalidInput("invalid-input", "form");
            }
        } catch (DomainException | InvalidTenantInputException e) {
            response.setStatus(400);
            DomainException refusal = e instanceof InvalidTenantInputException invalid ? ProblemStatuses.of(invalid)
                    : (DomainException) e;
            String reason = ProblemStatuses.problem(refusal, Pages.locale(request)).detail();
            // the quiet-hours form also says which row and field, to show the reason next to it
            Optional<Refusal> where = "quiet-hours".equals(request.getParameter("form"))
                    ? QuietHoursForm.refusal(typed) : Optional.empty();
            render(request, response, session.get(), typed, Optional.of(reason), where, false);
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", "/notifications/settings?saved");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, PortalSession session,
            List<Row> rows, Optional<String> error, Optional<Refusal> where, boolean saved) throws IOException {
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), locale,
                SettingsPage.class.getClassLoader());
        UUID me = me(session);
        List<Row> shown = QuietHoursForm.shown(rows);
        Map<String, Preferences.Choice> mine = new HashMap<>();
        preferences.of(me).forEach(c -> mine.put(c.type(), c));
        List<TypeRow> typeRows = types.all().stream().map(t -> new TypeRow(t.id(), Pages.bundle(
                appMessages(t.app()), locale, SettingsPage.class.getClassLoader()).getString(t.nameKey()),
                mine.get(t.id()).shown(), mine.get(t.id()).emailed())).toList();
        String zone = personal.timeZone(me).getId();
        List<String> zones = new ArrayList<>(ZONES);
        if (!zones.contains(zone)) {
            zones.add(0, zone);
        }
        Map<String, String> days = QuietHoursForm.days(locale);
        String title = texts.getString("settings.title");
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("texts", texts);
        params.put("csrf", session.csrfToken());
        params.put("rows", shown);
        params.put("days", days);
        params.put("refusal", where.orElse(null));
        params.put("types", typeRows);
        params.put("zone", zone);
        params.put("zones", zones);
        params.put("error", error.orElse(null));
        params.put("saved", saved);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), locale, title),
                output -> LatestNotificationsWidget.TEMPLATES.render("settings.jte", params, output));
    }

    private static String appMessages(String app) {
        return "fr.ent.platform.apps." + app + ".messages";
    }

    private Optional<PortalSession> signedIn(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<PortalSession> session = sessions.current(request, context.current());
        if (session.isEmpty() || session.get().token().entUserId().isEmpty()) {
            response.sendRedirect("/auth/login");
            return Optional.empty();
        }
        return session;
    }

    private static UUID me(PortalSession session) {
        return UUID.fromString(session.token().entUserId().orElseThrow());
    }
}
