package fr.ent.platform.tenants.api;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.tenants.transfer.CollectivityTransfers;
import fr.ent.platform.tenants.transfer.TransferView;
import fr.ent.platform.transfer.CorruptArchive;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A collectivity's full export (reversibility, ADR 0033, docs/reversibility-format.md), started by an operator
 * (platform-admin token, {@code AdminAccessFilter}); a collectivity's administrators export on their own domain.
 */
@Path("/collectivities/{slug}/exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    CollectivityTransfers transfers;

    @Inject
    AdminCaller caller;

    @POST
    @Operation(summary = "Exporter toute la collectivité (format ent-collectivity-export/1) ; l'export en cours s'il y en a un")
    @APIResponse(responseCode = "202", description = "Mis en file ; suivre /collectivities/{slug}/transfers/{id}")
    public Response export(@PathParam("slug") String slug) {
        TransferView job = transfers.export(collectivities.get(slug), "operator:" + caller.username());
        return Response.accepted(job).build();
    }

    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    @Operation(summary = "Télécharger l'archive d'un export prêt demandé par un opérateur")
    public Response archive(@PathParam("slug") String slug, @PathParam("id") String id) {
        java.nio.file.Path file = transfers.archive(collectivities.get(slug), id);
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"export-" + slug + "-" + id + ".zip\"").build();
    }
}
