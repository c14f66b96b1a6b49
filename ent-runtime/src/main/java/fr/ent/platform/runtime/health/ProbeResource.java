package fr.ent.platform.runtime.health;

import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The synthetic probe's authenticated call (tenant-manager's {@code ApiProbe}): it goes through what every API call
 * of the collectivity goes through (Host → collectivity, bearer token verified against its realm and the
 * {@code ent-api} audience, a read-only transaction under the collectivity's database role) and reads no table, so
 * the probe's account needs no access to anyone's data. Only {@link Roles#PROBE} may call it.
 */
@Path("/probe")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    TenantContext tenants;

    @Inject
    TenantData data;

    @GET
    @Allow(Roles.PROBE)
    @Operation(summary = "Sonde synthétique : l'API et la base de la collectivité répondent (compte de sonde seulement)")
    public Map<String, Object> probe() {
        // The collectivity's role can use its schema, in a transaction like any read of the apps (no table read).
        String schema = tenants.current().names().schema();
        Object usable = data.read(em -> em.createNativeQuery("SELECT has_schema_privilege(?1, 'USAGE')")
                .setParameter(1, schema).getSingleResult());
        if (!Boolean.TRUE.equals(usable)) {
            throw new Unavailable("probe-schema-unusable");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("collectivity", tenants.current().slug());
        answer.put("database", "up");
        return answer;
    }
}
