package fr.ent.platform.apps.wiki.web;

import fr.ent.platform.apps.wiki.Inputs;
import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Members;
import fr.ent.platform.apps.wiki.Views;
import fr.ent.platform.apps.wiki.Wikis;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.collab.LiveChannel;
import fr.ent.platform.runtime.collab.LiveTexts;
import fr.ent.platform.runtime.collab.RichEditor;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The wikis in the browser, plain forms that work without a script and on a phone: my wikis ({@code /wiki}), a wiki's
 * tree ({@code /wiki/wikis/<id>}), a page ({@code /wiki/pages/<id>}), its editor, its history, one version, the
 * comparison of two versions and the restore. Every POST carries the session's anti-forgery token and answers with a
 * redirect (POST, redirect, GET); a refused input comes back in the editor as typed with the reason (400), a stale save
 * too (409) with the page as it now is above it; any other refusal is the platform's problem page. Same service, same
 * rights, as the API.
 */
@WebServlet(urlPatterns = {"/wiki", "/wiki/*"}, name = "wiki-pages")
public class WikiPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(WikiPages.class, "fr.ent.platform.apps.wiki.jte");
    /** The notices a redirect may ask for ({@code ?done=}): anything else shows nothing. */
    static final Set<String> NOTICES = Set.of("created", "saved", "deleted", "restored", "opened", "moved");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Wikis wikis;

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
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            Map<String, Object> params = base(request, session.get(), locale, me);
            Texts t = (Texts) params.get("t");
            switch (route.kind() + "/" + route.action()) {
                case "root/" -> {
                    params.put("wikis", wikis.list(me));
                    params.put("owners", wikis.owners(me));
                    params.put("error", null);
                    params.put("typed", "");
                    params.put("title", t.get("app.name"));
                    render(response, tenant, session.get(), locale, "home.jte", params);
                }
                case "wikis/" -> {
                    Views.Wiki wiki = wikis.wiki(me, id(route.id(), "wiki-not-found"));
                    params.put("wiki", wiki);
                    params.put("title", wiki.title());
                    render(response, tenant, session.get(), locale, "wiki.jte", params);
                }
                case "wikis/new" -> {
                    Views.Wiki wiki = writable(me, id(route.id(), "wiki-not-found"));
                    String parent = Inputs.uuid(request.getParameter("parent")).map(UUID::toString).orElse("");
                    editor(response, tenant, session.get(), locale, params, wiki, null,
                            new Inputs.PageInput("", "", parent, null), null, null, 200);
                }
                case "pages/" -> {
                    Views.Page page = wikis.page(me, id(route.id(), "wiki-page-not-found"), t.get("link.broken"));
                    params.put("page", page);
                    params.put("parents", page.writes() ? wikis.possibleParents(me, page.id()) : List.of());
                    params.put("title", page.title());
                    render(response, tenant, session.get(), locale, "page.jte", params);
                }
                case "pages/edit" -> {
                    Views.Page page = wikis.page(me, id(route.id(), "wiki-page-not-found"));
                    if (!page.writes()) {
                        throw new NotAllowed("forbidden");
                    }
                    editor(response, tenant, session.get(), locale, params, null, page, new Inputs.PageInput(
                            page.title(), page.content(), null, page.version()), null, null, 200);
                }
                case "pages/live" -> LiveChannel.poll(request, response,
                        LivePage.join(lives, tenant, wikis, me, id(route.id(), "wiki-page-not-found")),
                        me.id().toString());
                case "pages/history" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    Views.Page page = wikis.page(me, id);
                    params.put("page", page);
                    Views.History history = wikis.history(me, id, before(request), Wikis.HISTORY_PAGE);
                    params.put("versions", history.versions());
                    params.put("older", history.older());
                    params.put("title", t.get("history.title", page.title()));
                    render(response, tenant, session.get(), locale, "history.jte", params);
                }
                case "pages/versions" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    Views.Page page = wikis.page(me, id);
                    Views.VersionContent version = wikis.version(me, id, Wikis.number(route.number()),
                            t.get("link.broken"));
                    params.put("page", page);
                    params.put("version", version);
                    params.put("title", t.get("version.title", page.title(), version.number()));
                    render(response, tenant, session.get(), locale, "version.jte", params);
                }
                case "pages/diff" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    Views.Page page = wikis.page(me, id);
                    Views.Comparison diff = wikis.compare(me, id, Wikis.number(request.getParameter("from")),
                            Wikis.number(request.getParameter("to")));
                    params.put("page", page);
                    params.put("diff", diff);
                    params.put("title", t.get("diff.title", page.title(), diff.from(), diff.to()));
                    render(response, tenant, session.get(), locale, "diff.jte", params);
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
            response.sendRedirect("/auth/login?return=/wiki");
            return;
        }
        try {
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                throw new NotAllowed("csrf-refused");
            }
            Member me = members.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            switch (route.kind() + "/" + route.action()) {
                case "wikis/" -> {
                    if (!route.id().isEmpty()) {
                        throw new NotFound("no-such-resource");
                    }
                    String owner = request.getParameter("owner");
                    String[] kindAndId = owner == null ? new String[0] : owner.split(":", 2);
                    Inputs.WikiInput input = new Inputs.WikiInput(kindAndId.length == 2 ? kindAndId[0] : "",
                            kindAndId.length == 2 ? kindAndId[1] : "", request.getParameter("title"));
                    try {
                        Views.Wiki created = wikis.create(me, input);
                        response.sendRedirect("/wiki/wikis/" + created.id() + "?done=opened");
                    } catch (InvalidInput refused) {
                        Map<String, Object> params = base(request, session.get(), locale, me);
                        params.put("wikis", wikis.list(me));
                        params.put("owners", wikis.owners(me));
                        params.put("error", message(refused, locale));
                        params.put("typed", String.valueOf(input.title() == null ? "" : input.title()));
                        params.put("title", ((Texts) params.get("t")).get("app.name"));
                        response.setStatus(400);
                        render(response, tenant, session.get(), locale, "home.jte", params);
                    }
                }
                case "wikis/pages" -> {
                    UUID id = id(route.id(), "wiki-not-found");
                    Inputs.PageInput input = new Inputs.PageInput(request.getParameter("title"),
                            request.getParameter("content"), request.getParameter("parentId"), null);
                    try {
                        Views.Page created = wikis.createPage(me, id, input);
                        response.sendRedirect("/wiki/pages/" + created.id() + "?done=created");
                    } catch (InvalidInput | Conflict refused) {
                        editor(response, tenant, session.get(), locale, base(request, session.get(), locale, me),
                                writable(me, id), null, input, message(refused, locale), null,
                                refused instanceof Conflict ? 409 : 400);
                    }
                }
                case "pages/edit" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    Integer base = number(request.getParameter("baseVersion"));
                    Inputs.PageInput input = new Inputs.PageInput(request.getParameter("title"),
                            request.getParameter("content"), null, base);
                    try {
                        Views.Page saved = wikis.save(me, id, input);
                        LivePage.saved(lives, tenant, id, saved.version(), "1".equals(request.getParameter("live")));
                        response.sendRedirect("/wiki/pages/" + id + "?done=saved");
                    } catch (InvalidInput | Conflict refused) {
                        Views.Page now = wikis.page(me, id);
                        boolean stale = refused.code().equals("wiki-page-stale");
                        // a stale save: the page as it now is, above what they typed, which now builds on it
                        editor(response, tenant, session.get(), locale, base(request, session.get(), locale, me),
                                null, now, new Inputs.PageInput(input.title(), input.content(), null,
                                        stale ? Integer.valueOf(now.version()) : input.baseVersion()),
                                message(refused, locale), stale ? now : null, refused instanceof Conflict ? 409 : 400);
                    }
                }
                case "pages/live" -> LiveChannel.post(request, response,
                        LivePage.join(lives, tenant, wikis, me, id(route.id(), "wiki-page-not-found")),
                        me.id().toString());
                case "pages/restore" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    wikis.restore(me, id, Wikis.number(route.number()), number(request.getParameter("baseVersion")));
                    response.sendRedirect("/wiki/pages/" + id + "?done=restored");
                }
                case "pages/move" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    wikis.move(me, id, new Inputs.PlaceInput(request.getParameter("parentId"),
                            number(request.getParameter("position"))));
                    response.sendRedirect("/wiki/pages/" + id + "?done=moved");
                }
                case "pages/delete" -> {
                    UUID id = id(route.id(), "wiki-page-not-found");
                    Views.Page page = wikis.page(me, id);
                    wikis.delete(me, id);
                    response.sendRedirect("/wiki/wikis/" + page.wikiId() + "?done=deleted");
                }
                default -> throw new NotFound("no-such-resource");
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    /** The editor of a new page or of a page, again with what was typed and why it was refused. */
    private void editor(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Views.Wiki wiki, Views.Page page, Inputs.PageInput input, String error,
            Views.Page current, int status) throws IOException {
        Texts t = (Texts) params.get("t");
        params.put("wiki", wiki);
        params.put("page", page);
        params.put("input", input);
        params.put("error", error);
        params.put("current", current);
        params.put("field", field(t, page, input, error != null || current != null, (String) params.get("csrf")));
        params.put("title", page == null ? t.get("editor.new", wiki.title()) : t.get("editor.edit", page.title()));
        response.setStatus(status);
        render(response, tenant, session, locale, "editor.jte", params);
    }

    /**
     * The content's field: the shared editor, live with the page's other editors when it shows the stored page
     * (not a new page, not a refused save, whose text is not the stored version's).
     */
    static RichEditor field(Texts t, Views.Page page, Inputs.PageInput input, boolean refused, String csrf) {
        String label = t.get("field.content");
        String hint = t.get("field.content.hint");
        RichEditor field = RichEditor.plain("wiki-page-content", "content", label, hint, input.content(), t.locale());
        if (page == null || refused) {
            return field;
        }
        return field.live("/wiki/pages/" + page.id() + "/live", csrf, page.version(), "baseVersion");
    }

    /** The history's {@code ?before=}: a version number, anything else the newest versions. */
    private static Integer before(HttpServletRequest request) {
        String text = request.getParameter("before");
        return text != null && text.matches("[1-9][0-9]{0,8}") ? Integer.valueOf(text) : null;
    }

    private static boolean liveChannel(HttpServletRequest request) {
        return Route.of(request.getPathInfo()).filter(Route::live).isPresent();
    }

    private Views.Wiki writable(Member me, UUID id) {
        Views.Wiki wiki = wikis.wiki(me, id);
        if (!wiki.writes()) {
            throw new NotAllowed("forbidden");
        }
        return wiki;
    }

    /** A number from a form; anything else is taken as no number (the service says what is missing). */
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
        Texts t = new Texts(locale, zone);
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
