package fr.ent.platform.tenants.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

    @Test
    void defaultsToNoTokenAndThePlatformPool() {
        MetricsSettings metrics = MetricsSettings.from(SettingReader.of(Map.of()));
        assertThat(metrics.token()).isEmpty();
        assertThat(metrics.poolJndiName()).isEqualTo("jdbc/ent");
        assertThat(metrics.pools()).containsExactly("jdbc/ent");
    }

    /** With connection lanes (ADR 0057) their pools are measured too; a number of lanes server.xml lacks is refused. */
    @Test
    void theLanesInUseAreMeasuredBesideTheSharedPool() {
        assertThat(MetricsSettings.from(SettingReader.of(Map.of("ent.db.lanes", "1"))).pools())
                .containsExactly("jdbc/ent");
        assertThat(MetricsSettings.from(SettingReader.of(Map.of("ent.db.lanes", "3"))).pools())
                .containsExactly("jdbc/ent", "jdbc/ent-lane-0", "jdbc/ent-lane-1", "jdbc/ent-lane-2");
        for (String wrong : new String[] {"0", "9", "four"}) {
            assertThatThrownBy(() -> MetricsSettings.from(SettingReader.of(Map.of("ent.db.lanes", wrong))))
                    .as(wrong).isInstanceOf(InvalidSettingException.class).hasMessageContaining("ent.db.lanes");
        }
    }

    @Test
    void aBlankTokenIsNoTokenAndASetOneIsNeverShown() {
        assertThat(MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.token", " "))).token()).isEmpty();
        MetricsSettings metrics = MetricsSettings.from(SettingReader.of(Map.of("ent.metrics.token", "s3cret")));
        assertThat(metrics.token()).contains("s3cret");
        assertThat(metrics.toString()).doesNotContain("s3cret");
    }
}
