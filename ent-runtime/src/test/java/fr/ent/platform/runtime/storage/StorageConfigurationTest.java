package fr.ent.platform.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.runtime.antivirus.AntivirusSettings;
import fr.ent.platform.runtime.antivirus.ClamdScanner;
import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store chosen from ENT_STORAGE_*, and an S3 endpoint outside the sovereign rules refused at start. */
class StorageConfigurationTest {

    @TempDir
    Path dir;

    private Map<String, String> s3(String endpoint, String region, String provider) {
        Map<String, String> m = new HashMap<>();
        m.put("ent.storage.kind", "s3");
        m.put("ent.storage.spool.directory", dir.resolve("spool").toString());
        m.put("ent.storage.s3.endpoint", endpoint);
        m.put("ent.storage.s3.region", region);
        m.put("ent.storage.s3.bucket", "ent-files");
        m.put("ent.storage.s3.access-key", "AK");
        m.put("ent.storage.s3.secret-key", "SK");
        if (provider != null) {
            m.put("ent.storage.s3.provider", provider);
        }
        m.put("ent.sovereignty.regions.fr", "fr-par,fr-mrs");
        m.put("ent.sovereignty.regions.eu", "de-fra");
        m.put("ent.egress.allowed-hosts", "*.s3.fr-par.example.net");
        return m;
    }

    private static FileStore build(Map<String, String> values) {
        SettingReader reader = SettingReader.of(values);
        return StorageConfiguration.store(StorageSettings.from(reader), reader);
    }

    @Test
    void diskIsTheDefault() {
        FileStore store = build(Map.of("ent.storage.disk.directory", dir.resolve("files").toString()));
        assertThat(store).isInstanceOf(DiskFileStore.class);
        assertThat(((DiskFileStore) store).root()).isEqualTo(dir.resolve("files"));
        assertThat(StorageSettings.from(SettingReader.of(Map.of())).maxBytes()).isEqualTo(100L * 1024 * 1024);
    }

    @Test
    void aQualifiedFrenchS3EndpointIsAccepted() throws Exception {
        FileStore store = build(s3("https://ent.s3.fr-par.example.net", "fr-par", "ovhcloud"));
        assertThat(store.kind()).isEqualTo("s3");
        ((S3FileStore) store).close();
    }

    @Test
    void anEndpointOutsideTheSovereignRulesStopsTheStartWithTheRulesAndFixes() {
        assertThatThrownBy(() -> build(s3("https://ent.s3.fr-par.example.net", "us-east-1", "ovhcloud")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SNC-REGION-DATA").hasMessageContaining("GDPR-ART44-TRANSFER")
                .hasMessageContaining("us-east-1").hasMessageContaining("Correction");
        assertThatThrownBy(() -> build(s3("https://ent.s3.fr-par.example.net", "de-fra", "ovhcloud")))
                .hasMessageContaining("SNC-REGION-DATA").hasMessageContaining("résidence FR");
        assertThatThrownBy(() -> build(s3("https://s3.amazonaws.com", "fr-par", "ovhcloud")))
                .hasMessageContaining("SNC-EGRESS-ALLOWLIST");
        assertThatThrownBy(() -> build(s3("http://ent.s3.fr-par.example.net", "fr-par", "ovhcloud")))
                .hasMessageContaining("SNC-TLS-EGRESS");
        assertThatThrownBy(() -> build(s3("https://ent.s3.fr-par.example.net", "fr-par", "scaleway")))
                .hasMessageContaining("SNC-QUALIFIED-PROVIDER");
        // the EU residency accepts an EU region outside France
        Map<String, String> eu = s3("https://ent.s3.fr-par.example.net", "de-fra", "ovhcloud");
        eu.put("ent.storage.s3.residency", "EU");
        assertThat(build(eu).kind()).isEqualTo("s3");
    }

    @Test
    void missingOrWrongSettingsAreNamed() {
        Map<String, String> noBucket = s3("https://ent.s3.fr-par.example.net", "fr-par", "ovhcloud");
        noBucket.remove("ent.storage.s3.bucket");
        assertThatThrownBy(() -> build(noBucket)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ENT_STORAGE_S3_BUCKET");
        assertThatThrownBy(() -> build(Map.of("ent.storage.kind", "ftp"))).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ENT_STORAGE_KIND");
        Map<String, String> noPolicy = s3("https://ent.s3.fr-par.example.net", "fr-par", "ovhcloud");
        noPolicy.remove("ent.sovereignty.regions.fr");
        assertThatThrownBy(() -> build(noPolicy)).hasMessageContaining("ENT_SOVEREIGNTY_REGIONS_FR");
    }

    @Test
    void theAntivirusIsClamdWhenConfigured() {
        assertThat(AntivirusSettings.from(SettingReader.of(Map.of("ent.antivirus.clamd.host", "clamd"))).scanner())
                .isInstanceOf(ClamdScanner.class);
        assertThat(AntivirusSettings.from(SettingReader.of(Map.of())).scanner().describe()).contains("aucun");
        assertThat(AntivirusSettings.from(SettingReader.of(Map.of("ent.antivirus.required", "false"))).scanner()
                .describe()).contains("désactivée");
    }
}
