package fr.ent.platform.tenants.compliance;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.InventorySnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /compliance/inventory}: the operator pushes the cluster inventory it collected (the format of
 * {@link InventorySnapshot}); a read gives what was received and when, in counts.
 */
@Path("/compliance/inventory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    private static final Logger LOG = Logger.getLogger(InventoryResource.class.getName());

    @Inject
    InventoryStore store;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déposer le dernier inventaire du cluster (poussé par l'opérateur)")
    @APIResponse(responseCode = "200", description = "Inventaire retenu (le plus récent des reçus)")
    @APIResponse(responseCode = "400", description = "Inventaire illisible",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String put(String body) {
        InventorySnapshot snapshot;
        try {
            snapshot = InventorySnapshot.fromJson(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("invalid-input", e.getMessage());
        }
        InventoryStore.Received kept = store.put(snapshot, Instant.now());
        LOG.info(() -> "cluster inventory received, collected at " + snapshot.collectedAt() + ": "
                + snapshot.inventory().nodes().size() + " nodes, " + snapshot.inventory().collectivities().size()
                + " collectivities");
        return summary(kept).build().toString();
    }

    @GET
    @Operation(summary = "Ce qui a été reçu du cluster et quand")
    public String get() {
        return store.latest().map(r -> summary(r)).orElseGet(() -> Json.createObjectBuilder().addNull("collectedAt"))
                .build().toString();
    }

    private static JsonObjectBuilder summary(InventoryStore.Received r) {
        Inventory inv = r.snapshot().inventory();
        return Json.createObjectBuilder().add("collectedAt", r.snapshot().collectedAt().toString())
                .add("receivedAt", r.receivedAt().toString()).add("nodes", inv.nodes().size())
                .add("storageClasses", inv.storageClasses().size()).add("volumes", inv.volumes().size())
                .add("images", inv.images().size()).add("ingresses", inv.ingresses().size())
                .add("collectivities", inv.collectivities().size());
    }
}
