package fr.ent.platform.apps.privacy.api;

import fr.ent.platform.apps.privacy.transfer.TransferJob;
import fr.ent.platform.apps.privacy.transfer.Transfers;
import fr.ent.platform.problem.NotFound;
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
 * The whole collectivity's export (reversibility, ADR 0033), for its SUPER_ADMIN: start it (202), follow it,
 * download the archive ({@code ent-collectivity-export/1}). Everything is in the collectivity's own schema: another
 * collectivity's id, or a guessed one, is 404 {@code collectivity-transfer-not-found}. Operators start the same job
 * through tenant-manager's admin API.
 */
@Path("/privacy/collectivity-exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectivityExportsResource {

    @Inject
    Caller caller;

    @Inject
    Transfers transfers;

    @Context
    HttpServletRequest request;

    @GET
    @Allow(Roles.SUPER_ADMIN)
    @Operation(summary = "Les exports et imports de la collectivité, le plus récent d'abord")
    public List<TransferJob> list() {
        return transfers.list();
    }

    @POST
    @Allow(Roles.SUPER_ADMIN)
    @Operation(summary = "Exporte toute la collectivité (ou rend l'export déjà en cours)")
    public Response export() {
        TransferJob job = transfers.export(login(), request.getRemoteAddr());
        return Response.accepted(job).location(URI.create("privacy/collectivity-exports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Allow(Roles.SUPER_ADMIN)
    @Operation(summary = "Où en est un export ou un import")
    public TransferJob one(@PathParam("id") String id) {
        return transfers.find(id(id));
    }

    @GET
    @Path("/{id}/archive")
    @Produces(MediaType.WILDCARD)
    @Allow(Roles.SUPER_ADMIN)
    @Operation(summary = "Télécharge l'archive prête (manifest.json, apps/<app>/<table>.jsonl, files/)")
    public Response archive(@PathParam("id") String id) {
        Transfers.Download download = transfers.download(id(id), login(), request.getRemoteAddr());
        return FileAnswer.of(download.name(), "application/zip", download.file().object().size(), false)
                .response(download.file().content());
    }

    private String login() {
        return caller.token().orElseThrow().username();
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("collectivity-transfer-not-found", id);
        }
    }
}
