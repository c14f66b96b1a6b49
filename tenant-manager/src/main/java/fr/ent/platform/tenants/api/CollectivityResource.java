package fr.ent.platform.tenants.api;

import fr.ent.platform.adminapi.CollectivityRequest;
import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.adminapi.ProvisioningView;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.observability.sla.SlaObjective;
import fr.ent.platform.observability.sla.SlaPlans;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityChange;
import fr.ent.platform.tenants.registry.NewCollectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Collectivities: create, read, and move through their lifecycle. Thin: the service says what happens. */
@Path("/collectivities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectivityResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    AdminCaller caller;

    @Inject
    SlaPlans plans;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer une collectivité et lancer son provisionnement")
    @APIResponse(responseCode = "202", description = "Enregistrée ; le provisionnement suit (voir /provisioning)")
    @APIResponse(responseCode = "400", description = "Données invalides", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Identifiant ou domaine déjà pris", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(CollectivityRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        Collectivity created = collectivities.create(
                NewCollectivity.of(body.slug(), body.kind(), body.displayName(), body.domains(),
                        body.plan() == null ? plans.defaultObjective().plan() : known(body.plan())));
        return Response.accepted(Views.of(created))
                .location(uri.getBaseUriBuilder().path("collectivities").path(created.slug()).build())
                .header("Link", "<" + uri.getBaseUriBuilder().path("collectivities").path(created.slug())
                        .path("provisioning").build() + ">; rel=\"monitor\"")
                .build();
    }

    @GET
    @Operation(summary = "Lister les collectivités, éventuellement par état")
    public List<CollectivityView> list(@QueryParam("state") List<String> states) {
        Set<TenantState> wanted = EnumSet.noneOf(TenantState.class);
        for (String state : states) {
            try {
                wanted.add(TenantState.valueOf(state.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("malformed-request");
            }
        }
        return collectivities.list(wanted).stream().map(Views::of).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Lire une collectivité")
    public CollectivityView get(@PathParam("slug") String slug) {
        return Views.of(collectivities.get(slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Changer le nom affiché, le type, les domaines ou le plan (les champs absents ne changent pas ;"
            + " type, domaines et plan : exploitants de la plateforme seulement)")
    @APIResponse(responseCode = "409", description = "Domaine déjà pris", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CollectivityView change(@PathParam("slug") String slug, CollectivityRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw new InvalidTenantInputException("slug", "slug.immutable", slug);
        }
        if (!caller.isPlatformOperator() && (body.kind() != null || body.domains() != null || body.plan() != null)) {
            // Kind, domains and plan are hosting matters (DNS, TLS, contract): only the display name is the
            // collectivity administrator's to change.
            throw new NotAllowed("forbidden");
        }
        return Views.of(collectivities.change(slug, CollectivityChange.of(body.displayName(), body.kind(),
                body.domains(), body.plan() == null ? null : known(body.plan()))));
    }

    /** A plan of the SLA configuration ({@code ENT_SLA_PLANS}): another name is a 400 listing the known ones. */
    private String known(String plan) {
        List<String> names = plans.objectives().stream().map(SlaObjective::plan).toList();
        if (!names.contains(plan)) {
            throw new InvalidTenantInputException("plan", "plan.unknown", plan, String.join(", ", names));
        }
        return plan;
    }

    @GET
    @Path("{slug}/provisioning")
    @Operation(summary = "État du provisionnement, étape par étape")
    public ProvisioningView provisioning(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return Views.of(c, collectivities.steps(c));
    }

    @POST
    @Path("{slug}/provisioning/retry")
    @Operation(summary = "Reprendre un provisionnement en échec à l'étape qui a échoué")
    public Response retry(@PathParam("slug") String slug) {
        return Response.accepted(Views.of(collectivities.retry(slug))).build();
    }

    @POST
    @Path("{slug}/suspend")
    @Operation(summary = "Suspendre (le portail répond 503)")
    public CollectivityView suspend(@PathParam("slug") String slug) {
        return Views.of(collectivities.suspend(slug));
    }

    @POST
    @Path("{slug}/resume")
    @Operation(summary = "Reprendre le service d'une collectivité suspendue")
    public CollectivityView resume(@PathParam("slug") String slug) {
        return Views.of(collectivities.resume(slug));
    }

    @POST
    @Path("{slug}/archive")
    @Operation(summary = "Archiver (le portail répond 410)")
    public CollectivityView archive(@PathParam("slug") String slug) {
        return Views.of(collectivities.archive(slug));
    }

    @DELETE
    @Path("{slug}")
    @Operation(summary = "Supprimer une collectivité archivée : schéma et rôle supprimés, ou conservés avec retainData=true")
    public CollectivityView delete(@PathParam("slug") String slug,
            @QueryParam("retainData") @DefaultValue("false") boolean retainData) {
        return Views.of(collectivities.delete(slug, retainData));
    }
}
