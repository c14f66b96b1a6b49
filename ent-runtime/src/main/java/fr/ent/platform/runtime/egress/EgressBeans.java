package fr.ent.platform.runtime.egress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The egress door as a bean, built once from MicroProfile Config (a change of endpoint needs a restart). */
@ApplicationScoped
public class EgressBeans {

    @Produces
    @Singleton
    Egress egress() {
        Config config = ConfigProvider.getConfig(EgressBeans.class.getClassLoader());
        return EgressConfiguration.fromConfig(key -> config.getOptionalValue(key, String.class));
    }
}
