package fr.ent.platform.tenants.sla;

import fr.ent.platform.problem.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The month a report covers, in Paris time (the collectivities' civil month: November starts on 1 November at
 * 00:00 in Paris, 31 October 23:00 UTC), cut into 5-minute steps.
 *
 * <p>Step {@code k} is the instant {@code start + k × 5 min} (k ≥ 1): the 5-minute error ratio recorded at that
 * instant covers the 5 minutes before it, so the steps cover the month exactly, without overlap. The current month
 * stops at the last step already over.
 *
 * @param month the calendar month
 * @param start its first instant
 * @param monthEnd the first instant of the next month
 * @param end the end of what is reported: {@code monthEnd} for a past month, the last full step before now for the
 *        current one
 */
public record ReportPeriod(YearMonth month, Instant start, Instant monthEnd, Instant end) {

    /** The collectivities' time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** The resolution of the report: the shortest window of the recording rules. */
    public static final Duration STEP = Duration.ofMinutes(5);

    /**
     * The period of {@code month} ({@code 2026-11}); the current month when null or blank.
     *
     * @throws InvalidInput {@code sla-report-month} when malformed or in the future
     */
    public static ReportPeriod of(String month, Clock clock) {
        Instant now = clock.instant();
        YearMonth ym;
        if (month == null || month.isBlank()) {
            ym = YearMonth.from(now.atZone(ZONE));
        } else {
            try {
                ym = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("sla-report-month", month);
            }
        }
        Instant start = ym.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant monthEnd = ym.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        if (!start.isBefore(now)) {
            throw new InvalidInput("sla-report-month", ym.toString());
        }
        Instant end = monthEnd;
        if (now.isBefore(monthEnd)) {
            long steps = Duration.between(start, now).toSeconds() / STEP.toSeconds();
            end = start.plus(STEP.multipliedBy(steps));
        }
        return new ReportPeriod(ym, start, monthEnd, end);
    }

    /** Whether the month is over (the report will not change any more). */
    public boolean complete() {
        return end.equals(monthEnd);
    }

    /** The whole month's length (28 days to 31 days and an hour, with the change of time in October). */
    public Duration monthLength() {
        return Duration.between(start, monthEnd);
    }

    /** The instants of the steps reported so far, in order. */
    public List<Instant> steps() {
        List<Instant> steps = new ArrayList<>();
        for (Instant t = start.plus(STEP); !t.isAfter(end); t = t.plus(STEP)) {
            steps.add(t);
        }
        return steps;
    }
}
