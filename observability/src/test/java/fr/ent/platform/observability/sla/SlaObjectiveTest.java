package fr.ent.platform.observability.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SlaObjectiveTest {

    @Test
    void targetInPercentBecomesAnExactRatio() {
        SlaObjective objective = SlaObjective.of("standard", "99.8", Duration.ofMillis(500));

        assertThat(objective.target()).isEqualByComparingTo("0.998");
        assertThat(objective.allowedErrorRatio()).isEqualByComparingTo("0.002");
        assertThat(objective.targetPercent()).isEqualTo("99.8");
        assertThat(objective.window()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void refusesATargetOutsideZeroAndOne() {
        assertThatThrownBy(() -> SlaObjective.of("standard", "100", Duration.ofMillis(500)))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> SlaObjective.of("standard", "0", Duration.ofMillis(500)))
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void refusesALatencyThresholdThatIsNotABucketBound() {
        // Prometheus could only interpolate "faster than 0.7 s" from the histogram: the SLI would be approximate
        assertThatThrownBy(() -> SlaObjective.of("standard", "99.8", Duration.ofMillis(700)))
                .hasMessageContaining("not a bucket bound");
    }

    @Test
    void refusesAPlanNameThatCannotBeALabelValueWeMatchOn() {
        assertThatThrownBy(() -> new SlaObjective("Premium|x", new BigDecimal("0.999"), Duration.ofMillis(500),
                Duration.ofDays(30))).hasMessageContaining("plan name");
    }
}
