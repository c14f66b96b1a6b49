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
 * A collectivity's exports and imports, where they stand (reversibility, ADR 0033). Operators only
 * (platform-admin token, {@code AdminAccessFilter}).
 */
@Path("/collectivities/{slug}/transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    CollectivityTransfers transfers;

    @GET
    @Operation(summary = "Les exports et imports de la collectivité, le plus récent d'abord")
    public List<TransferView> list(@PathParam("slug") String slug) {
        return transfers.list(collectivities.get(slug));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Où en est un export ou un import")
    public TransferView one(@PathParam("slug") String slug, @PathParam("id") String id) {
        return transfers.find(collectivities.get(slug), id);
    }
}
