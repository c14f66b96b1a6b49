package fr.ent.platform.apps.flash;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Flash messages over JSON: administrators write them (SUPER_ADMIN for the collectivity, ADMIN_LOCAL for its
 * schools), every signed-in user reads and dismisses the ones shown to them.
 */
@Path("/flash")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlashResource {

    @Inject
    FlashMessages messages;

    @Inject
    Caller caller;

    @GET
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Les messages flash que je gère (tous pour SUPER_ADMIN, ceux de mes écoles pour ADMIN_LOCAL)")
    public List<FlashView> list() {
        return messages.list(editor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Écrit un message flash : titre, texte, niveau, profils, écoles (aucune : toute la collectivité), dates")
    public Response create(FlashInput body) {
        FlashView created = messages.create(editor(), body(body));
        return Response.created(URI.create("/api/flash/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/mine")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les messages flash qui me sont adressés aujourd'hui, sauf ceux que j'ai masqués")
    public List<ShownFlash> mine() {
        return messages.current(messages.recipient(caller.token().orElseThrow()));
    }

    @GET
    @Path("/{id}")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Un message flash que je gère")
    public FlashView get(@PathParam("id") String id) {
        return messages.get(editor(), FlashMessages.idOrNotFound(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Réécrit un message flash que je gère")
    public FlashView update(@PathParam("id") String id, FlashInput body) {
        return messages.update(editor(), FlashMessages.idOrNotFound(id), body(body));
    }

    @DELETE
    @Path("/{id}")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Supprime un message flash que je gère")
    public Response delete(@PathParam("id") String id) {
        messages.delete(editor(), FlashMessages.idOrNotFound(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/dismiss")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Masque pour moi seul un message flash qui m'est adressé")
    public Response dismiss(@PathParam("id") String id) {
        messages.dismiss(messages.recipient(caller.token().orElseThrow()), FlashMessages.idOrNotFound(id));
        return Response.noContent().build();
    }

    /** @Allow let an administrator in; a local administrator without any school still manages nothing. */
    private Editor editor() {
        return caller.token().flatMap(Editor::of).orElseThrow(() -> new NotAllowed("forbidden"));
    }

    private static FlashInput body(FlashInput body) {
        if (body == null) {
            throw new InvalidInput("invalid-input", "corps : un objet JSON est attendu");
        }
        return body;
    }
}
