package fr.ent.platform.tenants.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

    @Test
    void defaultsToNoTokenAndThePlatformPool() {
        MetricsSettings metrics = MetricsSettings.from(SettingReader.of(Map.of()));
        assertThat(metrics.token()).isEmpty();
        assertThat(metrics.poolJndiName()).isEqualTo("jdbc/ent");
    }

    @Test
    void aBlankTokenIsNoTokenAndASetOneIsNeverShown() {
        assertThat(MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.token", " "))).token()).isEmpty();
        MetricsSettings metrics = MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.token", "s3cret")));
        assertThat(metrics.token()).contains("s3cret");
        assertThat(metrics.toString()).doesNotContain("s3cret");
    }
}
