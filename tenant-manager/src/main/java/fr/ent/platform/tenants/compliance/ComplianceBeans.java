package fr.ent.platform.tenants.compliance;

import fr.ent.platform.tenants.lifecycle.CollectivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The compliance report's services; the configuration is read at each report (a report shows the settings now). */
@ApplicationScoped
public class ComplianceBeans {

    @Produces
    @Singleton
    InventoryStore inventoryStore() {
        return new InventoryStore();
    }

    @Produces
    @Singleton
    ComplianceReporter complianceReporter(CollectivityService collectivities, InventoryStore store) {
        Config config = ConfigProvider.getConfig(ComplianceBeans.class.getClassLoader());
        return new ComplianceReporter(collectivities, store, key -> config.getOptionalValue(key, String.class),
                Clock.systemUTC());
    }
}
