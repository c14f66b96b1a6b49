package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.NotificationTypes;
import fr.ent.platform.apps.notifications.preferences.Preferences;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
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
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/**
 * The right to disconnect, in the browser: the user's time zone, quiet hours and what they receive per type of
 * notification. Plain forms (POST, then back to the page), each with the session's anti-forgery token; a refused
 * form comes back with the reason and what was typed.
 */
@WebServlet(urlPatterns = "/notifications/settings", name = "notifications-settings")
public class SettingsPage extends HttpServlet {

    /** Empty rows offered under the user's ranges, to add one without JavaScript. */
    static final int BLANK_ROWS = 2;
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

    /** One row of the quiet-hours form, as typed. */
    public record Row(Set<DayOfWeek> days, String from, String to) {
    }

    /** A type of notification with the user's choice and its name in their language. */
    public record TypeRow(String id, String name, boolean shown, boolean emailed) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = signedIn(request, response);
        if (session.isPresent()) {
            UUID me = me(session.get());
            render(request, response, session.get(), rows(quiet.of(Owner.USER, me)), Optional.empty(),
                    request.getParameter("saved") != null);
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
        List<Row> typed = typedRows(request);
        try {
            switch (String.valueOf(request.getParameter("form"))) {
                case "time-zone" -> personal.chooseTimeZone(me, request.getParameter("timeZone"));
                case "quiet-hours" -> quiet.replace(Owner.USER, me, ranges(typed));
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
            render(request, response, session.get(), typed, Optional.of(reason), false);
            return;
        }
        response.setStatus(303);
        response.setHeader("Location", "/notifications/settings?saved");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, PortalSession session,
            List<Row> rows, Optional<String> error, boolean saved) throws IOException {
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), locale,
                SettingsPage.class.getClassLoader());
        UUID me = me(session);
        List<Row> shown = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            shown.add(new Row(Set.of(), "", ""));
        }
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
        Map<String, String> days = new java.util.LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d.name(), d.getDisplayName(TextStyle.FULL, locale));
        }
        String title = texts.getString("settings.title");
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("texts", texts);
        params.put("csrf", session.csrfToken());
        params.put("rows", shown);
        params.put("days", days);
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

    static List<Row> rows(List<QuietRange> ranges) {
        return ranges.stream().map(r -> new Row(r.days(), QuietRange.time(r.startsMinute()),
                QuietRange.time(r.endsMinute()))).toList();
    }

    /** The rows as typed: row i's fields are day.i (several), from.i and to.i; wholly empty rows are dropped. */
    static List<Row> typedRows(HttpServletRequest request) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < QuietRange.MAX_RANGES + BLANK_ROWS; i++) {
            String from = Optional.ofNullable(request.getParameter("from." + i)).orElse("").strip();
            String to = Optional.ofNullable(request.getParameter("to." + i)).orElse("").strip();
            String[] dayValues = Optional.ofNullable(request.getParameterValues("day." + i)).orElse(new String[0]);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : dayValues) {
                try {
                    days.add(DayOfWeek.valueOf(d));
                } catch (IllegalArgumentException e) {
                    // not a day: ignored, as a box that does not exist
                }
            }
            if (!from.isEmpty() || !to.isEmpty() || !days.isEmpty()) {
                rows.add(new Row(days, from, to));
            }
        }
        return rows;
    }

    private static List<QuietRange> ranges(List<Row> rows) {
        return rows.stream().map(r -> new QuietRange(r.days(),
                fr.ent.platform.apps.notifications.api.SettingsResource.minute("from", r.from()),
                fr.ent.platform.apps.notifications.api.SettingsResource.minute("to", r.to()))).toList();
    }
}
