package fr.ent.platform.apps.moderation.web;

import fr.ent.platform.apps.moderation.Action;
import fr.ent.platform.apps.moderation.Cases;
import fr.ent.platform.apps.moderation.Moderator;
import fr.ent.platform.apps.moderation.Views;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.moderation.ContentFacts;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.moderation.ReportReason;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The moderation pages, plain forms that work without a script. Moderators: {@code /moderation} (the queue),
 * {@code /moderation/cases/<id>} (the original content, reports, a decision form with a required reason, the audit
 * trail). Every signed-in reader: {@code /moderation/report?app=&kind=&id=} (the report form the other apps link
 * to as "Signaler"). Every POST carries the session's anti-forgery token (field {@code csrf}) and answers with a
 * redirect (POST, redirect, GET), or with the form again and its errors.
 */
@WebServlet(urlPatterns = {"/moderation", "/moderation/*"}, name = "moderation-pages")
public class ModerationPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(ModerationPages.class, "fr.ent.platform.apps.moderation.jte");
    private static final ZoneId SHOWN_ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Cases cases;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (session.isEmpty()) {
            String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        Texts t = new Texts(Pages.locale(request));
        try {
            if (path.equals("/report")) {
                ContentRef ref = ref(request);
                ContentFacts facts = cases.readable(session.get().token(), ref);
                report(response, tenant, session.get(), t, facts, "", "", List.of(), 200);
                return;
            }
            if (path.equals("/report/sent")) {
                String title = t.get("report.title");
                String back = safeBack(request.getParameter("back"));
                Pages.writePage(response, launcher.shell(tenant, session, t.locale(), title),
                        output -> TEMPLATES.render("sent.jte", params("t", t, "title", title, "back", back), output));
                return;
            }
            Optional<Moderator> moderator = Moderator.of(session.get().token());
            if (moderator.isEmpty()) {
                response.sendError(403);
                return;
            }
            if (path.equals("/")) {
                boolean all = request.getParameter("all") != null;
                String title = t.get("queue.title");
                List<Views.Case> items = cases.queue(moderator.get(), !all);
                Pages.writePage(response, launcher.shell(tenant, session, t.locale(), title),
                        output -> TEMPLATES.render("queue.jte", params("t", t, "title", title, "items", items,
                                "all", all), output));
                return;
            }
            Optional<UUID> id = caseId(path);
            if (id.isEmpty()) {
                response.sendError(404);
                return;
            }
            String done = request.getParameter("done");
            String notice = Action.parse(done).map(a -> t.get("case.done", t.get("done." + a.name()))).orElse(null);
            detail(response, tenant, session.get(), t, cases.detail(moderator.get(), id.get()), notice, List.of(),
                    "", 200);
        } catch (DomainException e) {
            response.sendError(ProblemStatuses.status(e));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login");
            return;
        }
        if (!session.get().acceptsToken(request.getParameter("csrf"))) {
            response.sendError(403);
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Texts t = new Texts(Pages.locale(request));
        try {
            if (path.equals("/report")) {
                report(request, response, tenant, session.get(), t);
                return;
            }
            Optional<UUID> id = caseId(path);
            if (id.isEmpty()) {
                response.sendError(404);
                return;
            }
            Optional<Moderator> moderator = Moderator.of(session.get().token());
            if (moderator.isEmpty()) {
                response.sendError(403);
                return;
            }
            Views.Detail detail = cases.detail(moderator.get(), id.get()); // not theirs: 404, whatever the form says
            Optional<Action> action = Action.parse(request.getParameter("action"));
            String reason = Optional.ofNullable(request.getParameter("reason")).orElse("");
            if (action.isEmpty()) {
                response.sendError(400);
                return;
            }
            try {
                cases.decide(moderator.get(), id.get(), action.get(), reason);
            } catch (InvalidInput e) {
                detail(response, tenant, session.get(), t, detail, null, List.of(t.get("case.error.reason")), reason,
                        400);
                return;
            } catch (Conflict e) {
                detail(response, tenant, session.get(), t, detail, null, List.of(t.get("case.error.state")), reason,
                        409);
                return;
            }
            response.sendRedirect("/moderation/cases/" + id.get() + "?done=" + action.get().code());
        } catch (DomainException e) {
            response.sendError(ProblemStatuses.status(e));
        }
    }

    private void report(HttpServletRequest request, HttpServletResponse response, Tenant tenant,
            PortalSession session, Texts t) throws IOException {
        ContentRef ref = ref(request);
        ContentFacts facts = cases.readable(session.token(), ref);
        String reason = Optional.ofNullable(request.getParameter("reason")).orElse("");
        String comment = Optional.ofNullable(request.getParameter("comment")).orElse("");
        List<String> errors = new ArrayList<>();
        if (ReportReason.parse(reason).isEmpty()) {
            errors.add(t.get("report.error.reason"));
        }
        if (comment.strip().length() > Cases.MAX_COMMENT) {
            errors.add(t.get("report.error.comment"));
        }
        if (!errors.isEmpty()) {
            report(response, tenant, session, t, facts, reason, comment, errors, 400);
            return;
        }
        cases.report(session.token(), ref, reason, comment);
        response.sendRedirect("/moderation/report/sent?back=" + URLEncoder.encode(facts.link(), StandardCharsets.UTF_8));
    }

    private void report(HttpServletResponse response, Tenant tenant, PortalSession session, Texts t,
            ContentFacts facts, String reason, String comment, List<String> errors, int status) throws IOException {
        String title = t.get("report.title");
        ContentRef ref = facts.ref();
        response.setStatus(status);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render("report.jte", params("t", t, "title", title,
                        "what", kind(t, ref.app(), ref.kind()), "contentTitle", shortTitle(facts.title()),
                        "app", ref.app(), "kind", ref.kind(), "id", ref.id(), "back", safeBack(facts.link()),
                        "csrf", session.csrfToken(), "reason", reason, "comment", comment, "errors", errors),
                        output));
    }

    private void detail(HttpServletResponse response, Tenant tenant, PortalSession session, Texts t,
            Views.Detail detail, String notice, List<String> errors, String reason, int status) throws IOException {
        String title = t.get("case.title", kind(t, detail.summary().app(), detail.summary().kind()));
        response.setStatus(status);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render("case.jte", params("t", t, "title", title, "c", detail,
                        "csrf", session.csrfToken(), "notice", notice, "errors", errors, "reason", reason), output));
    }

    private static ContentRef ref(HttpServletRequest request) {
        String app = request.getParameter("app");
        String kind = request.getParameter("kind");
        String id = request.getParameter("id");
        if (!ContentRef.valid(app, kind, id)) {
            throw new fr.ent.platform.problem.NotFound("no-such-resource");
        }
        return new ContentRef(app, kind, id);
    }

    /** The case id of {@code /cases/<id>}, if the path is that. */
    static Optional<UUID> caseId(String path) {
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != 2 || !parts[0].equals("cases")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(parts[1]));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A path of this portal to go back to; anything else (another site, {@code //host}) is the home page. */
    public static String safeBack(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }

    /** What kind of content this is, in words ("un message"); the app/kind pair when the bundle has no name. */
    public static String kind(Texts t, String app, String kind) {
        try {
            return t.get("kind." + app + "." + kind);
        } catch (java.util.MissingResourceException unknown) {
            return app + "/" + kind;
        }
    }

    /** A title short enough for a list line. */
    public static String shortTitle(String title) {
        String shown = title == null || title.isBlank() ? "—" : title.strip();
        return shown.length() <= 120 ? shown : shown.substring(0, 119) + "…";
    }

    /** A time as the pages show it: Paris time, to the minute. */
    public static String shown(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(SHOWN_ZONE).format(SHOWN);
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
