package fr.ent.platform.runtime.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's clock: the system's, shifted by the setting {@code ent.clock.offset} (an ISO-8601 duration,
 * {@code PT10H}; unset in production). It is read at each reading, so that a test can move the time of a running
 * server through its configuration (quiet hours ending, a flash message's dates) without waiting for them.
 * Everything that decides by the time of day reads this clock, never {@code Instant.now()}.
 */
@ApplicationScoped
public class PlatformClock {

    public static final String OFFSET = "ent.clock.offset";

    @Produces
    public Clock clock() {
        return new ShiftedClock(ZoneOffset.UTC);
    }

    /** The offset configured now; a value that is not a duration stops the clock reading with the property named. */
    static Duration configuredOffset() {
        String value = ConfigProvider.getConfig().getOptionalValue(OFFSET, String.class).orElse("").strip();
        if (value.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(OFFSET + " must be an ISO-8601 duration such as PT10H: " + value, e);
        }
    }

    private static final class ShiftedClock extends Clock {

        private final ZoneId zone;

        ShiftedClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ShiftedClock(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(configuredOffset());
        }
    }
}
