package fr.ent.platform.observability.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import fr.ent.platform.observability.metrics.LatencyBuckets;

/**
 * The availability objective of one plan: the share of valid events that must be good over a rolling window, and the
 * latency above which an otherwise successful request counts as bad.
 *
 * <p>The target is a {@link BigDecimal} so that the thresholds written into the Prometheus rules are exact decimals
 * ({@code 14.4 × 0.002 = 0.0288}, not {@code 0.028800000000000027}).
 *
 * @param plan the plan name, as in {@code Collectivity.spec.plan} and the {@code plan} label of
 *        {@code ent_collectivity_info}
 * @param target the objective, a ratio strictly between 0 and 1 (0.998 for 99.8 %)
 * @param latencyThreshold a request slower than this is bad; must be a bucket bound of the request histogram,
 *        otherwise Prometheus could not count requests below it
 * @param window the rolling compliance window (30 days)
 */
public record SlaObjective(String plan, BigDecimal target, Duration latencyThreshold, Duration window) {

    /** The rolling window of every objective of the platform. */
    public static final Duration ROLLING_WINDOW = Duration.ofDays(30);

    public SlaObjective {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(latencyThreshold, "latencyThreshold");
        Objects.requireNonNull(window, "window");
        if (!plan.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("plan name \"" + plan + "\": lower-case letters, digits and '-'");
        }
        if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("target of plan " + plan + " must be between 0 and 1 (exclusive): "
                    + target.toPlainString());
        }
        if (!LatencyBuckets.isBound(latencyThreshold)) {
            throw new IllegalArgumentException("latency threshold of plan " + plan + " (" + latencyThreshold
                    + ") is not a bucket bound of the request histogram " + LatencyBuckets.boundsInSeconds());
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** An objective over the platform's 30-day rolling window. */
    public static SlaObjective of(String plan, String targetPercent, Duration latencyThreshold) {
        BigDecimal target = new BigDecimal(targetPercent).movePointLeft(2);
        return new SlaObjective(plan, target, latencyThreshold, ROLLING_WINDOW);
    }

    /** The share of events allowed to be bad: {@code 1 - target} (0.002 at 99.8 %). */
    public BigDecimal allowedErrorRatio() {
        return BigDecimal.ONE.subtract(target);
    }

    /** The error budget over the window. */
    public ErrorBudget errorBudget() {
        return new ErrorBudget(this);
    }

    /** The target as a percentage for people: "99.8". */
    public String targetPercent() {
        return target.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
