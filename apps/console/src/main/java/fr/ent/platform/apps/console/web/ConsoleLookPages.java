package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.apps.ConsoleApps;
import fr.ent.platform.apps.console.audit.AuditQuery;
import fr.ent.platform.apps.console.audit.AuditTarget;
import fr.ent.platform.apps.console.audit.ConsoleAudit;
import fr.ent.platform.apps.console.audit.Outcome;
import fr.ent.platform.apps.console.look.ConsoleLook;
import fr.ent.platform.apps.console.look.LookRefused;
import fr.ent.platform.apps.console.service.ConsoleService;
import fr.ent.platform.apps.console.tenantmanager.RemoteProblem;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.problem.NotAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * The console's "Apps and look", "Service" and "Audit trail" pages (docs/console.md), dispatched by
 * {@link ConsolePages} (which has checked the route, the session, the console user and, for a change, the
 * anti-forgery token). Apps, look and service are the SUPER_ADMIN's (a local administrator gets 403 from the
 * services); the audit trail is every administrator's, each reading what its scope reaches. Every change is recorded
 * in the audit trail with its outcome.
 */
@ApplicationScoped
public class ConsoleLookPages {

    /** The notices a redirect of these pages may ask for ({@code ?done=}). */
    static final Set<String> NOTICES = Set.of("app-on", "app-off", "renamed", "colours", "logo", "logo-removed");

    @Inject
    ConsoleApps apps;

    @Inject
    ConsoleLook look;

    @Inject
    ConsoleService service;

    @Inject
    ConsoleAudit audit;

    public void apps(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        pages.page(v, v.t().get("apps.title"), "apps.jte", "apps",
                apps.list(v.scope(), v.tenant(), v.session(), v.t().locale()), "done", notice(v));
    }

    /** Turns one app ({@code app}) on or off ({@code enabled=true|false}). */
    public void setApp(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        String app = v.request().getParameter("app");
        boolean on = "true".equals(v.request().getParameter("enabled"));
        AuditTarget target = AuditTarget.collectivityWide("app", app, app == null ? null
                : apps.name(app, v.t().locale()));
        apps.set(v.scope(), v.tenant(), v.session(), app, on, v.t().locale());
        audit.record(v.scope(), ConsoleRoute.APPS_SET.name(), target, Outcome.DONE, on ? "enabled" : "disabled");
        v.response().sendRedirect("/console/apps?done=" + (on ? "app-on" : "app-off"));
    }

    /** The look page, with a refusal's reason next to the forms ({@code error}) and its status. */
    public void look(ConsolePages.Visit v, ConsolePages pages, String error, int status) throws IOException {
        ConsoleLook.Look current = look.get(v.scope(), v.tenant(), v.session(), v.t().locale());
        v.response().setStatus(status);
        pages.page(v, v.t().get("look.title"), "look.jte", "look", current, "error", error,
                "typedPrimary", status == 200 ? null : v.request().getParameter("primary"),
                "typedAccent", status == 200 ? null : v.request().getParameter("accent"),
                "logoPath", v.tenant().branding().logoPath().orElse(null), "done", notice(v));
    }

    public void rename(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        String name = v.request().getParameter("name");
        change(v, pages, "name", name, () -> look.rename(v.scope(), v.tenant(), v.session(), name, v.t().locale()),
                name, "renamed");
    }

    public void colours(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        String primary = v.request().getParameter("primary");
        String accent = v.request().getParameter("accent");
        change(v, pages, "colours", null, () -> look.colours(v.scope(), v.tenant(), v.session(),
                v.t().get("look.primary"), primary, v.t().get("look.accent"), accent, v.t().locale()),
                "primary=" + primary + " accent=" + accent, "colours");
    }

    /** Replaces the logo (multipart field {@code logo}), or removes it ({@code action=remove}). */
    public void logo(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        if ("remove".equals(ConsolePages.field(v.request(), "action"))) {
            change(v, pages, "logo", null, () -> look.removeLogo(v.scope(), v.tenant(), v.session(),
                    v.t().locale()), "removed", "logo-removed");
            return;
        }
        if (!v.scope().whole()) {
            throw new NotAllowed("forbidden"); // before reading anyone's upload
        }
        byte[] image;
        String fileName;
        try {
            Part part = v.request().getPart("logo");
            fileName = part == null ? null : part.getSubmittedFileName();
            try (InputStream in = part == null ? InputStream.nullInputStream() : part.getInputStream()) {
                image = in.readNBytes(fr.ent.platform.apps.console.look.LogoCheck.MAX_BYTES + 1);
            }
        } catch (ServletException | IllegalStateException notMultipart) {
            image = new byte[0];
            fileName = null;
        }
        byte[] bytes = image;
        String name = fileName;
        change(v, pages, "logo", name, () -> look.logo(v.scope(), v.tenant(), v.session(), bytes, name,
                v.t().locale()), (name == null ? "?" : name) + " (" + bytes.length + " o)", "logo");
    }

