package fr.ent.platform.observability.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SlaPlansTest {

    @Test
    void defaultsHaveStandardFirst() {
        SlaPlans plans = SlaPlans.defaults();

        assertThat(plans.defaultObjective().plan()).isEqualTo("standard");
        assertThat(plans.objectiveFor("premium").targetPercent()).isEqualTo("99.9");
        assertThat(plans.objectiveFor("essentiel").latencyThreshold()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anUnknownPlanGetsTheDefaultObjective() {
        assertThat(SlaPlans.defaults().objectiveFor("gold").plan()).isEqualTo("standard");
        assertThat(SlaPlans.defaults().objectiveFor(null).plan()).isEqualTo("standard");
    }

    @Test
    void parsesTheSetting() {
        SlaPlans plans = SlaPlans.parse("standard:99.8:0.5, lycees:99.95:2");

        assertThat(plans.objectives()).hasSize(2);
        assertThat(plans.objectiveFor("lycees").target()).isEqualByComparingTo("0.9995");
        assertThat(plans.objectiveFor("lycees").latencyThreshold()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBadSettingSaysWhatIsExpected() {
        assertThatThrownBy(() -> SlaPlans.parse("standard=99.8")).hasMessageContaining("name:targetPercent:latencySeconds");
        assertThatThrownBy(() -> SlaPlans.parse("standard:abc:0.5")).hasMessageContaining("bad target");
        assertThatThrownBy(() -> SlaPlans.parse("standard:99.8:0.7")).hasMessageContaining("not a bucket bound");
        assertThatThrownBy(() -> SlaPlans.parse("a:99:1,a:99.5:1")).hasMessageContaining("twice");
    }
}
