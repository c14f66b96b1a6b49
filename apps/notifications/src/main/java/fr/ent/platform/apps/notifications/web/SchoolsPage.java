package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.apps.notifications.web.QuietHoursForm.Refusal;
import fr.ent.platform.apps.notifications.web.QuietHoursForm.Row;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.audit.AdministrationTrail;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.StructureAdmins;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The quiet hours of schools, in the browser, for their administrators: {@code /notifications/schools} lists the
 * schools the reader administers (every school of the collectivity for SUPER_ADMIN, theirs for ADMIN_LOCAL: the rule
 * of {@link StructureAdmins}, as the API's), {@code /notifications/schools/<id>} shows one school's ranges in the
 * same form as a user's own quiet hours and saves them (POST with the session's anti-forgery token, then back to
 * the page). Anyone else is refused (403); a school this collectivity does not have is not found (404). The tenant
 * console links each school's page here, and every save (made, or refused for bad input) is an entry of the
 * console's audit trail through the platform's {@link AdministrationTrail} (ADR 0029).
 */
@WebServlet(urlPatterns = {SchoolsPage.PATH, SchoolsPage.PATH + "/*"}, name = "notifications-schools")
public class SchoolsPage extends HttpServlet {

    static final String PATH = "/notifications/schools";

    /** The action's code in the administration trail (the console names it: audit.action.QUIET_HOURS_SAVE). */
    static final String ACTION = "QUIET_HOURS_SAVE";

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    StructureService structures;

    @Inject
    QuietRanges quiet;

    @Inject
    PersonalChoices personal;

    /** The collectivity's administration trail (the tenant console's, ADR 0029): every save, made or refused. */
    @Inject
    Instance<AdministrationTrail> trail;

    /** A school of the list: its page, its name and UAI. */
    public record School(String path, String name, String uai) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = administrator(request, response);
        if (session.isEmpty()) {
            return;
        }
        Optional<String> id = schoolId(request);
        try {
            if (id.isEmpty()) {
                list(request, response, session.get());
                return;
            }
            StructureView school = administered(session.get().token(), id.get());
            form(request, response, session.get(), school,
                    QuietHoursForm.rows(quiet.of(Owner.STRUCTURE, school.id())), Optional.empty(),
                    request.getParameter("saved") != null);
        } catch (DomainException e) {
            refuse(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<PortalSession> session = administrator(request, response);
        if (session.isEmpty()) {
            return;
        }
        if (!session.get().acceptsToken(request.getParameter("csrf"))) {
            refuse(request, response, new NotAllowed("csrf-refused"));
            return;
        }
        Optional<String> id = schoolId(request);
        if (id.isEmpty()) {
            Locale locale = Pages.locale(request);
            ProblemAnswer.send(request, response, Problem.ofStatus(405, locale), locale);
            return;
        }
        try {
            StructureView school = administered(session.get().token(), id.get());
            List<Row> typed = QuietHoursForm.typed(request.getParameterMap());
            Optional<Refusal> refusal = QuietHoursForm.refusal(typed);
            if (refusal.isPresent()) {
                record(session.get(), school, AdministrationTrail.Outcome.REFUSED,
                        ProblemStatuses.problem(refusal.get().reason(), Pages.locale(request)).detail());
                response.setStatus(400);
                form(request, response, session.get(), school, typed, refusal, false);
                return;
            }
            List<QuietRange> saved = quiet.replace(Owner.STRUCTURE, school.id(), QuietHoursForm.ranges(typed));
            record(session.get(), school, AdministrationTrail.Outcome.DONE, described(saved));
            response.setStatus(303);
            response.setHeader("Location", PATH + "/" + school.id() + "?saved");
        } catch (DomainException e) {
            refuse(request, response, e);
        }
    }

    /** A save of a school's quiet hours, in the administration trail (when the war has one). */
    private void record(PortalSession session, StructureView school, AdministrationTrail.Outcome outcome,
            String detail) {
        trail.forEach(t -> t.record(session.token(), ACTION, new AdministrationTrail.School(school.id().toString(),
                school.name(), school.uai()), outcome, detail));
    }

    /** Ranges as the trail says them: "Mon,Fri 20:00-24:00; Sat 00:00-24:00", or "none". */
    static String described(List<QuietRange> ranges) {
        if (ranges.isEmpty()) {
            return "none";
        }
        return ranges.stream().map(r -> r.days().stream().sorted()
                        .map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT))
                        .collect(java.util.stream.Collectors.joining(",")) + " " + QuietRange.time(r.startsMinute())
                        + "-" + QuietRange.time(r.endsMinute()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The signed-in reader if they administer schools; otherwise they are sent to sign in, or refused. */
    private Optional<PortalSession> administrator(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<PortalSession> session = sessions.current(request, context.current());
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + PATH);
            return Optional.empty();
        }
        if (!StructureAdmins.administersSchools(session.get().token())) {
            refuse(request, response, new NotAllowed("forbidden"));
            return Optional.empty();
        }
        return session;
    }

