package fr.ent.platform.apps.documents.api;

import fr.ent.platform.apps.documents.space.Quotas;
import fr.ent.platform.apps.documents.space.Views;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The space each profile gets in the collectivity's espace documentaire, set by its super administrators. */
@Path("/documents/quotas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuotasResource {

    @Inject
    Quotas quotas;

    public record QuotaInput(Long bytes) {
    }

    @GET
    @Allow(Roles.SUPER_ADMIN)
    @Operation(summary = "L'espace documentaire de chaque profil, en octets")
    public List<Views.Quota> all() {
        return quotas.all();
    }

    @PUT
    @Path("/{profile}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.SUPER_ADMIN)
    @Operation(summary = "Fixe l'espace documentaire d'un profil (Student, Relative, Teacher, Personnel, Guest)")
    public Views.Quota set(@PathParam("profile") String profile, QuotaInput body) {
        return quotas.set(profile, body == null ? null : body.bytes());
    }
}
