package fr.ent.platform.apps.wiki.courses.web;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Members;
import fr.ent.platform.apps.wiki.courses.CourseGenerator;
import fr.ent.platform.apps.wiki.courses.CourseInputs;
import fr.ent.platform.apps.wiki.courses.CourseViews;
import fr.ent.platform.apps.wiki.courses.Courses;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.DependencyTimedOut;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.collab.LiveChannel;
import fr.ent.platform.runtime.collab.LiveTexts;
import fr.ent.platform.runtime.collab.RichEditor;
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
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The courses in the browser, plain forms that work without a script and on a phone: my courses with « Générer un
 * cours » and « Écrire un cours » ({@code /courses}), a course with its chapters ({@code /courses/<id>}), a chapter's
 * editor, and the course's communities (« Publier dans une communauté », a select of those its manager administers,
 * and « Retirer » for each it is published to). A generation the provider fails (down, too slow, refused by the sovereign rules, unreadable) gives the form
 * back as typed with the reason, and nothing stored; a refused input too (400); a stale chapter save comes back with
 * the chapter as it now is above what was typed (409). Every POST carries the session's anti-forgery token and
 * redirects (POST, redirect, GET). Same services, same rights, as the API.
 */
@WebServlet(urlPatterns = {"/courses", "/courses/*"}, name = "courses-pages")
public class CoursePages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(CoursePages.class, "fr.ent.platform.apps.wiki.jte");
    static final Set<String> NOTICES = Set.of("created", "generated", "published", "deleted", "saved",
            "chapter-added", "chapter-deleted", "community-published", "community-withdrawn");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Courses courses;

    @Inject
    CourseGenerator generator;

    @Inject
    Members members;

    @Inject
    PersonalChoices choices;

    @Inject
    LiveTexts lives;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        Locale locale = Pages.locale(request);
        if (session.isEmpty() && liveChannel(request)) {
            ProblemAnswer.send(request, response, ProblemException.unauthorized("unauthenticated"), locale);
            return;
        }
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(request.getRequestURI(),
                    StandardCharsets.UTF_8));
            return;
        }
        try {
            Member me = members.of(session.get().token());
            CourseRoute route = CourseRoute.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            Map<String, Object> params = base(request, session.get(), locale, me);
            CourseTexts t = (CourseTexts) params.get("t");
            switch (route.kind() + "/" + route.action()) {
                case "root/" -> home(response, tenant, session.get(), locale, params, me, null, null, null, null, 200);
                case "courses/" -> {
                    CourseViews.Course course = courses.course(me, id(route.id(), "course-not-found"));
                    params.put("course", course);
                    params.put("communities", courses.communities(me, course));
                    params.put("title", course.title());
                    render(response, tenant, session.get(), locale, "course.jte", params);
                }
                case "courses/chapter" -> {
                    CourseViews.Course course = writable(me, id(route.id(), "course-not-found"));
                    editor(response, tenant, session.get(), locale, params, me, course, null,
                            new CourseInputs.ChapterInput("", "", "", "", List.of(), null), null, null, 200);
                }
                case "chapters/edit" -> {
                    CourseViews.Chapter c = courses.chapter(me, id(route.id(), "course-chapter-not-found"));
                    CourseViews.Course course = writable(me, c.courseId());
                    editor(response, tenant, session.get(), locale, params, me, course, c, input(c), null, null,
                            200);
                }
                case "chapters/live", "chapters/live-exercises" -> LiveChannel.poll(request, response,
                        LiveChapter.join(lives, tenant, courses, me, id(route.id(), "course-chapter-not-found"),
                                LiveChapter.Field.of(route.action())), me.id().toString());
                case "chapters/attachments" -> {
                    OpenDocument d = courses.attachment(me, id(route.id(), "course-chapter-not-found"),
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
        if (session.isEmpty() && liveChannel(request)) {
            ProblemAnswer.send(request, response, ProblemException.unauthorized("unauthenticated"), locale);
            return;
        }
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=/courses");
            return;
        }
        try {
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                throw new NotAllowed("csrf-refused");
            }
            Member me = members.of(session.get().token());
            CourseRoute route = CourseRoute.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            switch (route.kind() + "/" + route.action()) {
                case "root/generate" -> {
                    String[] owner = owner(request.getParameter("owner"));
                    CourseInputs.GenerationInput input = new CourseInputs.GenerationInput(owner[0], owner[1],
                            request.getParameter("level"), request.getParameter("subject"),
                            number(request.getParameter("durationMinutes")), request.getParameter("keywords"));
                    try {
                        CourseGenerator.Generated g = generator.generate(me, input);
                        response.sendRedirect("/courses/" + g.course().id() + "?done=generated");
                    } catch (InvalidInput | DependencyFailed | DependencyTimedOut | Unavailable refused) {
                        // the provider's failure or a refused field: the form back as typed, nothing stored
                        int status = refused instanceof InvalidInput ? 400 : refused instanceof DependencyTimedOut
                                ? 504 : refused instanceof Unavailable ? 503 : 502;
                        home(response, tenant, session.get(), locale, base(request, session.get(), locale, me), me,
                                input, null, message(refused, locale), null, status);
                    }
                }
                case "root/new" -> {
                    String[] owner = owner(request.getParameter("owner"));
                    CourseInputs.CourseInput input = new CourseInputs.CourseInput(owner[0], owner[1],
                            request.getParameter("title"), request.getParameter("level"),
                            request.getParameter("subject"), number(request.getParameter("durationMinutes")));
                    try {
                        CourseViews.Course created = courses.create(me, input);
                        response.sendRedirect("/courses/" + created.id() + "?done=created");
                    } catch (InvalidInput refused) {
                        home(response, tenant, session.get(), locale, base(request, session.get(), locale, me), me,
                                null, input, null, message(refused, locale), 400);
                    }
                }
                case "courses/chapters" -> {
                    UUID id = id(route.id(), "course-not-found");
                    CourseInputs.ChapterInput input = chapterInput(request, null);
                    try {
                        CourseViews.Chapter c = courses.addChapter(me, id, input);
                        response.sendRedirect("/courses/" + id + "?done=chapter-added#chapter-" + c.id());
                    } catch (InvalidInput refused) {
                        editor(response, tenant, session.get(), locale, base(request, session.get(), locale, me),
                                me, writable(me, id), null, input, message(refused, locale), null, 400);
                    }
                }
                case "courses/publish" -> {
                    UUID id = id(route.id(), "course-not-found");
                    courses.publish(me, id);
                    response.sendRedirect("/courses/" + id + "?done=published");
                }
                case "courses/communities" -> {
                    UUID id = id(route.id(), "course-not-found");
                    courses.publishToCommunity(me, id, CourseInputs.community(request.getParameter("community")));
                    response.sendRedirect("/courses/" + id + "?done=community-published#course-communities");
                }
                case "courses/withdraw" -> {
                    UUID id = id(route.id(), "course-not-found");
                    courses.withdrawFromCommunity(me, id, CourseInputs.community(route.document()));
                    response.sendRedirect("/courses/" + id + "?done=community-withdrawn#course-communities");
                }
                case "courses/delete" -> {
                    courses.delete(me, id(route.id(), "course-not-found"));
                    response.sendRedirect("/courses?done=deleted");
                }
                case "chapters/edit" -> {
                    UUID id = id(route.id(), "course-chapter-not-found");
                    CourseInputs.ChapterInput input = chapterInput(request, number(request.getParameter("baseVersion")));
                    try {
                        CourseViews.Chapter c = courses.saveChapter(me, id, input);
                        LiveChapter.saved(lives, tenant, id, c.version(), "1".equals(request.getParameter("live")));
                        response.sendRedirect("/courses/" + c.courseId() + "?done=saved#chapter-" + id);
                    } catch (InvalidInput | Conflict refused) {
                        CourseViews.Chapter now = courses.chapter(me, id);
                        boolean stale = refused.code().equals("course-chapter-stale");
                        editor(response, tenant, session.get(), locale, base(request, session.get(), locale, me),
                                me, writable(me, now.courseId()), now, new CourseInputs.ChapterInput(input.title(),
                                        input.objectives(), input.content(), input.exercises(), input.attachments(),
                                        stale ? Integer.valueOf(now.version()) : input.baseVersion()),
                                message(refused, locale), stale ? now : null, stale ? 409 : 400);
                    }
                }
                case "chapters/live", "chapters/live-exercises" -> LiveChannel.post(request, response,
                        LiveChapter.join(lives, tenant, courses, me, id(route.id(), "course-chapter-not-found"),
                                LiveChapter.Field.of(route.action())), me.id().toString());
                case "chapters/delete" -> {
                    UUID id = id(route.id(), "course-chapter-not-found");
                    CourseViews.Chapter c = courses.chapter(me, id);
                    courses.deleteChapter(me, id);
                    response.sendRedirect("/courses/" + c.courseId() + "?done=chapter-deleted");
                }
                default -> throw new NotFound("no-such-resource");
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    private void home(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Member me, CourseInputs.GenerationInput generation,
            CourseInputs.CourseInput writing, String generationError, String writingError, int status)
            throws IOException {
        params.put("courses", courses.list(me));
        params.put("owners", courses.owners(me));
        params.put("generation", generation == null
                ? new CourseInputs.GenerationInput("", "", "", "", 55, "") : generation);
        params.put("writing", writing == null ? new CourseInputs.CourseInput("", "", "", "", "", 55) : writing);
        params.put("generationError", generationError);
        params.put("writingError", writingError);
        params.put("title", ((CourseTexts) params.get("t")).get("app.name"));
        response.setStatus(status);
        render(response, tenant, session, locale, "courses-home.jte", params);
    }

    private void editor(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Member me, CourseViews.Course course, CourseViews.Chapter chapter,
            CourseInputs.ChapterInput input, String error, CourseViews.Chapter current, int status)
            throws IOException {
        CourseTexts t = (CourseTexts) params.get("t");
        params.put("course", course);
        params.put("chapter", chapter);
        params.put("input", input);
        params.put("error", error);
        params.put("current", current);
        params.put("attachable", courses.attachable(me));
        boolean live = chapter != null && error == null && current == null;
        params.put("contentField", field(t, chapter, LiveChapter.Field.CONTENT, input.content(), live,
                (String) params.get("csrf")));
        params.put("exercisesField", field(t, chapter, LiveChapter.Field.EXERCISES, input.exercises(), live,
                (String) params.get("csrf")).withRows(6));
        params.put("title", chapter == null ? t.get("chapter.new", course.title())
                : t.get("chapter.edit", chapter.title()));
        response.setStatus(status);
        render(response, tenant, session, locale, "course-chapter.jte", params);
    }

    /**
     * A rich field of the chapter editor: the shared editor, live with the chapter's other editors when it shows the
     * stored chapter (not a new chapter, not a refused save, whose text is not the stored version's).
     */
    static RichEditor field(CourseTexts t, CourseViews.Chapter chapter, LiveChapter.Field which, String value,
            boolean live, String csrf) {
        boolean content = which == LiveChapter.Field.CONTENT;
        RichEditor field = RichEditor.plain(content ? "chapter-content" : "chapter-exercises",
                content ? "content" : "exercises", t.get(content ? "field.content" : "field.exercises"),
                t.get(content ? "field.content.hint" : "field.exercises.hint"), value, t.locale());
        return live ? field.live(which.channel(chapter.id()), csrf, chapter.version(), "baseVersion") : field;
    }

    private static boolean liveChannel(HttpServletRequest request) {
        return CourseRoute.of(request.getPathInfo()).filter(CourseRoute::live).isPresent();
    }

    private static CourseInputs.ChapterInput input(CourseViews.Chapter c) {
        return new CourseInputs.ChapterInput(c.title(), String.join("\n", c.objectives()), c.content(),
                c.exercises(), c.attachments().stream().map(a -> a.id().toString()).toList(), c.version());
    }

    private static CourseInputs.ChapterInput chapterInput(HttpServletRequest request, Integer base) {
        String[] attached = request.getParameterValues("attachments");
        return new CourseInputs.ChapterInput(request.getParameter("title"), request.getParameter("objectives"),
                request.getParameter("content"), request.getParameter("exercises"),
                attached == null ? List.of() : Arrays.asList(attached), base);
    }

    private CourseViews.Course writable(Member me, UUID id) {
        CourseViews.Course c = courses.course(me, id);
        if (!c.writes()) {
            throw new NotAllowed("forbidden");
        }
        return c;
    }

    /** {@code kind:id} from the owner select; anything else is no owner (the service says what is missing). */
    private static String[] owner(String value) {
        String[] kindAndId = value == null ? new String[0] : value.split(":", 2);
        return kindAndId.length == 2 ? kindAndId : new String[] {"", ""};
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What a refusal says to the reader: its field's message, else the problem's detail. */
    static String message(DomainException refused, Locale locale) {
        if (refused instanceof InvalidInput invalid && invalid.field().isPresent()) {
            var f = invalid.field().get();
            return Problem.message(f.messageKey(), locale, f.arguments());
        }
        return Problem.message(refused.code() + ".detail", locale, refused.arguments());
    }

    private Map<String, Object> base(HttpServletRequest request, PortalSession session, Locale locale, Member me) {
        ZoneId zone = Optional.ofNullable(choices.timeZone(me.id())).orElse(ZoneId.of("Europe/Paris"));
        CourseTexts t = new CourseTexts(locale, zone);
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
