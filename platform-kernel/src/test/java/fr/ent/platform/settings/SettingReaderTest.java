package fr.ent.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingReaderTest {

    @Test
    void blankValuesMeanTheDefault() {
        SettingReader settings = SettingReader.of(Map.of("ent.a", "  ", "ent.b", ""));
        assertThat(settings.integer("ent.a", 7, 1, 10)).isEqualTo(7);
        assertThat(settings.flag("ent.b", true)).isTrue();
        assertThat(settings.text("ent.a")).isEmpty();
        assertThat(settings.url("ent.b")).isEmpty();
    }

    @Test
    void readsWellFormedValues() {
        SettingReader settings = SettingReader.of(Map.of("ent.n", " 12 ", "ent.f", "FALSE",
                "ent.u", "https://prometheus.example.fr:9090/"));
        assertThat(settings.integer("ent.n", 1, 1, 100)).isEqualTo(12);
        assertThat(settings.flag("ent.f", true)).isFalse();
        assertThat(settings.url("ent.u")).contains(URI.create("https://prometheus.example.fr:9090/"));
    }

    @Test
    void aNumberOutOfRangeNamesThePropertyAndItsVariable() {
        SettingReader settings = SettingReader.of(Map.of("ent.probe.interval", "0"));
        assertThatThrownBy(() -> settings.integer("ent.probe.interval", 15, 1, 3600))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("invalid setting ent.probe.interval (ENT_PROBE_INTERVAL): \"0\" is not a whole number "
                        + "from 1 to 3600");
    }

    @Test
    void refusesWhatItCannotRead() {
        SettingReader settings = SettingReader.of(Map.of("ent.n", "ten", "ent.f", "maybe", "ent.u", "prometheus:9090"));
        assertThatThrownBy(() -> settings.integer("ent.n", 1, 1, 100)).hasMessageContaining("\"ten\"");
        assertThatThrownBy(() -> settings.flag("ent.f", true)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> settings.url("ent.u")).hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void rawKeepsABlankValue() {
        assertThat(SettingReader.of(Map.of("ent.p", "")).raw("ent.p")).isEqualTo(Optional.of(""));
        assertThat(SettingReader.environmentName("ent.keycloak.keys-ttl-seconds"))
                .isEqualTo("ENT_KEYCLOAK_KEYS_TTL_SECONDS");
    }
}
