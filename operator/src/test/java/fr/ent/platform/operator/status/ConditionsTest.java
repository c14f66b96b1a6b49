package fr.ent.platform.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.collectivity.CollectivityStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void theTransitionTimeMovesOnlyWhenTheStatusValueChanges() {
        CollectivityStatus status = new CollectivityStatus();
        Conditions at9 = new Conditions(Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));
        Conditions at10 = new Conditions(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));

        assertThat(at9.set(status, 1, ConditionType.Ready, false, "Provisioning", "1/3")).isTrue();
        assertThat(at10.set(status, 2, ConditionType.Ready, false, "Provisioning", "2/3")).isFalse();
        var ready = Conditions.find(status, ConditionType.Ready).orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(ready.getMessage()).isEqualTo("2/3");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);

        assertThat(at10.set(status, 2, ConditionType.Ready, true, "Ready", "active")).isTrue();
        assertThat(Conditions.find(status, ConditionType.Ready).orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-11-28T10:00:00Z");
        assertThat(status.getConditions()).hasSize(1);
    }
}
