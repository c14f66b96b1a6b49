package fr.ent.platform.tenants.metrics;

import fr.ent.platform.settings.SettingReader;
import java.util.Optional;

/**
 * tenant-manager's metrics settings (docs/configuration.md, docs/observability.md).
 *
 * @param token        {@code ent.metrics.token}: the bearer token {@code /admin/metrics} requires; empty: loopback only
 * @param poolJndiName {@code ent.metrics.pool-jndi-name} ({@code jdbc/ent}): the data source whose pool is measured
 */
public record MetricsSettings(Optional<String> token, String poolJndiName) {

    public static MetricsSettings from(SettingReader settings) {
        return new MetricsSettings(settings.text("ent.metrics.token"),
                settings.text("ent.metrics.pool-jndi-name", "jdbc/ent"));
    }

    @Override
    public String toString() {
        // never the token
        return "MetricsSettings[token=" + (token.isPresent() ? "(set)" : "(unset)") + ", poolJndiName=" + poolJndiName
                + "]";
    }
}
