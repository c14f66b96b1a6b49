package fr.ent.platform.observability.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

    private final ErrorBudget budget = SlaObjective.of("standard", "99.8", Duration.ofMillis(500)).errorBudget();

    @Test
    void ninetyNinePointEightPercentOverThirtyDaysIsEightySixPointFourMinutes() {
        assertThat(budget.totalMinutes()).isCloseTo(86.4, within(1e-9));
        assertThat(budget.total()).isEqualTo(Duration.ofMinutes(86).plusSeconds(24));
    }

    @Test
    void otherTargetsScaleTheBudget() {
        assertThat(SlaObjective.of("premium", "99.9", Duration.ofMillis(500)).errorBudget().totalMinutes())
                .isCloseTo(43.2, within(1e-9));
        assertThat(SlaObjective.of("essentiel", "99.5", Duration.ofSeconds(1)).errorBudget().totalMinutes())
                .isCloseTo(216.0, within(1e-9));
    }

    @Test
    void remainingBudgetFollowsTheErrorRatioOverTheWindow() {
        assertThat(budget.remainingFraction(0.0)).isEqualTo(1.0);
        assertThat(budget.remainingMinutes(0.0)).isCloseTo(86.4, within(1e-9));
        // 0.05 % errors over 30 days = 21.6 minutes of outage: a quarter of the budget
        assertThat(budget.consumedMinutes(0.0005)).isCloseTo(21.6, within(1e-9));
        assertThat(budget.remainingMinutes(0.0005)).isCloseTo(64.8, within(1e-9));
        assertThat(budget.remainingFraction(0.0005)).isCloseTo(0.75, within(1e-9));
        assertThat(budget.met(0.0005)).isTrue();
    }

    @Test
    void anOverspentBudgetIsNegativeAndTheObjectiveMissed() {
        assertThat(budget.remainingFraction(0.003)).isCloseTo(-0.5, within(1e-9));
        assertThat(budget.remainingMinutes(0.003)).isCloseTo(-43.2, within(1e-9));
        assertThat(budget.met(0.003)).isFalse();
    }

    @Test
    void refusesSomethingThatIsNotARatio() {
        assertThatThrownBy(() -> budget.remainingFraction(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.remainingFraction(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
