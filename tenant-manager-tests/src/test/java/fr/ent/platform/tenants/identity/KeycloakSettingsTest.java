package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;

class KeycloakSettingsTest {

    @Test
    void defaults() {
        KeycloakSettings keycloak = KeycloakSettings.from(SettingReader.of(Map.of()));
        assertThat(keycloak.url()).isEmpty();
        assertThat(keycloak.adminRealm()).isEqualTo("master");
        assertThat(keycloak.keysTtl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(keycloak.syncBatchSize()).isEqualTo(100);
        assertThat(keycloak.syncParallelism()).isEqualTo(4);
    }

    @Test
    void anEmptyLocalAdministratorPasswordIsKept() {
        KeycloakSettings keycloak = KeycloakSettings.from(SettingReader.of(Map.of(
                "ent.keycloak.url", "http://127.0.0.1:8180", "ent.keycloak.admin-username", "admin",
                "ent.keycloak.admin-password", "")));
        assertThat(keycloak.adminCredentials()).isEqualTo(new AdminCredentials.Password("master", "admin", ""));
    }

    @Test
    void aUrlWithoutSchemeStopsTheStart() {
        assertThatThrownBy(() -> KeycloakSettings.from(SettingReader.of(Map.of("ent.keycloak.url", "auth.example.fr"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.keycloak.url (ENT_KEYCLOAK_URL)");
    }
}
