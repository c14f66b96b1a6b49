package fr.ent.platform.observability.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * The error budget of an objective: how much of the window may be "bad" (86.4 minutes per 30 days at 99.8 %), and
 * what is left of it given the error ratio measured over the window.
 *
 * <p>The budget is expressed in time because that is how people read it ("43 minutes of outage left this month"):
 * an error ratio {@code r} over the window is equivalent to {@code r × window} of total outage.
 */
public record ErrorBudget(SlaObjective objective) {

    public ErrorBudget {
        Objects.requireNonNull(objective, "objective");
    }

    /** The whole budget: {@code (1 - target) × window}. */
    public Duration total() {
        return Duration.ofMillis(Math.round(objective.allowedErrorRatio().doubleValue() * objective.window().toMillis()));
    }

    /** The whole budget in minutes (86.4 at 99.8 % over 30 days). */
    public double totalMinutes() {
        return objective.allowedErrorRatio().doubleValue() * objective.window().toSeconds() / 60.0;
    }

    /**
     * The share of the budget still available after an error ratio measured over the whole window: 1 when nothing
     * failed, 0 when the objective is exactly met, negative when it is missed (the overspend is kept, not clamped,
     * so that a report can say by how much).
     */
    public double remainingFraction(double errorRatioOverWindow) {
        checkRatio(errorRatioOverWindow);
        return 1.0 - errorRatioOverWindow / objective.allowedErrorRatio().doubleValue();
    }

    /** The budget still available, in minutes (negative when overspent). */
    public double remainingMinutes(double errorRatioOverWindow) {
        return remainingFraction(errorRatioOverWindow) * totalMinutes();
    }

    /** The budget already consumed, in minutes. */
    public double consumedMinutes(double errorRatioOverWindow) {
        checkRatio(errorRatioOverWindow);
        return errorRatioOverWindow * objective.window().toSeconds() / 60.0;
    }

    /** Whether the objective is met over the window: the achieved availability is at least the target. */
    public boolean met(double errorRatioOverWindow) {
        return remainingFraction(errorRatioOverWindow) >= 0.0;
    }

    private static void checkRatio(double ratio) {
        if (Double.isNaN(ratio) || ratio < 0.0 || ratio > 1.0) {
            throw new IllegalArgumentException("an error ratio is between 0 and 1: " + ratio);
        }
    }
}
