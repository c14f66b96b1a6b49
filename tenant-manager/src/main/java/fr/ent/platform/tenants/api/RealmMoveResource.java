package fr.ent.platform.tenants.api;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.tenants.shards.move.RealmMoveView;
import fr.ent.platform.tenants.shards.move.RealmMoves;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A collectivity's realm moved to another Keycloak shard (ADR 0048, amended: asynchronous, with progress). Hosting
 * operators only: the access filter gives a collectivity's administrators nothing under {@code realm} (its moves
 * name the platform's shards, which are the operators' alone, ADR 0050).
 */
@Path("/collectivities/{slug}/realm")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RealmMoveResource {

    @Inject
    RealmMoves moves;

    @Inject
    AdminCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déplacer le domaine d'identité (realm Keycloak) de la collectivité vers un autre serveur"
            + " Keycloak (shard) : suspendue pendant le déplacement, ses comptes et leurs mots de passe copiés,"
            + " reprise ensuite ; vérifié aussitôt, mené en arrière-plan")
    @APIResponse(responseCode = "202", description = "Commencé : suivre le déplacement à l'adresse de l'en-tête"
            + " Location (/collectivities/{slug}/realm/moves/{id})")
    @APIResponse(responseCode = "400", description = "Shard inconnu ou absent", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Même shard, shard plein ou fermé, état ne permettant pas le"
            + " déplacement, déplacement déjà en cours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response move(@PathParam("slug") String slug, RealmMoveRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        if (body.shard() == null || body.shard().isBlank()) {
            throw new InvalidTenantInputException("shard", "shard.required");
        }
        RealmMoveView started = moves.start(slug, body.shard().trim(), "operator:" + caller.username());
        return Response.accepted(started).location(uri.getBaseUriBuilder().path("collectivities").path(started.slug())
                .path("realm").path("moves").path(started.id()).build()).build();
    }

    @GET
    @Path("moves")
    @Operation(summary = "Les déplacements du domaine d'identité de la collectivité, le plus récent d'abord")
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<RealmMoveView> moves(@PathParam("slug") String slug) {
        return moves.list(slug);
    }

    @GET
    @Path("moves/{id}")
    @Operation(summary = "Où en est un déplacement du domaine d'identité : étape, personnes copiées, puis son issue"
            + " (DONE : sur le shard cible ; FAILED : le problème, et où se trouve la collectivité)")
    @APIResponse(responseCode = "404", description = "Collectivité inconnue, ou aucun déplacement de cette"
            + " collectivité n'a cet identifiant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RealmMoveView one(@PathParam("slug") String slug, @PathParam("id") String id) {
        return moves.find(slug, id);
    }
}
