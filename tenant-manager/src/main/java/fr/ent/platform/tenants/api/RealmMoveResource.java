package fr.ent.platform.tenants.api;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.tenants.shards.move.RealmMoves;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A collectivity's realm moved to another Keycloak shard (ADR 0048). Hosting operators only: the access filter
 * gives a collectivity's administrators no POST under {@code realm}.
 */
@Path("/collectivities/{slug}/realm")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RealmMoveResource {

    @Inject
    RealmMoves moves;

    @Inject
    AdminCaller caller;

    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déplacer le domaine d'identité (realm Keycloak) de la collectivité vers un autre serveur"
            + " Keycloak (shard) : suspendue pendant le déplacement, ses comptes et leurs mots de passe copiés,"
            + " reprise ensuite")
    @APIResponse(responseCode = "200", description = "Déplacé : collectivité sur le shard cible, dans son état d'avant")
    @APIResponse(responseCode = "400", description = "Shard inconnu ou absent", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Même shard, shard plein ou fermé, état ne permettant pas le"
            + " déplacement, déplacement déjà en cours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "Échec en cours de route : la collectivité reste sur son shard"
            + " d'origine, dans son état d'avant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RealmMoves.Moved move(@PathParam("slug") String slug, RealmMoveRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        if (body.shard() == null || body.shard().isBlank()) {
            throw new InvalidTenantInputException("shard", "shard.required");
        }
        return moves.move(slug, body.shard().trim(), "operator:" + caller.username());
    }
}
