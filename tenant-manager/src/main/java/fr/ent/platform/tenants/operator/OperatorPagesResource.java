package fr.ent.platform.tenants.operator;

import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenants.access.AdminAccessFilter;
import fr.ent.platform.tenants.access.OperatorCookie;
import fr.ent.platform.tenants.compliance.ComplianceReporter;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.pages.HtmlPages;
import fr.ent.platform.tenants.pages.PageText;
import fr.ent.platform.tenants.pages.templates.operator.JteoverviewGenerated;
import fr.ent.platform.tenants.pages.templates.operator.JtesigninGenerated;
import fr.ent.platform.tenants.sla.SlaReporter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The hosting operators' pages on the admin endpoint (never on a collectivity's domain: tenant-manager is bound to
 * the admin virtual host): {@code GET /operator}, every collectivity at a glance, for a platform-admin token only
 * (bearer header, or the cookie the sign-in form sets, {@link OperatorCookie}); {@code /operator/session}, the
 * sign-in form that takes the token, and {@code /operator/session/end}, sign-out. French first, English and Spanish
 * by Accept-Language; plain HTML forms, no script.
 */
@Path("/operator")
@RequestScoped
public class OperatorPagesResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    CollectivityService collectivities;

    @Inject
    SlaReporter sla;

    @Inject
    ComplianceReporter compliance;

    @Inject
    TokenVerifier verifier;

    @GET
    @Produces(HTML)
    @Operation(summary = "Vue d'ensemble des collectivités pour les opérateurs de l'hébergement (page HTML, jeton "
            + "platform-admin)")
    public Response overview(@Context HttpHeaders headers, @Context UriInfo uri) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        List<OperatorRow> rows = new OperatorOverview(collectivities, sla, compliance).rows();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return page(200, text, overviewHtml(base(uri), rows, now, text))
                // figures of now: never kept by a browser or a proxy
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/session")
    @Produces(HTML)
    @Operation(summary = "Formulaire de connexion des opérateurs (jeton platform-admin)")
    public Response signInForm(@Context HttpHeaders headers, @Context UriInfo uri) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        return page(200, text, signInHtml(base(uri), text, null)).build();
    }

    /**
     * Takes the token of the form: a platform-admin token is kept in the cookie and the browser goes to the overview
     * (303); any other is refused with the form again and the reason.
     */
    @POST
    @Path("/session")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    @Operation(summary = "Connexion d'un opérateur : le jeton platform-admin est gardé dans un cookie HttpOnly")
    public Response signIn(@FormParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        String bare = token == null ? "" : token.strip();
        if (bare.regionMatches(true, 0, "Bearer ", 0, 7)) {
            bare = bare.substring(7).strip();
        }
        if (bare.isEmpty()) {
            return page(400, text, signInHtml(base(uri), text, "operator.signin.empty")).build();
        }
        if (!bare.matches("[A-Za-z0-9._~+/=-]+")) {
            // not even the characters of a token: nothing to verify
            return page(401, text, signInHtml(base(uri), text, "operator.signin.invalid")).build();
        }
        try {
            AdminAccessFilter.platformOperator(verifier, bare);
        } catch (ProblemException e) {
            return page(e.status(), text, signInHtml(base(uri), text, "operator.signin.invalid")).build();
        } catch (DomainException e) {
            int status = ProblemStatuses.status(e);
            return page(status, text, signInHtml(base(uri), text, status == 403 ? "operator.signin.forbidden"
                    : "operator.signin.unavailable")).build();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("operator").build())
                .header(HttpHeaders.SET_COOKIE, OperatorCookie.cookie(bare, secure(uri))).build();
    }

    @POST
    @Path("/session/end")
    @Produces(HTML)
    @Operation(summary = "Déconnexion d'un opérateur : le cookie est effacé")
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        return page(200, text, signInHtml(base(uri), text, "operator.signin.ended"))
                .header(HttpHeaders.SET_COOKIE, OperatorCookie.cleared(secure(uri))).build();
    }

    /** The sign-in form as the answer to a page opened without a valid token ({@link SignInProblems}). */
    static Response signInPage(HttpHeaders headers, UriInfo uri, int status, String messageKey) {
        PageText text = PageText.negotiate(headers.getAcceptableLanguages());
        return page(status, text, signInHtml(base(uri), text, messageKey)).build();
    }

    static String overviewHtml(String base, List<OperatorRow> rows, Instant now, PageText text) {
        return HtmlPages.render(out -> JteoverviewGenerated.render(out, null, base, rows, now, text));
    }

    static String signInHtml(String base, PageText text, String messageKey) {
        return HtmlPages.render(out -> JtesigninGenerated.render(out, null, base, messageKey, text));
    }

    /** The admin API's root path ({@code /admin/api/v1/}): the pages' forms and links are absolute paths. */
    private static String base(UriInfo uri) {
        String path = uri.getBaseUri().getPath();
        return path.endsWith("/") ? path : path + "/";
    }

    private static Response.ResponseBuilder page(int status, PageText text, String html) {
        return Response.status(status).entity(html).type(HTML).language(text.locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** The cookie goes over TLS only when the admin endpoint is reached over TLS (a cluster's). */
    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getBaseUri().getScheme());
    }
}