    /**
     * A refusal as a readable page in the reader's language (a browser) or a problem document: the container's
     * {@code sendError} would answer with its own text, server internals included.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, DomainException refusal)
            throws IOException {
        ProblemAnswer.send(request, response, refusal, Pages.locale(request));
    }

    /** The school named by the path, if one is (a malformed or unknown id is the directory's 404). */
    static Optional<String> schoolId(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(info.substring(1));
    }

    /** The school, if this collectivity has it (404 otherwise) and the reader administers it (403 otherwise). */
    private StructureView administered(VerifiedToken reader, String id) {
        StructureView school = structures.get(id);
        if (!StructureAdmins.administers(reader, school.uai())) {
            throw new NotAllowed("forbidden");
        }
        return school;
    }

    private void list(HttpServletRequest request, HttpServletResponse response, PortalSession session)
            throws IOException {
        Locale locale = Pages.locale(request);
        ResourceBundle texts = texts(locale);
        List<School> schools = structures.list().stream()
                .filter(s -> StructureAdmins.administers(session.token(), s.uai()))
                .map(s -> new School(PATH + "/" + s.id(), s.name(), s.uai())).toList();
        String title = texts.getString("schools.title");
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("texts", texts);
        params.put("schools", schools);
        params.put("zone", zoneText(texts, locale));
        Pages.writePage(response, launcher.shell(context.current(), Optional.of(session), locale, title),
                output -> LatestNotificationsWidget.TEMPLATES.render("schools.jte", params, output));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, PortalSession session,
            StructureView school, List<Row> rows, Optional<Refusal> refusal, boolean saved) throws IOException {
        Locale locale = Pages.locale(request);
        ResourceBundle texts = texts(locale);
        String title = MessageFormat.format(texts.getString("school.title"), school.name());
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("texts", texts);
        params.put("action", PATH + "/" + school.id());
        params.put("uai", school.uai());
        params.put("csrf", session.csrfToken());
        params.put("rows", QuietHoursForm.shown(rows));
        params.put("days", QuietHoursForm.days(locale));
        params.put("zone", zoneText(texts, locale));
        params.put("refusal", refusal.orElse(null));
        params.put("reason", refusal.map(r -> ProblemStatuses.problem(r.reason(), locale).detail()).orElse(null));
        params.put("saved", saved);
        Pages.writePage(response, launcher.shell(context.current(), Optional.of(session), locale, title),
                output -> LatestNotificationsWidget.TEMPLATES.render("school.jte", params, output));
    }

    /**
     * Where the hours are read: a school's ranges apply to each person in their own time zone, as the delivery reads
     * them (the collectivity's unless they chose another: an overseas collectivity sets its own).
     */
    private String zoneText(ResourceBundle texts, Locale locale) {
        return new MessageFormat(texts.getString("schools.zone"), locale)
                .format(new Object[] {personal.collectivityTimeZone().getId()});
    }

    private static ResourceBundle texts(Locale locale) {
        return Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), locale, SchoolsPage.class.getClassLoader());
    }
}
