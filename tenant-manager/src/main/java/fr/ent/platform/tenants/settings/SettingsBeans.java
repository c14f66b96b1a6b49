package fr.ent.platform.tenants.settings;

import fr.ent.platform.settings.PortalSettings;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenants.identity.ActivationSettings;
import fr.ent.platform.tenants.identity.KeycloakSettings;
import fr.ent.platform.tenants.metrics.MetricsSettings;
import fr.ent.platform.tenants.probe.ProbeSettings;
import fr.ent.platform.tenants.provisioning.DatabaseSettings;
import fr.ent.platform.tenants.sla.SlaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The only place tenant-manager reads its configuration: MicroProfile Config (environment variables,
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
    KeycloakSettings keycloak(SettingReader settings) {
        return KeycloakSettings.from(settings);
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.backup.BackupSettings backup(SettingReader settings) {
        return fr.ent.platform.tenants.backup.BackupSettings.from(settings);
    }

    @Produces
    @Singleton
    PortalSettings portal(SettingReader settings) {
        return PortalSettings.from(settings);
    }

    @Produces
    @Singleton
    ActivationSettings activation(SettingReader settings) {
        return ActivationSettings.from(settings);
    }

    @Produces
    @Singleton
    DatabaseSettings database(SettingReader settings) {
        return DatabaseSettings.from(settings);
    }

    @Produces
    @Singleton
    ProbeSettings probe(SettingReader settings) {
        return ProbeSettings.from(settings);
    }

    @Produces
    @Singleton
    MetricsSettings metrics(SettingReader settings) {
        return MetricsSettings.from(settings);
    }

    @Produces
    @Singleton
    SlaSettings sla(SettingReader settings) {
        return SlaSettings.from(settings);
    }

    /** Reads every record at start (singletons are otherwise made on first use). */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, KeycloakSettings keycloak,
            PortalSettings portal, ActivationSettings activation, DatabaseSettings database, ProbeSettings probe,
            MetricsSettings metrics, SlaSettings sla) {
        LOG.info(() -> "settings: " + keycloak + ", " + portal + ", " + activation + ", " + database + ", " + probe
                + ", " + metrics + ", " + sla.prometheusUrl().map(u -> "prometheus " + u).orElse("no prometheus"));
    }
}
