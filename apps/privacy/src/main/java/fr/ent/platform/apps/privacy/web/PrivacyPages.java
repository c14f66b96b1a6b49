package fr.ent.platform.apps.privacy.web;

import fr.ent.platform.apps.privacy.export.ExportJob;
import fr.ent.platform.apps.privacy.export.Exports;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.data.Person;
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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Mes données" in the browser, without a script: {@code /privacy} lists the person's requests and asks for a new
 * archive (a POST with the session's anti-forgery token, answered by a redirect to the request's page);
 * {@code /privacy/exports/<id>} shows the job's progress (the person refreshes the page, a link does it) and, once
 * ready, the download link {@code /privacy/exports/<id>/archive}. Another person's request, or a guessed id, is the
 * readable "not found" page.
 */
@WebServlet(urlPatterns = {"/privacy", "/privacy/*"}, name = "privacy-pages")
public class PrivacyPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(PrivacyPages.class, "fr.ent.platform.apps.privacy.jte");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Exports exports;

    @Inject
    fr.ent.platform.apps.privacy.transfer.Transfers transfers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(request.getRequestURI(),
                    StandardCharsets.UTF_8));
            return;
        }
        Locale locale = Pages.locale(request);
        Texts t = new Texts(locale);
        Person me = Who.of(session.get().token());
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        try {
            Map<String, Object> params = new HashMap<>();
            params.put("t", t);
            params.put("csrf", session.get().csrfToken());
            if (path.equals("/") || path.isEmpty()) {
                params.put("jobs", exports.mine(me));
                render(response, tenant, session.get(), locale, t.get("title"), "exports.jte", params);
                return;
            }
            String[] parts = path.substring(1).split("/");
            if (parts[0].equals("collectivity")) {
                collectivity(request, response, tenant, session.get(), locale, t, params, parts);
                return;
            }
            if (parts.length >= 2 && parts[0].equals("exports")) {
                UUID id = id(parts[1]);
                if (parts.length == 2) {
                    ExportJob job = exports.find(me, id);
                    params.put("job", job);
                    render(response, tenant, session.get(), locale, t.get("job.title"), "export.jte", params);
                    return;
                }
                if (parts.length == 3 && parts[2].equals("archive")) {
                    Exports.Download download = exports.download(me, id, request.getRemoteAddr());
                    try (var file = download.file()) {
                        FileAnswer.of(download.name(), "application/zip", file.object().size(), false)
                                .send(response, file.content());
                    }
                    return;
                }
            }
            throw new NotFound("no-such-resource");
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
            response.sendRedirect("/auth/login?return=/privacy");
            return;
        }
        try {
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                throw new NotAllowed("csrf-refused");
            }
            if ("/collectivity/exports".equals(request.getPathInfo())) {
                superAdmin(session.get());
                transfers.export(session.get().token().username(), request.getRemoteAddr());
                response.sendRedirect("/privacy/collectivity");
                return;
            }
            if (!"/exports".equals(request.getPathInfo())) {
                throw new NotFound("no-such-resource");
            }
            ExportJob job = exports.request(Who.of(session.get().token()), request.getRemoteAddr());
            response.sendRedirect("/privacy/exports/" + job.id());
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    /**
     * The whole collectivity's export, for its SUPER_ADMIN (ADR 0033): {@code /privacy/collectivity} lists the
     * exports and imports and starts one; {@code /privacy/collectivity/exports/<id>/archive} downloads a ready one.
     * Anyone else is refused (403), another collectivity's id or a guessed one is not found.
     */
    private void collectivity(HttpServletRequest request, HttpServletResponse response, Tenant tenant,
            PortalSession session, Locale locale, Texts t, Map<String, Object> params, String[] parts)
            throws IOException {
        superAdmin(session);
        if (parts.length == 1) {
            params.put("jobs", transfers.list());
            render(response, tenant, session, locale, t.get("collectivity.title"), "collectivity.jte", params);
            return;
        }
        if (parts.length == 4 && parts[1].equals("exports") && parts[3].equals("archive")) {
            UUID id;
            try {
                id = UUID.fromString(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new NotFound("collectivity-transfer-not-found", parts[2]);
            }
            fr.ent.platform.apps.privacy.transfer.Transfers.Download download = transfers.download(id,
                    session.token().username(), request.getRemoteAddr());
            try (var file = download.file()) {
                FileAnswer.of(download.name(), "application/zip", file.object().size(), false)
                        .send(response, file.content());
            }
            return;
        }
        throw new NotFound("no-such-resource");
    }

    private static void superAdmin(PortalSession session) {
        if (!session.token().hasRole(fr.ent.platform.runtime.security.Roles.SUPER_ADMIN)) {
            throw new NotAllowed("forbidden");
        }
    }

    private void render(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            String title, String template, Map<String, Object> params) throws IOException {
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), locale, title),
                output -> TEMPLATES.render(template, params, output));
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("personal-export-not-found", String.valueOf(id));
        }
    }
}
