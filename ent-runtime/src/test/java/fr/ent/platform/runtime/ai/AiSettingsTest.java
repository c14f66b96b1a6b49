package fr.ent.platform.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;

class AiSettingsTest {

    @Test
    void defaults() {
        AiSettings ai = AiSettings.from(SettingReader.of(Map.of()));
        assertThat(ai.model()).isEqualTo("mistral-small-latest");
        assertThat(ai.apiKey()).isEmpty();
        assertThat(ai.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theKeyIsNeverShown() {
        assertThat(AiSettings.from(SettingReader.of(Map.of("ent.ai.api-key", "sk-123"))).toString())
                .doesNotContain("sk-123");
    }

    @Test
    void aTimeoutWithUnitStopsTheStart() {
        assertThatThrownBy(() -> AiSettings.from(SettingReader.of(Map.of("ent.ai.timeout-seconds", "60s"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.ai.timeout-seconds (ENT_AI_TIMEOUT_SECONDS)");
    }
}
