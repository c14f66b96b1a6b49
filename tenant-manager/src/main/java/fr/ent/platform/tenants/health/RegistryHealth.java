package fr.ent.platform.tenants.health;

import fr.ent.platform.tenants.wiring.Startup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the registry schema has been migrated. */
@Readiness
@ApplicationScoped
public class RegistryHealth implements HealthCheck {

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Inject
    Startup startup;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("tenant-registry");
        if (!startup.registryReady()) {
            return response.down().withData("reason", "registry schema not migrated yet").build();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM platform.collectivity")) {
            rs.next();
            return response.up().withData("collectivities", rs.getLong(1)).build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