    /**
     * Does a change of the look and answers: a redirect with its notice, or the page again with the reason and the
     * refusal's status; recorded in the audit trail either way.
     */
    private void change(ConsolePages.Visit v, ConsolePages pages, String what, String label, Runnable work,
            String detail, String notice) throws IOException {
        AuditTarget target = AuditTarget.collectivityWide("branding", what, label);
        String action = ConsoleRoute.of("POST", v.request().getServletPath()
                + (v.request().getPathInfo() == null ? "" : v.request().getPathInfo()))
                .map(m -> m.route().name()).orElse("LOOK");
        try {
            work.run();
        } catch (LookRefused refused) {
            String reason = refused.key() != null ? v.t().get(refused.key(), refused.arguments())
                    : refused.remoteDetail();
            audit.record(v.scope(), action, target, Outcome.REFUSED, reason);
            look(v, pages, reason, refused.status());
            return;
        }
        audit.record(v.scope(), action, target, Outcome.DONE, detail);
        v.response().sendRedirect("/console/look?done=" + notice);
    }

    public void service(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        ConsoleService.Status status = service.status(v.scope(), v.tenant(), v.session(), v.t().locale());
        pages.page(v, v.t().get("service.title"), "service.jte", "status", status);
    }

    /** The monthly report of {@code month} as an HTML page ({@code format=html}) or a PDF ({@code format=pdf}). */
    public void slaReport(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        ConsoleService.Format format = ConsoleService.Format.of(v.request().getParameter("format"));
        TenantManagerChannel.Raw answer = service.slaReport(v.scope(), v.tenant(), v.session(),
                v.request().getParameter("month"), format, v.t().locale());
        if (answer.status() == 503) {
            unavailable(v, pages, RemoteProblem.of(answer).orElse(null));
            return;
        }
        String month = v.request().getParameter("month");
        send(v.response(), answer, format == ConsoleService.Format.PDF ? "disponibilite-" + v.tenant().slug()
                + (month == null || month.isBlank() ? "" : "-" + month) + ".pdf" : null);
    }

    public void compliancePdf(ConsolePages.Visit v) throws IOException {
        TenantManagerChannel.Raw answer = service.compliancePdf(v.scope(), v.tenant(), v.session(), v.t().locale());
        if (answer.status() != 200) {
            v.response().sendError(answer.status());
            return;
        }
        send(v.response(), answer, "conformite-" + v.tenant().slug() + ".pdf");
    }

    /** The report cannot be made now: a page saying why, with the status tenant-manager gave (503). */
    private void unavailable(ConsolePages.Visit v, ConsolePages pages, RemoteProblem problem) throws IOException {
        v.response().setStatus(503);
        pages.page(v, v.t().get("service.title"), "service.jte", "status", new ConsoleService.Status(
                java.util.Optional.empty(), java.util.Optional.ofNullable(problem), List.of()));
    }

    public void audit(ConsolePages.Visit v, ConsolePages pages) throws IOException {
        AuditQuery query = AuditQuery.of(v.request().getParameter("action"), v.request().getParameter("actor"),
                v.request().getParameter("outcome"), v.request().getParameter("page"));
        pages.page(v, v.t().get("audit.title"), "audit.jte", "query", query, "found", audit.list(v.scope(), query),
                "actions", java.util.stream.Stream.concat(java.util.Arrays.stream(ConsoleRoute.values())
                        .filter(ConsoleRoute::changes).map(ConsoleRoute::name),
                        fr.ent.platform.apps.console.audit.ConsoleAdministrationTrail.OTHER_SCREENS.stream()).toList());
    }

    /** tenant-manager's document as it is, with its type; a PDF as a download with a file name. */
    private static void send(HttpServletResponse response, TenantManagerChannel.Raw answer, String pdfName)
            throws IOException {
        response.setStatus(200);
        response.setContentType(answer.contentType().isEmpty() ? "application/octet-stream" : answer.contentType());
        if (pdfName != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + pdfName.replaceAll("[^A-Za-z0-9._-]",
                    "_") + "\"");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        // tenant-manager's report page: escaped data, its own inline stylesheet, no script at all
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        response.setContentLength(answer.body().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(answer.body());
        }
    }

    private static String notice(ConsolePages.Visit v) {
        String done = v.request().getParameter("done");
        return done != null && NOTICES.contains(done) ? done : null;
    }
}
