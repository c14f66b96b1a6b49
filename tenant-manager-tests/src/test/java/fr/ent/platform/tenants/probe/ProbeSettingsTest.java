package fr.ent.platform.tenants.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.net.URI;
import java.time.Duration;

class ProbeSettingsTest {

    @Test
    void defaultsProbeThisServerEveryFifteenSeconds() {
        ProbeSettings probe = ProbeSettings.from(SettingReader.of(Map.of()));
        assertThat(probe.enabled()).isTrue();
        assertThat(probe.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(probe.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9080"));
    }

    @Test
    void theDefaultBaseUrlFollowsTheHttpPort() {
        assertThat(ProbeSettings.from(SettingReader.of(Map.of("ent.http.port", "19080"))).baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:19080"));
    }

    @Test
    void aZeroIntervalStopsTheStart() {
        assertThatThrownBy(() -> ProbeSettings.from(SettingReader.of(Map.of("ent.probe.interval", "0"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.probe.interval (ENT_PROBE_INTERVAL)");
    }
}
