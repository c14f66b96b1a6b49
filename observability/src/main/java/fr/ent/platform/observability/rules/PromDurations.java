package fr.ent.platform.observability.rules;

import java.time.Duration;

/** Durations written the way PromQL reads them ("5m", "1h", "30d"). */
public final class PromDurations {

    private PromDurations() {
    }

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds <= 0 || duration.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("a PromQL range is a positive whole number of seconds: " + duration);
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
