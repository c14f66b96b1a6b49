package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.Optional;

class ActivationSettingsTest {

    @Test
    void defaultsToThirtyDaysCheckedHourly() {
        ActivationSettings activation = ActivationSettings.from(SettingReader.of(Map.of()));
        assertThat(activation.codeValidity()).isEqualTo(Duration.ofDays(30));
        assertThat(activation.expiryCheck()).contains(Duration.ofMinutes(60));
    }

    @Test
    void zeroMinutesTurnsThePeriodicCheckOff() {
        assertThat(ActivationSettings.from(SettingReader.of(
                Map.of("ent.identity.activation-expiry-check-minutes", "0"))).expiryCheck()).isEqualTo(Optional.empty());
    }

    @Test
    void aCodeValidOnNoDayStopsTheStart() {
        assertThatThrownBy(() -> ActivationSettings.from(SettingReader.of(
                Map.of("ent.identity.activation-code-validity-days", "0"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ENT_IDENTITY_ACTIVATION_CODE_VALIDITY_DAYS");
    }
}
