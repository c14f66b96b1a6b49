package fr.ent.platform.apps.documents.api;

import fr.ent.platform.apps.documents.space.Documents;
import fr.ent.platform.apps.documents.space.Me;
import fr.ent.platform.apps.documents.space.Views;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The espace documentaire over JSON, for every signed-in member of the collectivity. Each call reaches the
 * caller's own space and what is shared with them, at the right shared (read, contrib, manager): anything else,
 * or a guessed id, is not found. A file is sent as the request's body (its type in Content-Type, its name in
 * {@code ?name=}); the pages send it as a multipart form.
 */
@Path("/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    @Inject
    Caller caller;

    @Inject
    Documents documents;

    /** A folder's name and where it goes (a folder's id, or none: the top of one's space). */
    public record FolderInput(String name, String parent) {
    }

    public record NameInput(String name) {
    }

    public record FolderChoice(String folder) {
    }

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Le haut de mon espace documentaire")
    public Views.Listing root() {
        return documents.root(me());
    }

    @GET
    @Path("/usage")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "L'espace que j'occupe et celui de mon profil, en octets")
    public Views.Usage usage() {
        return documents.usage(me());
    }

    @GET
    @Path("/shared")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les dossiers et fichiers partagés avec moi")
    public List<Views.Node> shared() {
        return documents.sharedWithMe(me());
    }

    @GET
    @Path("/trash")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ma corbeille")
    public List<Views.Node> trash() {
        return documents.trash(me());
    }

    @POST
    @Path("/trash/empty")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Vide ma corbeille (définitivement)")
    public Map<String, Integer> emptyTrash() {
        return Map.of("deleted", documents.emptyTrash(me()));
    }

    @POST
    @Path("/folders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Crée un dossier (dans un dossier où j'ai le droit de contribuer, ou en haut de mon espace)")
    public Response createFolder(FolderInput body) {
        if (body == null) {
            throw InvalidInput.field("name", "documents.name.required");
        }
        Views.Node created = documents.createFolder(me(), optionalId(body.parent()), body.name());
        return Response.created(URI.create("/api/documents/folders/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/folders/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Le contenu d'un dossier que je peux lire")
    public Views.Listing folder(@PathParam("id") String id) {
        return documents.folder(me(), id(id));
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Dépose un fichier (le corps de la requête, nommé par ?name=) dans un dossier (?folder=)")
    public Response upload(@QueryParam("name") String name, @QueryParam("folder") String folder,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        Views.Node created = documents.upload(me(), optionalId(folder), name, type, body);
        return Response.created(URI.create("/api/documents/nodes/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/nodes/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un dossier ou un fichier que je peux lire")
    public Views.Node node(@PathParam("id") String id) {
        return documents.node(me(), id(id));
    }

    @PUT
    @Path("/nodes/{id}/name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Renomme un dossier ou un fichier (droit de gestion)")
    public Views.Node rename(@PathParam("id") String id, NameInput body) {
        return documents.rename(me(), id(id), body == null ? null : body.name());
    }

    @PUT
    @Path("/nodes/{id}/folder")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Déplace un dossier ou un fichier dans un autre dossier du même espace")
    public Views.Node move(@PathParam("id") String id, FolderChoice body) {
        return documents.move(me(), id(id), optionalId(body == null ? null : body.folder()));
    }

    @POST
    @Path("/nodes/{id}/trash")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Met un dossier ou un fichier à la corbeille (droit de gestion)")
    public Response trash(@PathParam("id") String id) {
        documents.trash(me(), id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/nodes/{id}/restore")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Sort un élément de ma corbeille")
    public Views.Node restore(@PathParam("id") String id) {
        return documents.restore(me(), id(id));
    }

    @POST
    @Path("/nodes/{id}/shareable")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Rend partageable un dossier ou un fichier (puis /api/sharing/documents/node/{id})")
    public Views.Node shareable(@PathParam("id") String id) {
        return documents.shareable(me(), id(id));
    }

    @GET
    @Path("/files/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Télécharge un fichier (sa dernière version, ou ?version=n)")
    public Response download(@PathParam("id") String id, @QueryParam("version") String version) {
        return Downloads.of(documents.download(me(), id(id), version(version)), false);
    }

    @GET
    @Path("/files/{id}/preview")
    @Produces(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Affiche une image ou un PDF dans le navigateur (les autres fichiers sont téléchargés)")
    public Response preview(@PathParam("id") String id) {
        return Downloads.of(documents.download(me(), id(id), Optional.empty()), true);
    }

    @GET
    @Path("/files/{id}/versions")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les versions d'un fichier, la plus récente d'abord")
    public List<Views.Version> versions(@PathParam("id") String id) {
        return documents.versions(me(), id(id));
    }

    @POST
    @Path("/files/{id}/versions")
    @Consumes(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Dépose une nouvelle version d'un fichier (les précédentes restent)")
    public Response newVersion(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) {
        Views.Node file = documents.newVersion(me(), id(id), type, body);
        return Response.created(URI.create("/api/documents/files/" + file.id() + "/content?version=" + file.version()))
                .entity(file).build();
    }

    private Me me() {
        return Me.of(caller.token().orElseThrow());
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("document-not-found", String.valueOf(id));
        }
    }

    static Optional<UUID> optionalId(String id) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id(id.strip()));
    }

    static Optional<Integer> version(String version) {
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(version.strip()));
        } catch (NumberFormatException e) {
            throw new NotFound("document-version-not-found", version);
        }
    }
}
