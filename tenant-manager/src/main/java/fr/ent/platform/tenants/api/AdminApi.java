package fr.ent.platform.tenants.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The hosting operators' admin API. Until the identity issue brings authentication, it is bound to a virtual
 * host that only the loopback admin endpoint serves (see ibm-web-bnd.xml and the Liberty server.xml).
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "ENT tenant-manager admin API", version = "v1",
        description = "Création, cycle de vie et provisionnement des collectivités. Écoute sur la boucle locale uniquement."))
public class AdminApi extends Application {
}
