package fr.ent.platform.observability.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window burn-rate alert condition: the error ratio must exceed {@code factor × (1 - target)} over both the
 * long window (the burn is significant) and the short window (it is still going on, so the alert resets quickly
 * once the incident is over).
 */
public record BurnRateWindow(Severity severity, BigDecimal factor, Duration longWindow, Duration shortWindow) {

    public BurnRateWindow {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(longWindow, "longWindow");
        Objects.requireNonNull(shortWindow, "shortWindow");
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("burn-rate factor must be positive");
        }
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("the short window must be shorter than the long one");
        }
    }

    /** The error ratio above which both windows must be for the alert to fire. */
    public BigDecimal errorRatioThreshold(SlaObjective objective) {
        return factor.multiply(objective.allowedErrorRatio()).stripTrailingZeros();
    }

    /**
     * The share of the whole budget consumed when the alert starts firing on a sustained burn:
     * {@code factor × long window / rolling window} (2 % for 14.4× over 1 h of 30 days).
     */
    public double budgetConsumedAtDetection(SlaObjective objective) {
        return factor.doubleValue() * longWindow.toSeconds() / objective.window().toSeconds();
    }

    /** How long a sustained burn at exactly this rate takes to spend the whole budget. */
    public Duration timeToExhaustion(SlaObjective objective) {
        return Duration.ofSeconds(Math.round(objective.window().toSeconds() / factor.doubleValue()));
    }
}
