package fr.ent.platform.tenants.api;

import static fr.ent.platform.tenants.api.IdentityWork.identity;

import fr.ent.platform.adminapi.AdministratorView;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.identity.Administrators;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The collectivity's administrators and their second factor, for its console (ADR 0025). */
@Path("/collectivities/{slug}/administrators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdministratorResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    Administrators administrators;

    @GET
    @Operation(summary = "Les administrateurs de la collectivité (SUPER_ADMIN, ADMIN_LOCAL) et leur second facteur")
    @APIResponse(responseCode = "200", description = "Les administrateurs")
    @APIResponse(responseCode = "404", description = "Collectivité inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AdministratorView> list(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return identity(slug, () -> administrators.list(c));
    }
}
