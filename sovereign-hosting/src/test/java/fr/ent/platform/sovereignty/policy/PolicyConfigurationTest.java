package fr.ent.platform.sovereignty.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.sovereignty.inventory.Residency;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyConfigurationTest {

    @Test
    void loadsAFileAndExpandsResidencyToRegions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, """
                regions.fr=fr-par,fr-mrs
                regions.eu=de-fra
                registries.allowed=harbor.ent.example.fr/ent
                egress.hosts.allowed=SMTP.ent.example.fr,*.s3.example.net
                """);
        PolicyConfiguration policy = PolicyConfiguration.load(file, QualifiedProviders.bundled());
        assertThat(policy.allowedRegions(Residency.FR)).containsExactlyInAnyOrder("fr-par", "fr-mrs");
        assertThat(policy.allowedRegions(Residency.EU)).containsExactlyInAnyOrder("fr-par", "fr-mrs", "de-fra");
        assertThat(policy.registryAllowed("harbor.ent.example.fr/ent/runtime")).isTrue();
        assertThat(policy.registryAllowed("harbor.ent.example.fr/entreprise/runtime")).isFalse();
        assertThat(policy.registryAllowed("docker.io/library/nginx")).isFalse();
        assertThat(policy.egressHostAllowed("smtp.ent.example.fr")).isTrue();
        assertThat(policy.egressHostAllowed("a.b.s3.example.net")).isTrue();
        assertThat(policy.egressHostAllowed("s3.example.net")).isFalse();
        assertThat(policy.egressHostAllowed("evil-s3.example.net")).isFalse();
    }

    @Test
    void refusesAPolicyWithoutFrenchRegionsOrWithOverlappingLists() {
        Properties none = new Properties();
        assertThatThrownBy(() -> PolicyConfiguration.fromProperties(none, QualifiedProviders.bundled()))
                .hasMessageContaining("regions.fr");
        Properties overlap = new Properties();
        overlap.setProperty("regions.fr", "fr-par");
        overlap.setProperty("regions.eu", "fr-par,de-fra");
        assertThatThrownBy(() -> PolicyConfiguration.fromProperties(overlap, QualifiedProviders.bundled()))
                .hasMessageContaining("fr-par");
    }

    @Test
    void theBundledProviderListIsDatedSourcedAndMarkedUnverified() {
        QualifiedProviders providers = QualifiedProviders.bundled();
        assertThat(providers.date()).isNotNull();
        assertThat(providers.source()).contains("ANSSI");
        assertThat(providers.verifiedAgainstSource()).isFalse();
        assertThat(providers.note()).contains("ILLUSTRATIVE");
        assertThat(providers.providers()).extracting(QualifiedProviders.Provider::name)
                .containsExactly("OVHcloud", "3DS Outscale", "Cloud Temple");
        assertThat(providers.find("OVH-Cloud")).map(QualifiedProviders.Provider::name).contains("OVHcloud");
        assertThat(providers.find("cloud-temple")).map(QualifiedProviders.Provider::name).contains("Cloud Temple");
        assertThat(providers.find("hyperscaler")).isEmpty();
        assertThat(providers.find(null)).isEmpty();
    }

    @Test
    void aProviderFileWithoutDateOrWithABadDateIsRefused() {
        assertThatThrownBy(() -> QualifiedProviders.read(json("{\"source\":\"x\",\"providers\":[{\"name\":\"A\"}]}")))
                .hasMessageContaining("date");
        assertThatThrownBy(() -> QualifiedProviders.read(json("{\"date\":\"28/11/2026\",\"source\":\"x\",\"providers\":[{\"name\":\"A\"}]}")))
                .hasMessageContaining("28/11/2026");
        assertThatThrownBy(() -> QualifiedProviders.read(json("{\"date\":\"2026-11-28\",\"source\":\"x\",\"providers\":[]}")))
                .hasMessageContaining("providers");
    }

    static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
