package fr.ent.platform.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;

class IdentitySettingsTest {

    @Test
    void publicUrlAndKeysTtlHaveDefaults() {
        IdentitySettings identity = IdentitySettings.from(SettingReader.of(
                Map.of("ent.keycloak.url", "http://127.0.0.1:8180")));
        assertThat(identity.keycloakUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(identity.publicUrl()).isEmpty();
        assertThat(identity.keysTtl()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void withoutKeycloakTheRuntimeDoesNotStart() {
        assertThatThrownBy(() -> IdentitySettings.from(SettingReader.of(Map.of())))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("missing setting ent.keycloak.url (ENT_KEYCLOAK_URL)");
    }

    @Test
    void aNegativeKeysTtlStopsTheStart() {
        assertThatThrownBy(() -> IdentitySettings.from(SettingReader.of(Map.of("ent.keycloak.url",
                "https://auth.example.fr", "ent.keycloak.keys-ttl-seconds", "-1"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ENT_KEYCLOAK_KEYS_TTL_SECONDS");
    }
}
