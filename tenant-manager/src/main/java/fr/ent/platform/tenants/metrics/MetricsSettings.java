package fr.ent.platform.tenants.metrics;

import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenancy.ConnectionLaneNames;
import java.util.Optional;

/**
 * tenant-manager's metrics settings (docs/configuration.md, docs/observability.md).
 *
 * @param token        {@code ent.metrics.token}: the bearer token {@code /admin/metrics} requires; empty: loopback only
 * @param poolJndiName {@code ent.metrics.pool-jndi-name} ({@code jdbc/ent}): the data source whose pool is measured
 * @param lanes        {@code ent.db.lanes} (1 to 8, 1 by default): with more than one, the lanes' pools are measured
 *                     too (ADR 0057)
 */
public record MetricsSettings(Optional<String> token, String poolJndiName, int lanes) {

    public static MetricsSettings from(SettingReader settings) {
        return new MetricsSettings(settings.text("ent.metrics.token"),
                settings.text("ent.metrics.pool-jndi-name", "jdbc/ent"),
                settings.integer(ConnectionLaneNames.SETTING, 1, 1, ConnectionLaneNames.MAX));
    }

    /** The data sources whose pools are measured: the shared pool, then each lane in use. */
    public java.util.List<String> pools() {
        java.util.List<String> pools = new java.util.ArrayList<>(java.util.List.of(poolJndiName));
        for (int lane = 0; lanes > 1 && lane < lanes; lane++) {
            pools.add(ConnectionLaneNames.jndiName(lane));
        }
        return pools;
    }

    @Override
    public String toString() {
        // never the token
        return "MetricsSettings[token=" + (token.isPresent() ? "(set)" : "(unset)") + ", poolJndiName=" + poolJndiName
                + ", lanes=" + lanes + "]";
    }
}
