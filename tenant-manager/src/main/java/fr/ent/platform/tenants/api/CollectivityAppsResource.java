package fr.ent.platform.tenants.api;

import fr.ent.platform.adminapi.CollectivityAppsRequest;
import fr.ent.platform.adminapi.CollectivityAppsView;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.apps.EnabledApps;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The ENT apps a collectivity offers: {@code enabled} null = every app of the platform. */
@Path("/collectivities/{slug}/apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectivityAppsResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    EnabledApps apps;

    @GET
    @Operation(summary = "Applications ENT proposées par la collectivité (null : toutes)")
    public CollectivityAppsView get(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return new CollectivityAppsView(c.slug(), apps.of(c).orElse(null), apps.installed());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choisir les applications ENT de la collectivité (enabled: null pour toutes)")
    @APIResponse(responseCode = "400", description = "Application inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CollectivityAppsView set(@PathParam("slug") String slug, CollectivityAppsRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        Collectivity c = collectivities.get(slug);
        return new CollectivityAppsView(c.slug(), apps.set(c, Optional.ofNullable(body.enabled())).orElse(null), apps.installed());
    }
}
