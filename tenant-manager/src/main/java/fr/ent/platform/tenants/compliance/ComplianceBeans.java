package fr.ent.platform.tenants.compliance;

import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The compliance report's services; the configuration is read at each report (a report shows the settings now). */
@ApplicationScoped
public class ComplianceBeans {

    @Produces
    @Singleton
    InventoryStore inventoryStore() {
        return new InventoryStore();
    }

    @jakarta.annotation.Resource(lookup = "jdbc/ent")
    javax.sql.DataSource dataSource;

    @Produces
    @Singleton
    ComplianceReporter complianceReporter(CollectivityService collectivities, InventoryStore store,
            SettingReader settings) {
        // the raw look-up: the sovereignty keys are a family translated by ApplicationConfiguration at each report
        return new ComplianceReporter(collectivities, store, settings.lookup(), Clock.systemUTC(),
                new TestedExports(dataSource)::last);
    }
}
