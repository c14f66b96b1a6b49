package fr.ent.platform.keycloak.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentValidationException;

class DirectorySettingsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/ent";

    @Test
    void acceptsACollectivitySchemaWithItsOwnRole() {
        assertThatCode(() -> new DirectorySettings(URL, "t_lyon", "kc_t_lyon", "secret").check())
                .doesNotThrowAnyException();
        assertThat(new DirectorySettings(URL, "t_lyon", "kc_t_lyon", "secret").quotedSchema()).isEqualTo("\"t_lyon\"");
    }

    @Test
    void refusesAnotherCollectivitysSchemaWithThisRoleAndNamesOfOtherShapes() {
        assertThatThrownBy(() -> new DirectorySettings(URL, "t_paris", "kc_t_lyon", "secret").check())
                .isInstanceOf(ComponentValidationException.class).hasMessageContaining("kc_t_paris");
        assertThatThrownBy(() -> new DirectorySettings(URL, "platform", "kc_platform", "secret").check())
                .isInstanceOf(ComponentValidationException.class);
        assertThatThrownBy(() -> new DirectorySettings(URL, "t_x\"; DROP", "kc_t_x\"; DROP", "s").check())
                .isInstanceOf(ComponentValidationException.class);
        assertThatThrownBy(() -> new DirectorySettings("jdbc:h2:mem:x", "t_lyon", "kc_t_lyon", "s").check())
                .isInstanceOf(ComponentValidationException.class);
        assertThatThrownBy(() -> new DirectorySettings(URL, "t_lyon", "kc_t_lyon", " ").check())
                .isInstanceOf(ComponentValidationException.class);
        assertThatThrownBy(() -> new DirectorySettings(URL, "public", "kc_public", "s").quotedSchema())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anActivationCodeExpiresAtItsInstant() {
        java.time.Instant at = java.time.Instant.parse("2026-12-05T08:00:00Z");
        DirectoryAccount.Activation code = new DirectoryAccount.Activation(new byte[16], new byte[32], 1000, at);
        assertThat(code.expired(at.minusSeconds(1))).isFalse();
        assertThat(code.expired(at)).isTrue();
        assertThat(new DirectoryAccount.Activation(new byte[16], new byte[32], 1000, null).expired(at)).isFalse();
    }
}
