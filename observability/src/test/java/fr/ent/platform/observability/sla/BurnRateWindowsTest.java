package fr.ent.platform.observability.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BurnRateWindowsTest {

    private final SlaObjective standard = SlaObjective.of("standard", "99.8", Duration.ofMillis(500));
    private final List<BurnRateWindow> conditions = BurnRateWindows.standard().conditions();

    @Test
    void theFourConditionsOfTheWorkbook() {
        assertThat(conditions).extracting(BurnRateWindow::severity, c -> c.factor().toPlainString(),
                BurnRateWindow::longWindow, BurnRateWindow::shortWindow).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.PAGE, "14.4", Duration.ofHours(1), Duration.ofMinutes(5)),
                        org.assertj.core.groups.Tuple.tuple(Severity.PAGE, "6", Duration.ofHours(6), Duration.ofMinutes(30)),
                        org.assertj.core.groups.Tuple.tuple(Severity.TICKET, "3", Duration.ofDays(1), Duration.ofHours(2)),
                        org.assertj.core.groups.Tuple.tuple(Severity.TICKET, "1", Duration.ofDays(3), Duration.ofHours(6)));
    }

    @Test
    void thresholdsAreExactDecimalsPerTarget() {
        assertThat(conditions.get(0).errorRatioThreshold(standard).toPlainString()).isEqualTo("0.0288");
        assertThat(conditions.get(1).errorRatioThreshold(standard).toPlainString()).isEqualTo("0.012");
        assertThat(conditions.get(2).errorRatioThreshold(standard).toPlainString()).isEqualTo("0.006");
        assertThat(conditions.get(3).errorRatioThreshold(standard).toPlainString()).isEqualTo("0.002");
        SlaObjective premium = SlaObjective.of("premium", "99.9", Duration.ofMillis(500));
        assertThat(conditions.get(0).errorRatioThreshold(premium).toPlainString()).isEqualTo("0.0144");
    }

    @Test
    void budgetConsumedWhenEachConditionFires() {
        // why these windows: a page means 2 % (1 h) or 5 % (6 h) of the month's budget is gone, a ticket 10 %
        assertThat(conditions.get(0).budgetConsumedAtDetection(standard)).isCloseTo(0.02, within(1e-9));
        assertThat(conditions.get(1).budgetConsumedAtDetection(standard)).isCloseTo(0.05, within(1e-9));
        assertThat(conditions.get(2).budgetConsumedAtDetection(standard)).isCloseTo(0.10, within(1e-9));
        assertThat(conditions.get(3).budgetConsumedAtDetection(standard)).isCloseTo(0.10, within(1e-9));
        assertThat(conditions.get(0).timeToExhaustion(standard)).isEqualTo(Duration.ofHours(50));
    }

    @Test
    void recordedWindowsAreEveryAlertWindowPlusTheRollingWindow() {
        assertThat(BurnRateWindows.standard().recordedWindows(Duration.ofDays(30))).containsExactly(
                Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(30));
    }

    @Test
    void burnRateOfAnErrorRatio() {
        assertThat(BurnRate.of(0.0288, standard)).isCloseTo(14.4, within(1e-9));
        assertThat(BurnRate.of(0.0, standard)).isZero();
    }

    @Test
    void theShortWindowMustBeShorter() {
        assertThatThrownBy(() -> new BurnRateWindow(Severity.PAGE, BigDecimal.TEN, Duration.ofMinutes(5),
                Duration.ofHours(1))).hasMessageContaining("shorter");
    }
}
