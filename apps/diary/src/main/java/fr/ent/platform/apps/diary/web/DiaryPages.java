package fr.ent.platform.apps.diary.web;

import fr.ent.platform.apps.diary.Classes;
import fr.ent.platform.apps.diary.Diary;
import fr.ent.platform.apps.diary.DiaryClass;
import fr.ent.platform.apps.diary.Inputs;
import fr.ent.platform.apps.diary.Reader;
import fr.ent.platform.apps.diary.Views;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.runtime.documents.OpenDocument;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.FileAnswer;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import gg.jte.TemplateEngine;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cahier de textes in the browser, plain forms that work without a script and on a phone: my classes
 * ({@code /diary}), a class's week or day ({@code /diary/classes/<id>?week=|?day=}), an entry with its attachments
 * ({@code /diary/entries/<id>}), and for the class's teachers the editor ({@code .../new}, {@code .../edit}). Every
 * POST carries the session's anti-forgery token and answers with a redirect (POST, redirect, GET); a refused input
 * comes back in the editor as typed, any other refusal is the platform's problem page. Same service, same rights, as
 * the API.
 */
@WebServlet(urlPatterns = {"/diary", "/diary/*"}, name = "diary-pages")
public class DiaryPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(DiaryPages.class, "fr.ent.platform.apps.diary.jte");
    /** The notices a redirect may ask for ({@code ?done=}): anything else shows nothing. */
    static final Set<String> NOTICES = Set.of("created", "saved", "deleted");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Diary diary;

    @Inject
    Classes classes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(request.getRequestURI(),
                    StandardCharsets.UTF_8));
            return;
        }
        Locale locale = Pages.locale(request);
        try {
            Reader me = classes.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            Map<String, Object> params = base(request, session.get(), locale);
            Texts t = (Texts) params.get("t");
            switch (route.kind() + "/" + route.action()) {
                case "root/" -> {
                    params.put("classes", me.sorted());
                    params.put("title", t.get("app.name"));
                    render(response, tenant, session.get(), locale, "classes.jte", params);
                }
                case "classes/" -> {
                    UUID id = id(route.id(), "diary-class-not-found");
                    Optional<LocalDate> day = Inputs.date(request.getParameter("day"));
                    Views.Days days = day.isPresent() ? diary.days(me, id, day.get(), day.get())
                            : diary.week(me, id, Inputs.date(request.getParameter("week")).orElse(diary.today()));
                    params.put("days", days);
                    params.put("single", day.isPresent());
                    params.put("title", t.get(day.isPresent() ? "day.title" : "week.title",
                            days.diaryClass().label(), t.day(days.first())));
                    render(response, tenant, session.get(), locale, "days.jte", params);
                }
                case "classes/new" -> {
                    UUID id = id(route.id(), "diary-class-not-found");
                    DiaryClass c = writable(me, id);
                    LocalDate day = Inputs.date(request.getParameter("day")).orElse(diary.today().plusDays(1));
                    String kind = Inputs.SESSION.equals(request.getParameter("kind")) ? Inputs.SESSION
                            : Inputs.HOMEWORK;
                    editor(response, tenant, session.get(), locale, params, me, c, null, new Inputs.EntryInput(kind,
                            day.toString(), "", "", diary.today().toString(), List.of()), null);
                }
                case "entries/" -> {
                    Views.Entry entry = diary.entry(me, id(route.id(), "diary-entry-not-found"));
                    params.put("entry", entry);
                    params.put("title", t.get("entry.title." + entry.kind(), entry.subject(), t.day(entry.day())));
                    render(response, tenant, session.get(), locale, "entry.jte", params);
                }
                case "entries/edit" -> {
                    Views.Entry entry = diary.entry(me, id(route.id(), "diary-entry-not-found"));
                    if (!entry.editable()) {
                        throw new NotAllowed("forbidden");
                    }
                    DiaryClass c = writable(me, entry.classId());
                    editor(response, tenant, session.get(), locale, params, me, c, entry, new Inputs.EntryInput(
                            entry.kind(), entry.day().toString(), entry.subject(), entry.content(),
                            entry.visibleFrom().toString(), entry.attachments().stream()
                                    .map(a -> a.id().toString()).toList()), null);
                }
                case "entries/attachments" -> {
                    OpenDocument d = diary.attachment(me, id(route.id(), "diary-entry-not-found"),
                            id(route.document(), "document-not-found"));
                    FileAnswer.of(d.facts().name(), d.facts().contentType(), d.facts().size(), true)
                            .send(response, d.content());
                }
                default -> throw new NotFound("no-such-resource");
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=/diary");
            return;
        }
        try {
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                throw new NotAllowed("csrf-refused");
            }
            Reader me = classes.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            switch (route.kind() + "/" + route.action()) {
                case "classes/entries" -> {
                    UUID id = id(route.id(), "diary-class-not-found");
                    Inputs.EntryInput input = input(request);
                    try {
                        Views.Entry created = diary.create(me, id, input);
                        response.sendRedirect("/diary/entries/" + created.id() + "?done=created");
                    } catch (InvalidInput refused) {
                        editor(response, tenant, session.get(), locale, base(request, session.get(), locale), me,
                                writable(me, id), null, input, message(refused, locale));
                    }
                }
                case "entries/edit" -> {
                    UUID id = id(route.id(), "diary-entry-not-found");
                    Inputs.EntryInput input = input(request);
                    try {
                        diary.update(me, id, input);
                        response.sendRedirect("/diary/entries/" + id + "?done=saved");
                    } catch (InvalidInput refused) {
                        Views.Entry entry = diary.entry(me, id);
                        editor(response, tenant, session.get(), locale, base(request, session.get(), locale), me,
                                writable(me, entry.classId()), entry, input, message(refused, locale));
                    }
                }
                case "entries/delete" -> {
                    UUID id = id(route.id(), "diary-entry-not-found");
                    Views.Entry entry = diary.entry(me, id);
                    diary.delete(me, id);
                    response.sendRedirect("/diary/classes/" + entry.classId() + "?week=" + entry.day()
                            + "&done=deleted");
                }
                default -> throw new NotFound("no-such-resource");
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    /** The editor, empty, of an entry, or again with what was typed and why it was refused (400). */
    private void editor(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Reader me, DiaryClass c, Views.Entry entry, Inputs.EntryInput input,
            String error) throws IOException {
        Texts t = (Texts) params.get("t");
        params.put("diaryClass", c);
        params.put("entry", entry);
        params.put("input", input);
        params.put("error", error);
        params.put("attachable", attachable(me, entry));
        params.put("title", entry == null ? t.get("editor.new", c.label()) : t.get("editor.edit", c.label()));
        if (error != null) {
            response.setStatus(400);
        }
        render(response, tenant, session, locale, "editor.jte", params);
    }

    /** The writer's own files, and those already attached to the entry (which may be someone else's). */
    private List<Views.Attachable> attachable(Reader me, Views.Entry entry) {
        List<Views.Attachable> own = diary.attachable(me);
        if (entry == null) {
            return own;
        }
        List<Views.Attachable> all = new java.util.ArrayList<>(entry.attachments().stream()
                .map(a -> new Views.Attachable(a.id(), a.name(), a.contentType())).toList());
        own.stream().filter(o -> all.stream().noneMatch(a -> a.id().equals(o.id()))).forEach(all::add);
        return all;
    }

    private static DiaryClass writable(Reader me, UUID id) {
        DiaryClass c = me.diaryClass(id).orElseThrow(() -> new NotFound("diary-class-not-found", id.toString()));
        if (!c.writes()) {
            throw new NotAllowed("forbidden");
        }
        return c;
    }

    private static Inputs.EntryInput input(HttpServletRequest request) {
        String[] attachments = request.getParameterValues("attachments");
        return new Inputs.EntryInput(request.getParameter("kind"), request.getParameter("day"),
                request.getParameter("subject"), request.getParameter("content"), request.getParameter("visibleFrom"),
                attachments == null ? List.of() : Arrays.asList(attachments));
    }

    /** What a refused input says to the reader: its field's message, else the problem's detail. */
    static String message(InvalidInput refused, Locale locale) {
        return refused.field().map(f -> Problem.message(f.messageKey(), locale, f.arguments()))
                .orElseGet(() -> Problem.message(refused.code() + ".detail", locale, refused.arguments()));
    }

    private Map<String, Object> base(HttpServletRequest request, PortalSession session, Locale locale) {
        Texts t = new Texts(locale);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("csrf", session.csrfToken());
        String done = request.getParameter("done");
        params.put("notice", done != null && NOTICES.contains(done) ? t.get("done." + done) : null);
        return params;
    }

    private void render(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            String template, Map<String, Object> params) throws IOException {
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), locale, (String) params.get("title")),
                output -> TEMPLATES.render(template, params, output));
    }

    static UUID id(String id, String code) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound(code, String.valueOf(id));
        }
    }
}
