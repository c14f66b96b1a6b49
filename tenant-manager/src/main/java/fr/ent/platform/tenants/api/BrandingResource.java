package fr.ent.platform.tenants.api;

import fr.ent.platform.adminapi.BrandingRequest;
import fr.ent.platform.adminapi.BrandingView;
import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.tenants.branding.Branding;
import fr.ent.platform.tenants.branding.CollectivityBranding;
import fr.ent.platform.tenants.branding.LogoImage;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A collectivity's branding: colours (checked for contrast) and logo, shown by the portal and the login pages. */
@Path("/collectivities/{slug}/branding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BrandingResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    CollectivityBranding branding;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Identité visuelle de la collectivité : couleurs et logo")
    public BrandingView get(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return view(c, branding.of(c));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choisir les couleurs (#rrggbb, contraste 4,5:1 au moins avec le blanc ; null : par défaut)")
    @APIResponse(responseCode = "400", description = "Couleur mal écrite ou trop claire",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BrandingView set(@PathParam("slug") String slug, BrandingRequest body) {
        if (body == null) {
            throw new fr.ent.platform.problem.InvalidInput("malformed-request");
        }
        Collectivity c = collectivities.get(slug);
        return view(c, branding.setColours(c, body.primaryColor(), body.accentColor()));
    }

    @GET
    @Path("logo")
    @Produces({"image/png", "image/jpeg", "image/webp", Problem.MEDIA_TYPE})
    @Operation(summary = "Le logo de la collectivité")
    public Response logo(@PathParam("slug") String slug) {
        LogoImage logo = branding.logo(collectivities.get(slug))
                .orElseThrow(() -> new fr.ent.platform.problem.NotFound("branding-logo-none", slug));
        return Response.ok(logo.bytes(), logo.mediaType()).build();
    }

    @PUT
    @Path("logo")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remplacer le logo (PNG, JPEG ou WebP, 100 Kio au plus ; le corps est l'image)")
    @APIResponse(responseCode = "413", description = "Image trop lourde", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Pas une image PNG, JPEG ou WebP",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BrandingView setLogo(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) {
        Collectivity c = collectivities.get(slug);
        byte[] image;
        try {
            // one byte more than allowed is enough to refuse; the rest of a huge body is never held in memory
            image = body.readNBytes(LogoImage.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("logo upload of " + slug + " not read", e);
        }
        // Size and type are the HTTP edge's to refuse (413, 415), before the branding service keeps the image.
        if (image.length > LogoImage.MAX_BYTES) {
            throw new ProblemException(413, "branding-logo-too-large", image.length, LogoImage.MAX_BYTES);
        }
        String declared = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        java.util.Optional<String> actual = LogoImage.sniff(image);
        if (actual.isEmpty() || !actual.get().equals(declared)) {
            throw new ProblemException(415, "branding-logo-type", declared);
        }
        return view(c, branding.setLogo(c, new LogoImage(declared, image)));
    }

    @DELETE
    @Path("logo")
    @Operation(summary = "Retirer le logo")
    public BrandingView removeLogo(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return view(c, branding.removeLogo(c));
    }

    private BrandingView view(Collectivity c, Branding b) {
        return new BrandingView(c.slug(), c.displayName(), b.primary().map(BrandColour::hex).orElse(null),
                b.accent().map(BrandColour::hex).orElse(null),
                b.logoSha256().map(sha -> uri.getBaseUriBuilder().path("collectivities").path(c.slug())
                        .path("branding").path("logo").build().getPath()).orElse(null),
                b.logoSha256().orElse(null));
    }
}
