package fr.ent.platform.apps.actualites.web;

import fr.ent.platform.apps.actualites.Author;
import fr.ent.platform.apps.actualites.Inputs;
import fr.ent.platform.apps.actualites.News;
import fr.ent.platform.apps.actualites.Views;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.DependencyTimedOut;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.ai.ChatCompletions;
import fr.ent.platform.runtime.ai.falc.FalcRewriter;
import fr.ent.platform.runtime.ai.falc.FalcSuggestion;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import gg.jte.TemplateEngine;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Actualités' pages, plain forms without a script: {@code /actualites} (my threads, the latest news, open a
 * thread), {@code /actualites/threads/<id>} (its items, write a draft, share it through the platform's dialog),
 * {@code /actualites/items/<id>} (the item, its comments, the actions the reader's right allows),
 * {@code /actualites/items/<id>/edit} (its editor). Every POST carries the session's anti-forgery token and answers
 * with a redirect, or the page and the refusal's text; a refused draft comes back in its editor, as typed.
 *
 * <p>The FALC help ({@code .../falc}, for school staff, as the FALC API) rewrites the text the author has typed,
 * saved or not, and shows it beside theirs with the readability before and after; accepting or refusing posts to
 * {@code .../editor}, which shows the editor again with the chosen text and saves nothing: the stored item changes
 * only when the author saves.
 */
@WebServlet(urlPatterns = {"/actualites", "/actualites/*"}, name = "actualites-pages")
public class NewsPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(NewsPages.class, "fr.ent.platform.apps.actualites.jte");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    News news;

    @Inject
    ChatCompletions ai;

    /** What a path names: the home (kind ""), a thread or an item, and an action on it. */
    record Route(String kind, UUID id, String action) {

        static Optional<Route> of(String pathInfo) {
            if (pathInfo == null || pathInfo.equals("/")) {
                return Optional.of(new Route("", null, ""));
            }
            String[] parts = pathInfo.substring(1).split("/", -1);
            if (parts.length == 1 && parts[0].equals("threads")) {
                return Optional.of(new Route("threads", null, ""));
            }
            if ((parts.length == 2 || parts.length == 3) && (parts[0].equals("threads") || parts[0].equals("items"))) {
                try {
                    return Optional.of(new Route(parts[0], UUID.fromString(parts[1]),
                            parts.length == 3 ? parts[2] : ""));
                } catch (IllegalArgumentException notAnId) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=/actualites");
            return;
        }
        try {
            Route route = Route.of(request.getPathInfo()).filter(r -> r.action().isEmpty()
                            || (r.kind().equals("items") && r.action().equals("edit")))
                    .orElseThrow(() -> new NotFound("no-such-resource"));
            if (route.action().equals("edit")) {
                Views.Item item = news.editable(Author.of(session.get().token()), route.id());
                editor(request, response, tenant, session.get(),
                        new Draft("items", route.id(), item.title(), item.content()), null, 200);
                return;
            }
            show(request, response, tenant, session.get(), route, null, 200);
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
            response.sendRedirect("/auth/login?return=/actualites");
            return;
        }
        try {
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                throw new NotAllowed("csrf-refused");
            }
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            Author me = Author.of(session.get().token());
            if (route.id() != null && (route.action().equals("falc") || route.action().equals("editor"))) {
                Draft draft = draft(route, request);
                if (route.action().equals("falc")) {
                    falc(request, response, tenant, session.get(), me, draft);
                } else {
                    writable(me, draft);
                    editor(request, response, tenant, session.get(), draft, null, 200);
                }
                return;
            }
            try {
                response.sendRedirect(act(me, route, request));
            } catch (DomainException refused) {
                Problem problem = ProblemStatuses.answer(refused, locale).orElseThrow().problem();
                if (problem.status() == 404) {
                    throw refused;
                }
                if (route.id() != null && (route.action().equals("edit")
                        || (route.kind().equals("threads") && route.action().equals("items")))) {
                    // the author's text is not lost to a refusal: it comes back in the editor
                    editor(request, response, tenant, session.get(), draft(route, request), problem.detail(),
                            problem.status());
                    return;
                }
                Route back = route.kind().equals("threads") && route.id() == null ? new Route("", null, "")
                        : new Route(route.kind(), route.id(), "");
                show(request, response, tenant, session.get(), back, problem.detail(), problem.status());
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    /** Does what the form asks; where to go next. */
    private String act(Author me, Route route, HttpServletRequest request) {
        String p = request.getParameter("title");
        return switch (route.kind() + "/" + route.action()) {
            case "threads/" -> {
                if (route.id() != null) {
                    throw new NotFound("no-such-resource");
                }
                Views.Thread t = news.createThread(me, new Inputs.ThreadInput(p, request.getParameter("structure")));
                yield "/actualites/threads/" + t.id();
            }
            case "threads/items" -> {
                Views.Item i = news.createItem(me, route.id(), new Inputs.ItemInput(p, request.getParameter("content")));
                yield "/actualites/items/" + i.id();
            }
            case "threads/delete" -> {
                news.deleteThread(me, route.id());
                yield "/actualites";
            }
            case "items/edit" -> {
                news.edit(me, route.id(), new Inputs.ItemInput(p, request.getParameter("content")));
                yield "/actualites/items/" + route.id();
            }
            case "items/submit" -> {
                news.submit(me, route.id());
                yield "/actualites/items/" + route.id();
            }
            case "items/publish" -> {
                news.publish(me, route.id(), new Inputs.PublishInput(request.getParameter("publishAt"),
                        request.getParameter("expireAt")));
                yield "/actualites/items/" + route.id();
            }
            case "items/comments" -> {
                news.comment(me, route.id(), new Inputs.CommentInput(request.getParameter("text")));
                yield "/actualites/items/" + route.id();
            }
            case "items/delete" -> {
                Views.Item i = news.item(me, route.id());
                news.delete(me, route.id());
                yield "/actualites/threads/" + i.threadId();
            }
            default -> throw new NotFound("no-such-resource");
        };
    }

    /** The draft a form carries: its title, and its text as typed or as a plain-text proposal. */
    private static Draft draft(Route route, HttpServletRequest request) {
        String rewrite = request.getParameter("rewrite");
        String content = rewrite != null ? FalcText.html(rewrite) : request.getParameter("content");
        String kind = route.kind().equals("threads") ? "threads" : "items";
        return new Draft(kind, route.id(), request.getParameter("title"), content);
    }

    /** The heading of the draft's editor, once the right to write it is checked (else its refusal). */
    private String writable(Author me, Draft draft) {
        return draft.kind().equals("threads") ? news.writable(me, draft.id()).title()
                : news.editable(me, draft.id()).title();
    }

    /**
     * The FALC help: the proposal beside the author's text, or the editor again with the text as typed and why
     * there is no proposal (provider down, call refused by the egress rules, text empty or too long).
     */
    private void falc(HttpServletRequest request, HttpServletResponse response, Tenant tenant, PortalSession session,
            Author me, Draft draft) throws IOException {
        writable(me, draft);
        if (!me.opensThreads()) {
            // as the FALC API: a tool for school staff, calling a paid provider
            throw new NotAllowed("forbidden");
        }
        Texts t = new Texts(Pages.locale(request));
        String original = FalcText.plain(draft.content());
        FalcSuggestion suggestion;
        try {
            suggestion = new FalcRewriter(ai).rewrite(original);
        } catch (InvalidTenantInputException e) {
            String why = original.isBlank() ? t.get("falc.empty") : t.get("falc.long", FalcRewriter.MAX_LENGTH);
            editor(request, response, tenant, session, draft, why, 400);
            return;
        } catch (DomainException e) {
            String why = e instanceof DependencyFailed || e instanceof DependencyTimedOut ? t.get("falc.failed")
                    : t.get("falc.unavailable");
            editor(request, response, tenant, session, draft, why, ProblemStatuses.status(e));
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("csrf", session.csrfToken());
        params.put("draft", draft);
        params.put("original", FalcText.lines(original));
        params.put("proposal", FalcText.lines(suggestion.text()));
        params.put("suggestion", suggestion);
        String title = t.get("falc.title");
        params.put("title", title);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render("falc.jte", params, output));
    }

    /** The editor of a draft, with what it holds now (nothing is saved here). */
    private void editor(HttpServletRequest request, HttpServletResponse response, Tenant tenant, PortalSession session,
            Draft draft, String error, int status) throws IOException {
        Texts t = new Texts(Pages.locale(request));
        Author me = Author.of(session.token());
        String heading = writable(me, draft);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("csrf", session.csrfToken());
        params.put("error", error);
        params.put("draft", draft);
        params.put("falc", me.opensThreads());
        String title = draft.kind().equals("threads") ? t.get("editor.new", heading) : t.get("editor.edit", heading);
        params.put("title", title);
        response.setStatus(status);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render("editor.jte", params, output));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Tenant tenant, PortalSession session,
            Route route, String error, int status) throws IOException {
        Texts t = new Texts(Pages.locale(request));
        Author me = Author.of(session.token());
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("csrf", session.csrfToken());
        params.put("error", error);
        String template;
        String title;
        switch (route.kind()) {
            case "threads" -> {
                if (route.id() == null) {
                    throw new NotFound("no-such-resource");
                }
                Views.ThreadPage page = news.thread(me, route.id());
                title = page.thread().title();
                params.put("page", page);
                params.put("falc", me.opensThreads());
                params.put("share", "/sharing/actualites/thread/" + page.thread().id() + "?return=/actualites/threads/"
                        + page.thread().id());
                template = "thread.jte";
            }
            case "items" -> {
                Views.ItemPage page = news.itemPage(me, route.id());
                title = page.item().title();
                params.put("item", page.item());
                params.put("may", page.may());
                params.put("falc", me.opensThreads());
                template = "item.jte";
            }
            default -> {
                title = t.get("app.name");
                params.put("threads", news.threads(me));
                params.put("latest", news.latest(me, 10));
                params.put("opens", me.opensThreads());
                template = "home.jte";
            }
        }
        params.put("title", title);
        response.setStatus(status);
        String body = template;
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> TEMPLATES.render(body, params, output));
    }
}
