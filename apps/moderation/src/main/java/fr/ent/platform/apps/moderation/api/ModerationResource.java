package fr.ent.platform.apps.moderation.api;

import fr.ent.platform.apps.moderation.Action;
import fr.ent.platform.apps.moderation.Cases;
import fr.ent.platform.apps.moderation.Moderator;
import fr.ent.platform.apps.moderation.Views;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Moderation over JSON: any signed-in user reports a content they may read; the collectivity's moderators
 * (SUPER_ADMIN, ADMIN_LOCAL for their schools) read their queue and neutralize, restore, delete or dismiss.
 */
@Path("/moderation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    @Inject
    Cases cases;

    @Inject
    Caller caller;

    /** A report as sent: the content ({@code app}, {@code kind}, {@code id}), a reason of the list, a free text. */
    public record ReportInput(String app, String kind, String id, String reason, String comment) {
    }

    /** A decision as sent: its reason, required (recorded in the audit trail and told to the author). */
    public record DecisionInput(String reason) {
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Signale un contenu que je peux lire (app, kind, id), avec un motif de la liste et un texte libre")
    public Response report(ReportInput body) {
        if (body == null) {
            throw new InvalidInput("invalid-input", "corps : un objet JSON est attendu");
        }
        if (!ContentRef.valid(body.app(), body.kind(), body.id())) {
            throw new NotFound("no-such-resource");
        }
        var id = cases.report(caller.token().orElseThrow(), new ContentRef(body.app(), body.kind(), body.id()),
                body.reason(), body.comment());
        return Response.created(URI.create("/api/moderation/reports/" + id)).entity(new Views.Reported(id)).build();
    }

    @GET
    @Path("/cases")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Les contenus signalés que je modère : à traiter d'abord (all=true : aussi ceux déjà traités)")
    public List<Views.Case> queue(@QueryParam("all") boolean all) {
        return cases.queue(moderator(), !all);
    }

    @GET
    @Path("/cases/{id}")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Un contenu signalé que je modère : l'original, les signalements, les décisions, l'historique")
    public Views.Detail get(@PathParam("id") String id) {
        return cases.detail(moderator(), Cases.idOrNotFound(id));
    }

    @POST
    @Path("/cases/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Décide d'un contenu signalé : neutralize, restore, delete ou dismiss, avec un motif")
    public Views.Detail decide(@PathParam("id") String id, @PathParam("action") String action, DecisionInput body) {
        Action chosen = Action.parse(action).orElseThrow(() -> new NotFound("no-such-resource"));
        return cases.decide(moderator(), Cases.idOrNotFound(id), chosen, body == null ? null : body.reason());
    }

    /** @Allow let an administrator in; a local administrator without any school still moderates nothing. */
    private Moderator moderator() {
        return caller.token().flatMap(Moderator::of).orElseThrow(() -> new NotAllowed("forbidden"));
    }
}
