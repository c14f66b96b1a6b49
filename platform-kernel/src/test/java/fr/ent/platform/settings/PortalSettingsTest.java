package fr.ent.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalSettingsTest {

    @Test
    void defaultsToHttpsOnTheDomain() {
        PortalSettings portal = PortalSettings.from(SettingReader.of(Map.of()));
        assertThat(portal.urlTemplate()).isEqualTo("https://{domain}");
        assertThat(portal.on("lyon.ent.example.fr")).isEqualTo("https://lyon.ent.example.fr");
    }

    @Test
    void localTemplateLosesItsTrailingSlash() {
        PortalSettings portal = PortalSettings.from(SettingReader.of(
                Map.of("ent.portal.url-template", "http://{domain}:9080/")));
        assertThat(portal.on("lyon.localhost")).isEqualTo("http://lyon.localhost:9080");
    }

    @Test
    void aTemplateWithoutTheDomainStopsTheStart() {
        assertThatThrownBy(() -> PortalSettings.from(SettingReader.of(
                Map.of("ent.portal.url-template", "https://ent.example.fr"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.portal.url-template (ENT_PORTAL_URL_TEMPLATE)");
    }
}
