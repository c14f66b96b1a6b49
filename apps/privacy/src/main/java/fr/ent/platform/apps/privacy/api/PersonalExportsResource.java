package fr.ent.platform.apps.privacy.api;

import fr.ent.platform.apps.privacy.export.ExportJob;
import fr.ent.platform.apps.privacy.export.Exports;
import fr.ent.platform.apps.privacy.web.Who;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.FileAnswer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A person's downloads of their own data over JSON (ADR 0030): ask for the archive (202 and the request's
 * address), follow its progress, download it. Only the person who asked reaches a request: anyone else, or a guessed
 * id, gets 404 {@code personal-export-not-found}.
 */
@Path("/privacy/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PersonalExportsResource {

    @Inject
    Caller caller;

    @Inject
    Exports exports;

    @Context
    HttpServletRequest request;

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes demandes de téléchargement de mes données, la plus récente d'abord")
    public List<ExportJob> mine() {
        return exports.mine(me());
    }

    @POST
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Demande l'archive de toutes mes données (ou rend celle déjà en préparation)")
    public Response request() {
        ExportJob job = exports.request(me(), request.getRemoteAddr());
        // relative: JAX-RS resolves a Location against the application's base (/api/), an absolute path would not
        return Response.accepted(job).location(URI.create("privacy/exports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Où en est une de mes demandes")
    public ExportJob one(@PathParam("id") String id) {
        return exports.find(me(), id(id));
    }

    @GET
    @Path("/{id}/archive")
    @Produces(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Télécharge l'archive prête (ZIP : JSON par application, fichiers d'origine, LISEZMOI)")
    public Response archive(@PathParam("id") String id) {
        Exports.Download download = exports.download(me(), id(id), request.getRemoteAddr());
        return FileAnswer.of(download.name(), "application/zip", download.file().object().size(), false)
                .response(download.file().content());
    }

    private Person me() {
        return Who.of(caller.token().orElseThrow());
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("personal-export-not-found", id);
        }
    }
}
