package fr.ent.platform.tenants.backup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.SettingReader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An S3 backup store outside the sovereign rules is refused at start, the rules named (ADR 0046). */
class BackupStoreCheckTest {

    private static Map<String, String> s3(String endpoint, String region, String provider) {
        Map<String, String> m = new HashMap<>();
        m.put("ent.backup.s3.endpoint", endpoint);
        m.put("ent.backup.s3.region", region);
        m.put("ent.backup.s3.bucket", "ent-backups");
        if (provider != null) {
            m.put("ent.backup.s3.provider", provider);
        }
        m.put("ent.sovereignty.regions.fr", "fr-par,fr-mrs");
        m.put("ent.sovereignty.regions.eu", "de-fra");
        m.put("ent.egress.allowed-hosts", "*.s3.fr-par.example.net,backup.example.de");
        return m;
    }

    private static void check(Map<String, String> values) {
        SettingReader reader = SettingReader.of(values);
        BackupStoreCheck.refuseUnlessSovereign(BackupSettings.from(reader), reader);
    }

    @Test
    void aQualifiedBucketInAnAllowedRegionIsAcceptedAndADirectoryIsNotJudged() {
        assertThatCode(() -> check(s3("https://backup.s3.fr-par.example.net", "fr-par", "ovhcloud")))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of("ent.backup.dir", "/tmp/x"))).doesNotThrowAnyException();
    }

    @Test
    void aBucketOutsideTheRegionsOrAtAnUnqualifiedProviderIsRefusedByName() {
        assertThatThrownBy(() -> check(s3("https://backup.example.de", "de-fra", "ovhcloud")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SNC-REGION-BACKUP").hasMessageContaining("de-fra")
                .hasMessageContaining("ent.backup.s3.endpoint=https://backup.example.de");
        Map<String, String> eu = s3("https://backup.example.de", "de-fra", "ovhcloud");
        eu.put("ent.backup.s3.residency", "EU");
        assertThatCode(() -> check(eu)).as("the EU residency accepts an EU region").doesNotThrowAnyException();
        assertThatThrownBy(() -> check(s3("https://backup.s3.fr-par.example.net", "fr-par", null)))
                .hasMessageContaining("SNC-QUALIFIED-PROVIDER").hasMessageContaining("ent.backup.s3.provider");
        assertThatThrownBy(() -> check(s3("http://backup.s3.fr-par.example.net", "fr-par", "ovhcloud")))
                .hasMessageContaining("SNC-TLS-EGRESS");
        assertThatThrownBy(() -> check(s3("https://s3.amazonaws.com", "fr-par", "ovhcloud")))
                .hasMessageContaining("SNC-EGRESS-ALLOWLIST");
    }
}
