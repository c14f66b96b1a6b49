package fr.ent.platform.runtime.egress;

import fr.ent.platform.settings.SettingReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The egress door as a bean, built once from the configuration (a change of endpoint needs a restart). */
@ApplicationScoped
public class EgressBeans {

    @Produces
    @Singleton
    Egress egress(SettingReader settings) {
        // the raw look-up: endpoints are a family of keys named in ent.egress.endpoints, translated by
        // EgressConfiguration, which refuses every outbound call (rather than the start) when they are wrong
        return EgressConfiguration.fromConfig(settings.lookup());
    }
}
