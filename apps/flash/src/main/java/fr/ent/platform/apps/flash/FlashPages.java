package fr.ent.platform.apps.flash;

import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.identity.RealmRoles;
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
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The flash messages' pages, plain forms that work without a script: administrators list, write, edit and delete
 * at {@code /flash}; every signed-in reader dismisses a message from the home page with
 * {@code POST /flash/<id>/dismiss}. Every POST carries the session's anti-forgery token (field {@code csrf}, as the
 * logout form) and answers with a redirect (POST, redirect, GET), or with the form again and its errors.
 */
@WebServlet(urlPatterns = {"/flash", "/flash/*"}, name = "flash-pages")
public class FlashPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(FlashPages.class, "fr.ent.platform.apps.flash.jte");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    FlashMessages messages;

    /** What a path under /flash names: the list, the new form, one message, or an action on one. */
    record Route(String id, String action) {

        static Optional<Route> of(String pathInfo) {
            if (pathInfo == null || pathInfo.equals("/")) {
                return Optional.of(new Route(null, ""));
            }
            String[] parts = pathInfo.substring(1).split("/", -1);
            if (parts.length == 1 && parts[0].equals("new")) {
                return Optional.of(new Route(null, "new"));
            }
            if (parts.length == 1) {
                return Optional.of(new Route(parts[0], ""));
            }
            if (parts.length == 2 && (parts[1].equals("delete") || parts[1].equals("dismiss"))) {
                return Optional.of(new Route(parts[0], parts[1]));
            }
            return Optional.empty();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=/flash");
            return;
        }
        Optional<Route> route = Route.of(request.getPathInfo());
        Optional<Editor> editor = Editor.of(session.get().token());
        if (route.isEmpty()) {
            response.sendError(404);
            return;
        }
        if (editor.isEmpty()) {
            response.sendError(403);
            return;
        }
        try {
            Texts t = new Texts(Pages.locale(request));
            switch (route.get().action()) {
                case "" -> {
                    if (route.get().id() == null) {
                        list(response, tenant, session.get(), editor.get(), t, request.getParameter("done"));
                    } else {
                        UUID id = FlashMessages.idOrNotFound(route.get().id());
                        form(response, tenant, session.get(), editor.get(), t,
                                FormState.of(messages.get(editor.get(), id)), 200);
                    }
                }
                case "new" -> form(response, tenant, session.get(), editor.get(), t,
                        FormState.blank(OffsetDateTime.now(ZoneOffset.UTC)), 200);
                default -> response.sendError(405);
            }
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
        Optional<Route> route = Route.of(request.getPathInfo());
        if (route.isEmpty() || route.get().action().equals("new")) {
            response.sendError(404);
            return;
        }
        try {
            if (route.get().action().equals("dismiss")) {
                // any signed-in reader, for themselves only
                messages.dismiss(messages.recipient(session.get().token()),
                        FlashMessages.idOrNotFound(route.get().id()));
                response.sendRedirect("/");
                return;
            }
            Optional<Editor> editor = Editor.of(session.get().token());
            if (editor.isEmpty()) {
                response.sendError(403);
                return;
            }
            Texts t = new Texts(Pages.locale(request));
            if (route.get().action().equals("delete")) {
                messages.delete(editor.get(), FlashMessages.idOrNotFound(route.get().id()));
                response.sendRedirect("/flash?done=deleted");
                return;
            }
            UUID id = route.get().id() == null ? null : FlashMessages.idOrNotFound(route.get().id());
            if (id != null) {
                messages.get(editor.get(), id); // someone else's message is not found, whatever the form says
            }
            FlashInput input = input(request);
            List<Violation> violations = messages.violations(editor.get(), input);
            if (!violations.isEmpty()) {
                List<String> errors = violations.stream().map(v -> t.get("field." + v.field()) + " : "
                        + FlashMessages.explain(v, t.locale())).toList();
                form(response, tenant, session.get(), editor.get(), t,
                        FormState.of(id == null ? null : id.toString(), input, errors),
                        violations.stream().anyMatch(Violation::forbidden) ? 403 : 400);
                return;
            }
            if (id == null) {
                messages.create(editor.get(), input);
            } else {
                messages.update(editor.get(), id, input);
            }
            response.sendRedirect("/flash?done=saved");
        } catch (DomainException e) {
            response.sendError(ProblemStatuses.status(e));
        }
    }

    private void list(HttpServletResponse response, Tenant tenant, PortalSession session, Editor editor, Texts t,
            String done) throws IOException {
        String title = t.get("admin.title");
        String notice = "saved".equals(done) ? t.get("admin.saved") : "deleted".equals(done) ? t.get("admin.deleted") : null;
        List<FlashView> items = messages.list(editor);
        Map<String, String> schools = messages.schoolNames();
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render("list.jte", params("t", t, "title", title, "items", items,
                        "schools", schools, "csrf", session.csrfToken(), "notice", notice), output));
    }

    private void form(HttpServletResponse response, Tenant tenant, PortalSession session, Editor editor, Texts t,
            FormState state, int status) throws IOException {
        String title = t.get(state.isNew() ? "admin.new" : "admin.edit");
        Map<String, String> schools = new LinkedHashMap<>();
        messages.schoolNames().forEach((uai, name) -> {
            if (editor.wholeCollectivity() || editor.structures().contains(uai)) {
                schools.put(uai, name);
            }
        });
        Map<String, String> profiles = new LinkedHashMap<>();
        RealmRoles.PROFILES.forEach(p -> profiles.put(p, t.get("profile." + p)));
        Map<String, String> levels = new LinkedHashMap<>();
        Arrays.stream(Level.values()).forEach(l -> levels.put(l.code(), t.get("level." + l.code())));
        response.setStatus(status);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render("form.jte", params("t", t, "title", title, "form", state,
                        "schools", schools, "profiles", profiles, "levels", levels,
                        "whole", editor.wholeCollectivity(), "csrf", session.csrfToken()), output));
    }

    static FlashInput input(HttpServletRequest request) {
        return new FlashInput(request.getParameter("title"), request.getParameter("text"),
                request.getParameter("level"), values(request, "profiles"), values(request, "structures"),
                request.getParameter("startsAt"), request.getParameter("endsAt"));
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A date as the admin list shows it: Paris time, as the form reads it. */
    public static String shown(OffsetDateTime at) {
        return FormState.local(at).replace('T', ' ');
    }
}
