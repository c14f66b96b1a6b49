package fr.ent.platform.apps.messagerie.web;

import fr.ent.platform.apps.messagerie.api.Downloads;
import fr.ent.platform.apps.messagerie.mail.Answer;
import fr.ent.platform.apps.messagerie.mail.Attachments;
import fr.ent.platform.apps.messagerie.mail.Box;
import fr.ent.platform.apps.messagerie.mail.Folders;
import fr.ent.platform.apps.messagerie.mail.Ids;
import fr.ent.platform.apps.messagerie.mail.Mailbox;
import fr.ent.platform.apps.messagerie.mail.Person;
import fr.ent.platform.apps.messagerie.mail.Sorting;
import fr.ent.platform.apps.messagerie.mail.Views;
import fr.ent.platform.apps.messagerie.mail.Writing;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import gg.jte.TemplateEngine;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * The messagerie in the browser, plain forms that work without a script: boxes and folders
 * ({@code /messagerie}, {@code /messagerie/box/<box>}, {@code /messagerie/folders/<id>}), a message and its thread
 * ({@code /messagerie/messages/<id>}, its print view {@code …/print}), writing ({@code /messagerie/compose},
 * {@code /messagerie/drafts/<id>}, see {@link ComposePage}) and attachments ({@code /messagerie/attachments/<id>}).
 * Every POST carries the session's anti-forgery token ({@code csrf}) and answers with a redirect (POST, redirect,
 * GET), or with the page again and the refusal's title and detail from the problem bundles. Everything reaches
 * only the reader's own mailbox, through the same services as the API.
 */
@WebServlet(urlPatterns = {"/messagerie", "/messagerie/*"}, name = "messagerie-pages")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 1024L * 1024 * 1024,
        maxRequestSize = 1024L * 1024 * 1024 + 1024 * 1024)
