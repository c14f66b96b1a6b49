package fr.ent.platform.tenants.sla;

import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.pages.PageText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /collectivities/{slug}/sla-report?month=2026-11}: the monthly availability report as JSON, an
 * HTML page or a PDF, chosen by the Accept header (as the compliance report). Computed from Prometheus at each request.
 */
@Path("/collectivities/{slug}/sla-report")
@RequestScoped
public class SlaReportResource {

    @Inject
    SlaReporter reporter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rapport mensuel de disponibilité (SLA) d'une collectivité (JSON ou HTML selon Accept)")
    @APIResponse(responseCode = "200", description = "Rapport", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = MediaType.TEXT_HTML),
        @Content(mediaType = "application/pdf")})
    @APIResponse(responseCode = "400", description = "Mois invalide ou à venir",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Collectivité inconnue",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Prometheus non configuré ou injoignable",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SlaReport json(@PathParam("slug") String slug,
            @Parameter(description = "Mois AAAA-MM (défaut : le mois en cours jusqu'à maintenant)")
            @QueryParam("month") String month) {
        return reporter.report(slug, month);
    }

    /** In the reader's language (Accept-Language: French, English or Spanish; French by default). */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response html(@PathParam("slug") String slug, @QueryParam("month") String month,
            @Context HttpHeaders headers) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        return Response.ok(SlaReportHtml.render(reporter.report(slug, month), text)).language(text.locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    /** The same report as PDF (the tenant console offers it for download), in the reader's language. */
    // qs below 1: a client that names no type (curl, Accept: */*) gets the JSON, not this PDF (JAX-RS picks among
    // equally acceptable types by the server's quality)
    @GET
    @Produces("application/pdf;qs=0.5")
    public Response pdf(@PathParam("slug") String slug, @QueryParam("month") String month,
            @Context HttpHeaders headers) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        SlaReport report = reporter.report(slug, month);
        return Response.ok(SlaReportPdf.render(report, text), "application/pdf").language(text.locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Content-Disposition", "inline; filename=\"disponibilite-" + report.slug() + "-"
                        + report.month() + ".pdf\"")
                .build();
    }
}
