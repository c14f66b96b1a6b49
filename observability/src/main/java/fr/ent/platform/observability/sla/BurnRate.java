package fr.ent.platform.observability.sla;

/**
 * How fast an error ratio consumes the budget: 1 spends exactly the budget over the window, 14.4 spends it in
 * 30 days / 14.4 = 50 hours.
 */
public final class BurnRate {

    private BurnRate() {
    }

    /** The burn rate of an error ratio measured over any window, against an objective. */
    public static double of(double errorRatio, SlaObjective objective) {
        if (Double.isNaN(errorRatio) || errorRatio < 0.0 || errorRatio > 1.0) {
            throw new IllegalArgumentException("an error ratio is between 0 and 1: " + errorRatio);
        }
        return errorRatio / objective.allowedErrorRatio().doubleValue();
    }
}