public class MessageriePages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(MessageriePages.class, "fr.ent.platform.apps.messagerie.jte");
    static final int PAGE = 25;
    /** The notices a redirect may ask for ({@code ?done=}): anything else shows nothing. */
    private static final Set<String> NOTICES = Set.of("sent", "trashed", "restored", "deleted", "emptied", "unread",
            "moved", "folder-created", "folder-renamed", "folder-deleted", "saved", "attached", "detached", "added",
            "no-file", "documents-attached", "no-document");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Mailbox mailbox;

    @Inject
    Folders folders;

    @Inject
    Sorting sorting;

    @Inject
    Writing writing;

    @Inject
    Attachments attachments;

    @Inject
    ComposePage compose;

    @Inject
    Instance<PersonalChoices> choices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the search form is a GET: its query string is UTF-8 like our pages, not the servlet default ISO-8859-1
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + Reader.encoded(request.getRequestURI()));
            return;
        }
        Locale locale = Pages.locale(request);
        try {
            Reader r = reader(tenant, session.get(), request, response);
            Route route = Route.of(request.getPathInfo()).filter(x -> x.action().isEmpty())
                    .orElseThrow(() -> new NotFound("no-such-resource"));
            switch (route.kind()) {
                case BOX -> listing(r, Optional.of(Box.of(route.id()).orElseThrow(() -> new NotFound("no-such-resource"))),
                        Optional.empty(), Optional.empty(), 200);
                case FOLDERS -> response.sendRedirect("/messagerie");
                case FOLDER -> listing(r, Optional.empty(), Optional.of(Ids.orNotFound(route.id(), "folder-not-found")),
                        Optional.empty(), 200);
                case MESSAGE -> message(r, Ids.orNotFound(route.id(), "message-not-found"), Optional.empty(), 200);
                case PRINT -> print(r, Ids.orNotFound(route.id(), "message-not-found"));
                case COMPOSE -> compose.show(r, ComposeForm.blank(), Optional.empty(), 200);
                case DRAFT -> compose.showDraft(r, Ids.orNotFound(route.id(), "message-not-found"));
                case ATTACHMENT -> download(r, Ids.orNotFound(route.id(), "attachment-not-found"));
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
            response.sendRedirect("/auth/login?return=/messagerie");
            return;
        }
        String csrf;
        try {
            csrf = request.getParameter("csrf");
        } catch (IllegalStateException tooLarge) {
            // the multipart form passed the container's ceiling: nothing of it can be read
            ProblemAnswer.send(request, response, new InvalidInput("invalid-input",
                    new Texts(locale, ZoneId.of("Europe/Paris")).get("compose.too-large")), locale);
            return;
        }
        if (!session.get().acceptsToken(csrf)) {
            ProblemAnswer.send(request, response, new NotAllowed("csrf-refused"), locale);
            return;
        }
        Reader r;
        try {
            r = reader(tenant, session.get(), request, response);
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
            return;
        }
        Optional<Route> route = Route.of(request.getPathInfo());
        if (route.isEmpty()) {
            ProblemAnswer.send(request, response, new NotFound("no-such-resource"), locale);
            return;
        }
        try {
            post(r, route.get());
        } catch (DomainException e) {
            refused(r, route.get(), e);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    private void post(Reader r, Route route) throws IOException, ServletException {
        Person me = r.me();
        HttpServletRequest request = r.request();
        switch (route.kind()) {
            case BOX -> {
                if (!route.id().equals("trash") || !route.action().equals("empty")) {
                    throw new NotFound("no-such-resource");
                }
                sorting.emptyTrash(me);
                r.redirect("/messagerie/box/trash?done=emptied");
            }
            case FOLDERS -> {
                String parent = request.getParameter("parent");
                Views.Folder f = folders.create(me, parent == null || parent.isBlank() ? Optional.empty()
                        : Optional.of(Ids.orNotFound(parent, "folder-not-found")), request.getParameter("name"));
                r.redirect("/messagerie/folders/" + f.id() + "?done=folder-created");
            }
            case FOLDER -> {
                UUID id = Ids.orNotFound(route.id(), "folder-not-found");
                switch (route.action()) {
                    case "rename" -> {
                        folders.rename(me, id, request.getParameter("name"));
                        r.redirect("/messagerie/folders/" + id + "?done=folder-renamed");
                    }
                    case "delete" -> {
                        folders.delete(me, id);
                        r.redirect("/messagerie?done=folder-deleted");
                    }
                    default -> throw new NotFound("no-such-resource");
                }
            }
            case MESSAGE -> act(r, Ids.orNotFound(route.id(), "message-not-found"), route.action());
            case COMPOSE -> compose.post(r, Optional.empty());
            case DRAFT -> compose.post(r, Optional.of(Ids.orNotFound(route.id(), "message-not-found")));
            default -> throw new NotFound("no-such-resource");
        }
    }

    /** A message's buttons. */
    private void act(Reader r, UUID id, String action) {
        Person me = r.me();
        switch (action) {
            case "reply", "reply-all", "forward" -> {
                UUID draft = writing.answer(me, id, Answer.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_')),
                        r.t().locale());
                r.redirect("/messagerie/drafts/" + draft);
            }
            case "move" -> {
                String folder = r.request().getParameter("folder");
                sorting.move(me, id, folder == null || folder.isBlank() ? Optional.empty()
                        : Optional.of(Ids.orNotFound(folder, "folder-not-found")));
                r.redirect("/messagerie/messages/" + id + "?done=moved");
            }
            case "trash" -> {
                String back = back(mailbox.get(me, id));
                sorting.trash(me, id);
                r.redirect(back + "?done=trashed");
            }
            case "restore" -> {
                sorting.restore(me, id);
                r.redirect("/messagerie/messages/" + id + "?done=restored");
            }
            case "unread" -> {
                String back = back(mailbox.get(me, id));
                sorting.markUnread(me, id, true);
                r.redirect(back + "?done=unread");
            }
            case "delete" -> {
                sorting.delete(me, id);
                r.redirect("/messagerie/box/trash?done=deleted");
            }
            default -> throw new NotFound("no-such-resource");
        }
    }

    /** A refused POST: the page it came from again, with the reason; a page that is gone, the status page. */
    private void refused(Reader r, Route route, DomainException e) throws IOException {
        Optional<Failure> failure = Optional.of(r.failure(e));
        int status = failure.get().status();
        try {
            switch (route.kind()) {
                case FOLDER -> listing(r, Optional.empty(), Optional.of(Ids.orNotFound(route.id(), "folder-not-found")),
                        failure, status);
                case MESSAGE -> message(r, Ids.orNotFound(route.id(), "message-not-found"), failure, status);
                default -> listing(r, Optional.of(Box.INBOX), Optional.empty(), failure, status);
            }
        } catch (DomainException gone) {
            ProblemAnswer.send(r.request(), r.response(), e, r.t().locale());
        }
    }

    /** A box, a folder or a search (when {@code ?q=} is given), one page at a time. */
    private void listing(Reader r, Optional<Box> box, Optional<UUID> folder, Optional<Failure> failure,
            int status) throws IOException {
        HttpServletRequest request = r.request();
        Person me = r.me();
        int offset = Math.max(0, number(request.getParameter("offset")));
        String q = request.getParameter("q");
        boolean searching = q != null && !q.isBlank();
        Side side = side(me, box.map(Box::path).orElse(folder.map(UUID::toString).orElse("")));
        Optional<Views.Folder> current = folder.flatMap(id -> side.flat().stream().map(FolderNode::folder)
                .filter(f -> f.id().equals(id)).findFirst());
        if (folder.isPresent() && current.isEmpty()) {
            throw new NotFound("folder-not-found", folder.get().toString());
        }
        Views.Listing listing = searching ? mailbox.search(me, q, PAGE, offset)
                : folder.isPresent() ? mailbox.folder(me, folder.get(), PAGE, offset)
                : mailbox.box(me, box.orElseThrow(), PAGE, offset);
        // orElseGet, not orElse: a folder page has no box, and orElse would evaluate the box's path anyway
        String path = folder.map(id -> "/messagerie/folders/" + id)
                .orElseGet(() -> "/messagerie/box/" + box.orElseThrow().path());
        String title = searching ? r.t().get("search.title", q)
                : current.map(Views.Folder::name).orElseGet(() -> r.t().get("box." + box.orElseThrow().path()));
        Map<String, Object> params = params(r, title);
        params.put("side", side);
        params.put("listing", listing);
        params.put("path", path);
        params.put("q", q == null ? "" : q);
        params.put("searching", searching);
        params.put("folder", current.orElse(null));
        params.put("trash", box.filter(b -> b == Box.TRASH).isPresent() && !searching);
        params.put("failure", failure.orElse(null));
        params.put("previous", offset == 0 ? null : page(path, q, Math.max(0, offset - PAGE)));
        params.put("next", listing.more() ? page(path, q, offset + PAGE) : null);
        r.response().setStatus(status);
        write(r, title, "mailbox.jte", params);
    }

    private void message(Reader r, UUID id, Optional<Failure> failure, int status) throws IOException {
        Person me = r.me();
        Views.Message m = failure.isPresent() ? mailbox.get(me, id) : mailbox.open(me, id);
        if (m.draft()) {
            r.response().sendRedirect("/messagerie/drafts/" + id);
            return;
        }
        String title = r.t().subject(m.subject());
        Map<String, Object> params = params(r, title);
        params.put("m", m);
        params.put("thread", mailbox.thread(me, m.threadId()));
        params.put("folders", FolderNode.flat(FolderNode.trees(folders.list(me))));
        params.put("author", m.authorId().equals(me.id()));
        params.put("back", back(m));
        params.put("failure", failure.orElse(null));
        r.response().setStatus(status);
        write(r, title, "message.jte", params);
    }

    private void print(Reader r, UUID id) throws IOException {
        Views.Message m = mailbox.get(r.me(), id);
        String title = r.t().subject(m.subject());
        Map<String, Object> params = params(r, title);
        params.put("m", m);
        params.put("author", m.authorId().equals(r.me().id()));
        write(r, title, "print.jte", params);
    }

    private void download(Reader r, UUID id) throws IOException {
        Attachments.File file = attachments.download(r.me(), id);
        HttpServletResponse response = r.response();
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", Downloads.disposition(file.name()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLengthLong(file.size());
        try (file) {
            file.content().transferTo(response.getOutputStream());
        }
    }

    Side side(Person me, String current) {
        List<FolderNode> trees = FolderNode.trees(folders.list(me));
        return new Side(mailbox.unread(me.id()), trees, FolderNode.flat(trees), current);
    }

    /** Where a message is kept, for a back link and after it leaves the page. */
    static String back(Views.Message m) {
        if (m.trashed()) {
            return "/messagerie/box/trash";
        }
        if (m.folderId().isPresent()) {
            return "/messagerie/folders/" + m.folderId().get();
        }
        return switch (m.box()) {
            case "SENT" -> "/messagerie/box/sent";
            case "DRAFT" -> "/messagerie/box/drafts";
            default -> "/messagerie/box/inbox";
        };
    }

    /** The parameters every page of the app has: texts, title, anti-forgery token, the notice asked for. */
    static Map<String, Object> params(Reader r, String title) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", r.t());
        params.put("title", title);
        params.put("csrf", r.csrf());
        String done = r.request().getParameter("done");
        params.put("notice", done != null && NOTICES.contains(done) ? r.t().get("done." + done) : null);
        return params;
    }

    private static void write(Reader r, String title, String template, Map<String, Object> params)
            throws IOException {
        r.write(title, template, params);
    }

    private Reader reader(Tenant tenant, PortalSession session, HttpServletRequest request,
            HttpServletResponse response) {
        Person me = Person.of(session.token());
        ZoneId zone = choices.isResolvable() && tenant.enables("directory") ? choices.get().timeZone(me.id())
                : ZoneId.of("Europe/Paris");
        return new Reader(tenant, session, me, new Texts(Pages.locale(request), zone), request, response, launcher);
    }

    private static String page(String path, String q, int offset) {
        return path + "?" + (q == null || q.isBlank() ? "" : "q=" + Reader.encoded(q) + "&") + "offset=" + offset;
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
