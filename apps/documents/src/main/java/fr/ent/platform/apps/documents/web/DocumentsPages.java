package fr.ent.platform.apps.documents.web;

import fr.ent.platform.apps.documents.DocumentsApp;
import fr.ent.platform.apps.documents.api.Downloads;
import fr.ent.platform.apps.documents.space.Documents;
import fr.ent.platform.apps.documents.space.Me;
import fr.ent.platform.apps.documents.space.Views;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import gg.jte.TemplateEngine;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The espace documentaire in the browser, plain forms that work without a script: one's space and its folders
 * ({@code /documents}, {@code /documents/folders/<id>}), a file with its versions ({@code /documents/files/<id>},
 * its download and preview), what is shared with me ({@code /documents/shared}) and the trash
 * ({@code /documents/trash}). Uploads are multipart forms. Every POST carries the session's anti-forgery token and
 * answers with a redirect (POST, redirect, GET), or a page with the refusal's title and detail. Everything goes
 * through the same service, and the same rights, as the API.
 */
@WebServlet(urlPatterns = {"/documents", "/documents/*"}, name = "documents-pages")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 1024L * 1024 * 1024,
        maxRequestSize = 1024L * 1024 * 1024 + 1024 * 1024)
public class DocumentsPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(DocumentsPages.class, "fr.ent.platform.apps.documents.jte");
    /** The notices a redirect may ask for ({@code ?done=}): anything else shows nothing. */
    static final Set<String> NOTICES = Set.of("uploaded", "folder-created", "renamed", "trashed", "restored",
            "emptied", "version-added");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Documents documents;

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
            Me me = Me.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            Map<String, Object> params = base(request, session.get(), locale, me);
            Texts t = (Texts) params.get("t");
            switch (route.kind() + "/" + route.action()) {
                case "root/" -> {
                    params.put("listing", documents.root(me));
                    params.put("title", t.get("app.name"));
                    params.put("view", "root");
                    render(response, tenant, session.get(), locale, "folder.jte", params);
                }
                case "folders/" -> {
                    Views.Listing listing = documents.folder(me, id(route.id()));
                    params.put("listing", listing);
                    params.put("title", listing.folder().name());
                    params.put("view", "folder");
                    render(response, tenant, session.get(), locale, "folder.jte", params);
                }
                case "shared/" -> {
                    params.put("listing", new Views.Listing(null, documents.sharedWithMe(me), List.of()));
                    params.put("title", t.get("shared.title"));
                    params.put("view", "shared");
                    render(response, tenant, session.get(), locale, "folder.jte", params);
                }
                case "trash/" -> {
                    params.put("listing", new Views.Listing(null, documents.trash(me), List.of()));
                    params.put("title", t.get("trash.title"));
                    params.put("view", "trash");
                    render(response, tenant, session.get(), locale, "folder.jte", params);
                }
                case "files/" -> {
                    Views.Node file = documents.node(me, id(route.id()));
                    if (file.folder()) {
                        response.sendRedirect("/documents/folders/" + file.id());
                        return;
                    }
                    params.put("file", file);
                    params.put("versions", documents.versions(me, file.id()));
                    params.put("previewable", Downloads.inline(file.contentType()));
                    params.put("title", file.name());
                    render(response, tenant, session.get(), locale, "file.jte", params);
                }
                case "files/download", "files/preview" -> {
                    String v = request.getParameter("version");
                    Optional<Integer> version = v == null || !v.matches("[0-9]{1,9}") ? Optional.empty()
                            : Optional.of(Integer.parseInt(v));
                    send(response, Downloads.of(documents.download(me, id(route.id()), version),
                            route.action().equals("preview")));
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
            response.sendRedirect("/auth/login?return=/documents");
            return;
        }
        try {
            String csrf;
            try {
                csrf = field(request, "csrf");
            } catch (IllegalStateException tooLarge) {
                throw new fr.ent.platform.problem.TooLarge("file-too-large", "?", "?");
            }
            if (!session.get().acceptsToken(csrf)) {
                throw new NotAllowed("csrf-refused");
            }
            Me me = Me.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            response.sendRedirect(post(request, me, route));
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    /** Does what the form asks and answers where to go next. */
    private String post(HttpServletRequest request, Me me, Route route) throws IOException, ServletException {
        switch (route.kind() + "/" + route.action()) {
            case "upload/" -> {
                Optional<UUID> folder = optionalId(field(request, "folder"));
                Part part = filePart(request);
                try (InputStream in = part.getInputStream()) {
                    documents.upload(me, folder, part.getSubmittedFileName(), part.getContentType(), in);
                }
                return folder.map(f -> "/documents/folders/" + f).orElse("/documents") + "?done=uploaded";
            }
            case "folders/" -> {
                Optional<UUID> parent = optionalId(field(request, "parent"));
                Views.Node created = documents.createFolder(me, parent, field(request, "name"));
                return "/documents/folders/" + created.id() + "?done=folder-created";
            }
            case "files/version" -> {
                UUID id = id(route.id());
                Part part = filePart(request);
                try (InputStream in = part.getInputStream()) {
                    documents.newVersion(me, id, part.getContentType(), in);
                }
                return "/documents/files/" + id + "?done=version-added";
            }
            case "nodes/rename" -> {
                Views.Node node = documents.rename(me, id(route.id()), field(request, "name"));
                return page(node) + "?done=renamed";
            }
            case "nodes/trash" -> {
                Views.Node node = documents.node(me, id(route.id()));
                documents.trash(me, node.id());
                return (node.parent() == null ? "/documents" : "/documents/folders/" + node.parent()) + "?done=trashed";
            }
            case "nodes/restore" -> {
                documents.restore(me, id(route.id()));
                return "/documents/trash?done=restored";
            }
            case "nodes/share" -> {
                Views.Node node = documents.shareable(me, id(route.id()));
                return "/sharing/" + DocumentsApp.ID + "/" + DocumentsApp.NODE + "/" + node.id() + "?return="
                        + URLEncoder.encode(page(node), StandardCharsets.UTF_8);
            }
            case "trash/" -> {
                documents.emptyTrash(me);
                return "/documents/trash?done=emptied";
            }
            default -> throw new NotFound("no-such-resource");
        }
    }

    private Map<String, Object> base(HttpServletRequest request, PortalSession session, Locale locale, Me me) {
        Texts t = new Texts(locale);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("csrf", session.csrfToken());
        params.put("usage", documents.usage(me));
        String done = request.getParameter("done");
        params.put("notice", done != null && NOTICES.contains(done) ? t.get("done." + done) : null);
        params.put("me", me.id());
        return params;
    }

    private void render(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            String template, Map<String, Object> params) throws IOException {
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), locale, (String) params.get("title")),
                output -> TEMPLATES.render(template, params, output));
    }

    /** A JAX-RS answer of {@link Downloads} written to the servlet's response. */
    private static void send(HttpServletResponse response, Response answer) throws IOException {
        response.setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(answer.getMediaType().toString());
        try (OutputStream out = response.getOutputStream()) {
            ((jakarta.ws.rs.core.StreamingOutput) answer.getEntity()).write(out);
        }
    }

    static String page(Views.Node node) {
        return (node.folder() ? "/documents/folders/" : "/documents/files/") + node.id();
    }

    /** A text field of the form, multipart or not. */
    static String field(HttpServletRequest request, String name) throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            Part part = request.getPart(name);
            if (part == null) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
        }
        return request.getParameter(name);
    }

    private static Part filePart(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.startsWith("multipart/form-data")) {
            throw new InvalidInput("malformed-request");
        }
        Part part = request.getPart("file");
        if (part == null || part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()) {
            throw new InvalidInput("document-empty", "?");
        }
        return part;
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("document-not-found", String.valueOf(id));
        }
    }

    static Optional<UUID> optionalId(String id) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id(id.strip()));
    }
}
