package fr.ent.platform.apps.actualites.api;

import fr.ent.platform.apps.actualites.Author;
import fr.ent.platform.apps.actualites.Inputs;
import fr.ent.platform.apps.actualites.News;
import fr.ent.platform.apps.actualites.Views;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Actualités over JSON. Rights come from the thread's shares (reader, writer, publisher); an id one may not see is
 * 404 as an unknown one; bodies are read here so that a malformed one is a 400 problem.
 */
@Path("/actualites")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActualitesResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    News news;

    @Inject
    Caller caller;

    @GET
    @Path("/threads")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les fils d'actualités que je peux lire, avec mon droit")
    public List<Views.Thread> threads() {
        return news.threads(me());
    }

    @POST
    @Path("/threads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ouvre un fil (personnels et enseignants ; sans école : toute la collectivité, SUPER_ADMIN)")
    public Response createThread(String body) {
        Views.Thread created = news.createThread(me(), body(body, Inputs.ThreadInput.class));
        return Response.created(URI.create("/api/actualites/threads/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/threads/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un fil et les actualités que j'y vois")
    public Views.ThreadPage thread(@PathParam("id") String id) {
        return news.thread(me(), id(id));
    }

    @DELETE
    @Path("/threads/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime un fil et ses actualités (gestionnaire)")
    public Response deleteThread(@PathParam("id") String id) {
        news.deleteThread(me(), id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/threads/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Écrit un brouillon dans un fil (contributeur ou gestionnaire)")
    public Response createItem(@PathParam("id") String id, String body) {
        Views.Item created = news.createItem(me(), id(id), body(body, Inputs.ItemInput.class));
        return Response.created(URI.create("/api/actualites/items/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/items/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une actualité et ses commentaires")
    public Views.Item item(@PathParam("id") String id) {
        return news.item(me(), id(id));
    }

    @PUT
    @Path("/items/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Réécrit une actualité (son auteur avant publication, un gestionnaire toujours)")
    public Views.Item edit(@PathParam("id") String id, String body) {
        return news.edit(me(), id(id), body(body, Inputs.ItemInput.class));
    }

    @DELETE
    @Path("/items/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime une actualité (son auteur tant qu'elle est brouillon, un gestionnaire toujours)")
    public Response delete(@PathParam("id") String id) {
        news.delete(me(), id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/items/{id}/submit")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Soumet un brouillon à la publication")
    public Views.Item submit(@PathParam("id") String id) {
        return news.submit(me(), id(id));
    }

    @POST
    @Path("/items/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Publie une actualité, avec ses dates de publication et d'expiration (gestionnaire)")
    public Views.Item publish(@PathParam("id") String id, String body) {
        Inputs.PublishInput input = body == null || body.isBlank() ? new Inputs.PublishInput(null, null)
                : body(body, Inputs.PublishInput.class);
        return news.publish(me(), id(id), input);
    }

    @POST
    @Path("/items/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Commente une actualité publiée (lecteur)")
    public Views.Item comment(@PathParam("id") String id, String body) {
        return news.comment(me(), id(id), body(body, Inputs.CommentInput.class));
    }

    @GET
    @Path("/latest")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les dernières actualités publiées des fils que je peux lire")
    public List<Views.Item> latest() {
        return news.latest(me(), 10);
    }

    private Author me() {
        return Author.of(caller.token().orElseThrow(() -> new NotFound("no-such-resource")));
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound("no-such-resource");
        }
    }

    private static <T> T body(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("malformed-request");
        }
        try {
            T value = JSONB.fromJson(body, type);
            if (value == null) {
                throw new InvalidInput("malformed-request");
            }
            return value;
        } catch (JsonbException e) {
            throw new InvalidInput("malformed-request");
        }
    }
}
