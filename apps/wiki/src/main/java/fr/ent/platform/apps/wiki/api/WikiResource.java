package fr.ent.platform.apps.wiki.api;

import fr.ent.platform.apps.wiki.Inputs;
import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Members;
import fr.ent.platform.apps.wiki.Views;
import fr.ent.platform.apps.wiki.Wikis;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The wikis over JSON. Who reads and writes comes from the directory (the class's or school's members) and the share
 * rights on the wiki; an id one may not read is 404 as an unknown one; a save names its {@code baseVersion} and is 409
 * {@code wiki-page-stale} when the page moved on. Bodies are read here so that a malformed one is a 400 problem.
 */
@Path("/wiki")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WikiResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Wikis wikis;

    @Inject
    Members members;

    @Inject
    Caller caller;

    @GET
    @Path("/wikis")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les wikis de mes classes et établissements, et ceux partagés avec moi")
    public List<Views.WikiSummary> list() {
        return wikis.list(me());
    }

    @GET
    @Path("/owners")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les classes et établissements où je peux ouvrir un wiki")
    public List<Views.OwnerChoice> owners() {
        return wikis.owners(me());
    }

    @POST
    @Path("/wikis")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ouvre un wiki pour une classe ou un établissement (ses enseignants, son personnel)")
    public Response create(String body) {
        Views.Wiki created = wikis.create(me(), body(body, Inputs.WikiInput.class));
        return Response.created(URI.create("/api/wiki/wikis/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/wikis/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un wiki et l'arbre de ses pages")
    public Views.Wiki wiki(@PathParam("id") String id) {
        return wikis.wiki(me(), id(id, "wiki-not-found"));
    }

    @POST
    @Path("/wikis/{id}/pages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Crée une page (title, content, parentId facultatif) : sa version 1")
    public Response createPage(@PathParam("id") String id, String body) {
        Views.Page created = wikis.createPage(me(), id(id, "wiki-not-found"), body(body, Inputs.PageInput.class));
        return Response.created(URI.create("/api/wiki/pages/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/pages/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une page : son contenu, ses liens résolus, sa version courante")
    public Views.Page page(@PathParam("id") String id) {
        return wikis.page(me(), id(id, "wiki-page-not-found"));
    }

    @PUT
    @Path("/pages/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Enregistre une page modifiée depuis baseVersion (409 wiki-page-stale si elle a changé)")
    public Views.Page save(@PathParam("id") String id, String body) {
        return wikis.save(me(), id(id, "wiki-page-not-found"), body(body, Inputs.PageInput.class));
    }

    @PUT
    @Path("/pages/{id}/place")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Déplace une page : sous parentId (vide : en haut), à la position donnée parmi ses soeurs")
    public Views.Page move(@PathParam("id") String id, String body) {
        return wikis.move(me(), id(id, "wiki-page-not-found"), body(body, Inputs.PlaceInput.class));
    }

    @DELETE
    @Path("/pages/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime une page sans sous-pages, et son historique")
    public Response delete(@PathParam("id") String id) {
        wikis.delete(me(), id(id, "wiki-page-not-found"));
        return Response.noContent().build();
    }

    @GET
    @Path("/pages/{id}/versions")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "L'historique d'une page, de la plus récente version à la première, par tranches"
            + " (limit, 100 par défaut, 500 au plus ; before : les versions plus anciennes que ce numéro ; l'en-tête"
            + " Link rel=\"next\" donne la tranche suivante)")
    public Response history(@PathParam("id") String id, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        UUID page = id(id, "wiki-page-not-found");
        Views.History history = wikis.history(me(), page, positive(before, null),
                positive(limit, HISTORY_DEFAULT));
        Response.ResponseBuilder answer = Response.ok(history.versions());
        if (history.older() != null) {
            answer.link(URI.create("/api/wiki/pages/" + page + "/versions?before=" + history.older()
                    + (limit == null ? "" : "&limit=" + limit)), "next");
        }
        return answer.build();
    }

    private static final int HISTORY_DEFAULT = 100;

    /** A positive whole number from the query, or the default when absent; anything else is refused (400). */
    private static Integer positive(String text, Integer absent) {
        if (text == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInput("malformed-request");
    }

    @GET
    @Path("/pages/{id}/versions/{number}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une version d'une page, entière")
    public Views.VersionContent version(@PathParam("id") String id, @PathParam("number") String number) {
        return wikis.version(me(), id(id, "wiki-page-not-found"), Wikis.number(number));
    }

    @GET
    @Path("/pages/{id}/diff")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ce qui a changé d'une version (from) à une autre (to), paragraphe par paragraphe")
    public Views.Comparison diff(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return wikis.compare(me(), id(id, "wiki-page-not-found"), Wikis.number(from), Wikis.number(to));
    }

    @POST
    @Path("/pages/{id}/versions/{number}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Rétablit une version : une nouvelle version qui la recopie (baseVersion : la version courante vue)")
    public Views.Page restore(@PathParam("id") String id, @PathParam("number") String number, String body) {
        Inputs.RestoreInput input = body(body, Inputs.RestoreInput.class);
        return wikis.restore(me(), id(id, "wiki-page-not-found"), Wikis.number(number), input.baseVersion());
    }

    private Member me() {
        return members.of(caller.token().orElseThrow(() -> new NotFound("no-such-resource")));
    }

    private static UUID id(String id, String code) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound(code, String.valueOf(id));
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
