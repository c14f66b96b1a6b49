package fr.ent.platform.observability.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The multi-window, multi-burn-rate alert conditions of the platform (Google SRE workbook, "Alerting on SLOs",
 * 30-day window): two pages (2 % of the budget in 1 h, 5 % in 6 h) and two tickets (10 % in 1 day, 10 % in 3 days).
 */
public record BurnRateWindows(List<BurnRateWindow> conditions) {

    public BurnRateWindows {
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("at least one burn-rate condition");
        }
    }

    /** 14.4× over 1 h and 5 min, 6× over 6 h and 30 min (page); 3× over 1 d and 2 h, 1× over 3 d and 6 h (ticket). */
    public static BurnRateWindows standard() {
        return new BurnRateWindows(List.of(
                new BurnRateWindow(Severity.PAGE, new BigDecimal("14.4"), Duration.ofHours(1), Duration.ofMinutes(5)),
                new BurnRateWindow(Severity.PAGE, new BigDecimal("6"), Duration.ofHours(6), Duration.ofMinutes(30)),
                new BurnRateWindow(Severity.TICKET, new BigDecimal("3"), Duration.ofDays(1), Duration.ofHours(2)),
                new BurnRateWindow(Severity.TICKET, BigDecimal.ONE, Duration.ofDays(3), Duration.ofHours(6))));
    }

    /** Every window an error ratio must be recorded over: the alert windows plus the rolling window, shortest first. */
    public SortedSet<Duration> recordedWindows(Duration rollingWindow) {
        SortedSet<Duration> windows = new TreeSet<>();
        for (BurnRateWindow condition : conditions) {
            windows.add(condition.longWindow());
            windows.add(condition.shortWindow());
        }
        windows.add(rollingWindow);
        return windows;
    }
}
