package fr.ent.platform.tenants.sla;

import java.time.Instant;

/**
 * A period during which a collectivity's error ratio stayed above what its objective allows (consecutive 5-minute
 * steps whose error ratio exceeds {@code 1 − target}, i.e. a burn rate above 1).
 *
 * @param start start of the first bad step (its 5-minute window opens there)
 * @param end end of the last bad step
 * @param durationMinutes {@code end − start}
 * @param budgetMinutes the error budget it consumed: the sum over its steps of error ratio × 5 minutes
 * @param peakErrorRatePercent the worst 5-minute error ratio, in percent
 * @param peakBurnRate that ratio divided by the allowed one (14.4 = the fast-burn page threshold)
 */
public record Incident(Instant start, Instant end, double durationMinutes, double budgetMinutes,
        double peakErrorRatePercent, double peakBurnRate) {
}
