package fr.ent.platform.runtime.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The ENT apps' REST API, under /api on each collectivity's domain. Resources and providers are discovered. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "ENT runtime API", version = "v1",
        description = "APIs des applications ENT, servies sur le domaine de chaque collectivité (en-tête Host)."))
public class RuntimeApi extends Application {
}
