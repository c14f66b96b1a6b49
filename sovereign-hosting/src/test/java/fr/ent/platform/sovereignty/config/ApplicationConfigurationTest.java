package fr.ent.platform.sovereignty.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicationConfigurationTest {

    private static ApplicationConfiguration of(Map<String, String> values) {
        return new ApplicationConfiguration(k -> Optional.ofNullable(values.get(k)));
    }

    @Test
    void readsThePolicyFromTheApplicationKeys() {
        PolicyConfiguration policy = of(Map.of("ent.sovereignty.regions.fr", "fr-par, fr-mrs",
                "ent.sovereignty.regions.eu", "de-fra", "ent.egress.allowed-hosts", "llm.ia.example.fr,*.mail.fr"))
                .policy(QualifiedProviders.bundled());
        assertThat(policy.allowedRegions(Residency.EU)).containsExactlyInAnyOrder("fr-par", "fr-mrs", "de-fra");
        assertThat(policy.egressHostAllowed("llm.ia.example.fr")).isTrue();
        assertThat(policy.egressHostAllowed("smtp.mail.fr")).isTrue();
        assertThat(policy.egressHostAllowed("api.example.com")).isFalse();
    }

    @Test
    void noFrenchRegionIsNoPolicy() {
        assertThatThrownBy(() -> of(Map.of()).policy(QualifiedProviders.bundled()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regions.fr");
    }

    @Test
    void readsSettingsAndTheDeclaredEndpoints() {
        PlatformConfiguration platform = of(Map.of("ent.admin.mfa.required", "true", "ent.logs.retention.days", "365",
                "ent.egress.endpoints", "ai, smtp, absent",
                "ent.egress.ai.url", "https://llm.ia.example.fr/v1", "ent.egress.ai.region", "fr-par",
                "ent.egress.smtp.url", "smtp://smtp.mail.fr:587", "ent.egress.smtp.kind", "SMTP",
                "ent.egress.smtp.starttls", "required")).platform();
        assertThat(platform.settings()).isEqualTo(new PlatformSettings(true, 365, null, null));
        assertThat(platform.egress()).containsExactly(
                new EgressEndpoint("ai", EgressEndpoint.Kind.AI_PROVIDER, "https", "llm.ia.example.fr", -1, true,
                        "fr-par", null),
                new EgressEndpoint("smtp", EgressEndpoint.Kind.SMTP, "smtp", "smtp.mail.fr", 587, true, null, null));
    }
}
