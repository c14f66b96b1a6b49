package fr.ent.platform.tenants.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import fr.ent.platform.observability.sla.SlaPlans;
import java.net.URI;
import java.time.Duration;

class SlaSettingsTest {

    @Test
    void defaultsToNoPrometheusAndTheObservabilityPlans() {
        SlaSettings sla = SlaSettings.from(SettingReader.of(Map.of()));
        assertThat(sla.prometheusUrl()).isEmpty();
        assertThat(sla.prometheusTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sla.plans()).isEqualTo(SlaPlans.defaults());
    }

    @Test
    void readsPrometheusAndThePlans() {
        SlaSettings sla = SlaSettings.from(SettingReader.of(Map.of("ent.prometheus.url", "http://prometheus:9090",
                "ent.sla.plans", "essentiel:99.5:1")));
        assertThat(sla.prometheusUrl()).contains(URI.create("http://prometheus:9090"));
        assertThat(sla.plans()).isEqualTo(SlaPlans.parse("essentiel:99.5:1"));
    }

    @Test
    void badPlansStopTheStart() {
        assertThatThrownBy(() -> SlaSettings.from(SettingReader.of(Map.of("ent.sla.plans", "standard:high:0.5"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ent.sla.plans (ENT_SLA_PLANS)");
    }
}
