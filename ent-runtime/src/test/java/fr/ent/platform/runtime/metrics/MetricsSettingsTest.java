package fr.ent.platform.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

    @Test
    void metricsAreOnByDefault() {
        assertThat(MetricsSettings.from(SettingReader.of(Map.of())).enabled()).isTrue();
        assertThat(MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.enabled", "false"))).enabled()).isFalse();
        // what MicroProfile Config read as false before the record, still false
        assertThat(MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.enabled", "OFF"))).enabled()).isFalse();
    }

    @Test
    void aValueThatIsNotABooleanIsRefusedRatherThanReadAsFalse() {
        assertThatThrownBy(() -> MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.enabled", "disabled"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.metrics.enabled (ENT_METRICS_ENABLED)");
    }
}
