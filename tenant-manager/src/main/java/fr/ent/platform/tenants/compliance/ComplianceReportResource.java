package fr.ent.platform.tenants.compliance;

import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.pages.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /collectivities/{slug}/compliance-report}: the same report as JSON, an HTML page or a PDF, chosen by
 * the Accept header. Evaluated at each request (cheap: in memory), so it shows the configuration and the latest
 * inventory of now.
 */
@Path("/collectivities/{slug}/compliance-report")
@RequestScoped
public class ComplianceReportResource {

    @Inject
    ComplianceReporter reporter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rapport de conformité souveraine d'une collectivité (JSON, HTML ou PDF selon Accept)")
    @APIResponse(responseCode = "200", description = "Rapport", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = MediaType.TEXT_HTML),
        @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "404", description = "Collectivité inconnue",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CollectivityReport json(@PathParam("slug") String slug) {
        return reporter.report(slug);
    }

    /** In the reader's language (Accept-Language: French, English or Spanish; French by default), as the PDF. */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response html(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        return Response.ok(ReportHtml.render(reporter.report(slug), text)).language(text.locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    // qs below 1: a client that names no type (curl, Accept: */*) gets the JSON, not this PDF (JAX-RS picks among
    // equally acceptable types by the server's quality)
    @GET
    @Produces("application/pdf;qs=0.5")
    public Response pdf(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        CollectivityReport report = reporter.report(slug);
        String date = LocalDate.ofInstant(report.evaluatedAt(), ZoneId.of("Europe/Paris")).toString();
        return Response.ok(ReportPdf.render(report, text), "application/pdf").language(text.locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Content-Disposition", "inline; filename=\"conformite-" + report.slug() + "-" + date + ".pdf\"")
                .build();
    }
}
