package fr.ent.platform.runtime.metrics;

import fr.ent.platform.settings.SettingReader;

/**
 * The runtime's metrics settings.
 *
 * @param enabled {@code ent.metrics.enabled} (true): record the request metrics; false only to measure their cost
 */
public record MetricsSettings(boolean enabled) {

    public static MetricsSettings from(SettingReader settings) {
        return new MetricsSettings(settings.flag("ent.metrics.enabled", true));
    }
}
