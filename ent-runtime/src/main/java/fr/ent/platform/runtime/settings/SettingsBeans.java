package fr.ent.platform.runtime.settings;

import fr.ent.platform.runtime.ai.AiSettings;
import fr.ent.platform.runtime.metrics.MetricsSettings;
import fr.ent.platform.runtime.security.IdentitySettings;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.settings.PortalSettings;
import fr.ent.platform.settings.SettingReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The only place the runtime reads its configuration: MicroProfile Config (environment variables,
 * docs/configuration.md) through one {@link SettingReader}, turned into one settings record per concern that the
 * rest of the code receives. Every record is read when the application starts, so a value that cannot be used stops
 * the start with a message naming the property, not the first request that needs it.
 */
@ApplicationScoped
public class SettingsBeans {

    private static final Logger LOG = Logger.getLogger(SettingsBeans.class.getName());

    @Produces
    @Singleton
    SettingReader settingReader() {
        Config config = ConfigProvider.getConfig(SettingsBeans.class.getClassLoader());
        return new SettingReader(key -> config.getOptionalValue(key, String.class));
    }

    @Produces
    @Singleton
    IdentitySettings identity(SettingReader settings) {
        return IdentitySettings.from(settings);
    }

    @Produces
    @Singleton
    PortalSettings portal(SettingReader settings) {
        return PortalSettings.from(settings);
    }

    @Produces
    @Singleton
    AiSettings ai(SettingReader settings) {
        return AiSettings.from(settings);
    }

    @Produces
    @Singleton
    MetricsSettings metrics(SettingReader settings) {
        return MetricsSettings.from(settings);
    }

    /** Reads every record at start (singletons are otherwise made on first use). */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, IdentitySettings identity,
            PortalSettings portal, AiSettings ai, MetricsSettings metrics) {
        LOG.info(() -> "settings: " + identity + ", " + portal + ", " + ai + ", " + metrics);
        Pages.allowFormsToKeycloakAt(identity.publicUrl().orElse(identity.keycloakUrl()));
    }
}
