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
 * A collectivity's archive ({@code ent-collectivity-export/1}) imported as a new collectivity under a new slug and
 * domain (reversibility, ADR 0033): verified whole first (one byte changed: 400, nothing created), then created and
 * provisioned as any other, then filled by the runtime. Operators only (platform-admin token).
 */
@Path("/collectivities/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    CollectivityTransfers transfers;

    @Inject
    AdminCaller caller;

    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Importer une archive ent-collectivity-export/1 comme nouvelle collectivité (slug, domaine)")
    @APIResponse(responseCode = "202", description = "Archive vérifiée, collectivité créée ; l'import suit (/collectivities/{slug}/transfers/{importId})")
    @APIResponse(responseCode = "400", description = "Archive abîmée ou modifiée (rien n'est créé)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importArchive(@QueryParam("slug") String slug, @QueryParam("domain") List<String> domains,
            @QueryParam("displayName") String displayName, @QueryParam("kind") String kind,
            @QueryParam("plan") String plan, InputStream archive) {
        if (archive == null || domains == null || domains.isEmpty()) {
            throw new InvalidInput("malformed-request");
        }
        NewCollectivity request = NewCollectivity.of(slug, kind == null ? "commune" : kind,
                displayName == null ? slug : displayName, domains, plan == null ? "standard" : plan);
        CollectivityTransfers.Started started;
        try {
            started = transfers.importArchive(archive, request, "operator:" + caller.username());
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
}
