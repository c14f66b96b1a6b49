package fr.ent.platform.tenants.api;

import fr.ent.platform.tenants.lifecycle.SchemaUpgrade;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Progress of the schema upgrade that runs when a new platform version starts. */
@Path("/schema-migrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchemaMigrationResource {

    @Inject
    SchemaUpgrade upgrade;

    @GET
    @Operation(summary = "Avancement de la migration des schémas des collectivités (version cible, migrés, en échec)")
    public SchemaUpgrade.Progress progress() {
        return upgrade.progress();
    }
}
