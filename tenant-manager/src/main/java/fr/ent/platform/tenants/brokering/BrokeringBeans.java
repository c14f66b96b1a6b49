package fr.ent.platform.tenants.brokering;

import fr.ent.platform.tenants.identity.IdentityRealms;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** Builds {@link Brokering} from the container's data source and the realms' Keycloak. */
@ApplicationScoped
public class BrokeringBeans {

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Produces
    @Singleton
    Brokering brokering(IdentityRealms realms) {
        return new Brokering(realms, new UpstreamProviderStore(dataSource), new ExternalIdentities(dataSource));
    }
}
