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
 * A collectivity's full export and its import under a new slug and domain (reversibility, ADR 0033,
 * docs/reversibility-format.md). Operators only (platform-admin token, {@code AdminAccessFilter}): a collectivity's
 * administrators export from the console, on their own domain.
 */
@Path("/collectivities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    CollectivityTransfers transfers;

    @Inject
    AdminCaller caller;

    @POST
    @Path("{slug}/exports")
    @Operation(summary = "Exporter toute la collectivité (format ent-collectivity-export/1) ; l'export en cours s'il y en a un")
    @APIResponse(responseCode = "202", description = "Mis en file ; suivre /transfers/{id}")
    public Response export(@PathParam("slug") String slug) {
        TransferView job = transfers.export(collectivities.get(slug), by());
        return Response.accepted(job).build();
    }

    @GET
    @Path("{slug}/transfers")
    @Operation(summary = "Les exports et imports de la collectivité, le plus récent d'abord")
    public List<TransferView> list(@PathParam("slug") String slug) {
        return transfers.list(collectivities.get(slug));
    }

    @GET
    @Path("{slug}/transfers/{id}")
    @Operation(summary = "Où en est un export ou un import")
    public TransferView one(@PathParam("slug") String slug, @PathParam("id") String id) {
        return transfers.find(collectivities.get(slug), id);
    }

    @GET
    @Path("{slug}/exports/{id}/archive")
    @Produces("application/zip")
    @Operation(summary = "Télécharger l'archive d'un export prêt demandé par un opérateur")
    public Response archive(@PathParam("slug") String slug, @PathParam("id") String id) {
        java.nio.file.Path file = transfers.archive(collectivities.get(slug), id);
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"export-" + slug + "-" + id + ".zip\"").build();
    }

    @POST
    @Path("imports")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Importer une archive ent-collectivity-export/1 comme nouvelle collectivité (slug, domaine)")
    @APIResponse(responseCode = "202", description = "Archive vérifiée, collectivité créée ; l'import suit (/transfers/{importId})")
    @APIResponse(responseCode = "400", description = "Archive abîmée ou modifiée (rien n'est créé)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importArchive(@QueryParam("slug") String slug, @QueryParam("domain") List<String> domains,
            @QueryParam("displayName") String displayName, @QueryParam("kind") String kind,
            @QueryParam("plan") String plan, InputStream archive) {
        if (archive == null || domains == null || domains.isEmpty()) {
            throw new InvalidInput("malformed-request");
        }
        NewCollectivity request = NewCollectivity.of(slug, kind == null ? "COMMUNE" : kind,
                displayName == null ? slug : displayName, domains, plan == null ? "standard" : plan);
        CollectivityTransfers.Started started;
        try {
            started = transfers.importArchive(archive, request, by());
        } catch (CorruptArchive e) {
            throw e.problem();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collectivity", Views.of(started.collectivity()));
        body.put("importId", started.importId());
        body.put("source", started.manifest().collectivity());
        body.put("archiveCreatedAt", started.manifest().createdAt().toString());
        return Response.accepted(body).build();
    }

    private String by() {
        return "operator:" + caller.username();
    }
}
