package fr.ent.platform.sovereignty.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PlatformConfigurationTest {

    static Properties properties(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void readsSettingsAndEgressEndpoints() throws Exception {
        PlatformConfiguration c = PlatformConfiguration.fromProperties(properties("""
                admin.mfa.required=true
                logs.retention.days=365
                accounts.deletion.delay.days=60
                tenant.export.available=false
                egress.ia.kind=ai_provider
                egress.ia.url=https://LLM.ia.example.fr/v1
                egress.ia.region=fr-par
                egress.smtp.kind=SMTP
                egress.smtp.url=smtp://smtp.ent.example.fr:587
                egress.smtp.starttls=required
                egress.relais.kind=SMTP
                egress.relais.url=smtp://relais.example.fr:25
                egress.backup.kind=BACKUP
                egress.backup.url=https://backup.ent.example.fr
                egress.backup.provider=cloud-temple
                """));
        assertThat(c.settings()).isEqualTo(new PlatformSettings(true, 365, 60, false));
        assertThat(c.egress()).extracting(EgressEndpoint::name).containsExactly("backup", "ia", "relais", "smtp");
        EgressEndpoint ia = c.egress().get(1);
        assertThat(ia).isEqualTo(new EgressEndpoint("ia", EgressEndpoint.Kind.AI_PROVIDER, "https",
                "llm.ia.example.fr", -1, true, "fr-par", null));
        assertThat(c.egress().get(2).tls()).isFalse();
        assertThat(c.egress().get(3).tls()).isTrue();
        assertThat(c.egress().get(3).port()).isEqualTo(587);
        assertThat(c.egress().get(0).provider()).isEqualTo("cloud-temple");
        assertThat(c.egress().get(0).region()).isNull();
    }

    @Test
    void absentSettingsStayUnknown() throws Exception {
        PlatformConfiguration c = PlatformConfiguration.fromProperties(properties(""));
        assertThat(c.settings()).isEqualTo(PlatformSettings.unconfigured());
        assertThat(c.egress()).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> PlatformConfiguration.fromProperties(properties("admin.mfa.required=oui")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin.mfa.required");
        assertThatThrownBy(() -> PlatformConfiguration.fromProperties(properties("logs.retention.days=1 an")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logs.retention.days");
        assertThatThrownBy(() -> PlatformConfiguration.fromProperties(properties("egress.x.kind=SMTP")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("egress.x.url");
        assertThatThrownBy(() -> PlatformConfiguration.fromProperties(properties("egress.x.url=https://a.fr\negress.x.kind=FTP")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FTP");
        assertThatThrownBy(() -> PlatformConfiguration.fromProperties(properties("egress.x.url=a.fr")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sans schéma");
    }

    @Test
    void residencyDefaultsToFranceAndRefusesUnknownValues() {
        assertThat(Residency.parse(null)).isEqualTo(Residency.FR);
        assertThat(Residency.parse("eu")).isEqualTo(Residency.EU);
        assertThatThrownBy(() -> Residency.parse("US")).hasMessageContaining("US");
    }
}
