package fr.ent.platform.tenants.time;

import fr.ent.platform.settings.SettingReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * tenant-manager's clock for what runs by the time of day (the backup schedule, ADR 0046): the system's, shifted by
 * {@code ent.clock.offset} (an ISO-8601 duration such as {@code PT10H}; unset in production), read at each reading
 * so that a test moves a running server's time through its configuration, as the runtime's {@code PlatformClock}.
 */
public final class ShiftedClock extends Clock {

    private final SettingReader settings;
    private final ZoneId zone;

    public ShiftedClock(SettingReader settings) {
        this(settings, ZoneOffset.UTC);
    }

    private ShiftedClock(SettingReader settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ShiftedClock(settings, other);
    }

    @Override
    public Instant instant() {
        String value = settings.text("ent.clock.offset", "").strip();
        if (value.isEmpty()) {
            return Instant.now();
        }
        try {
            return Instant.now().plus(Duration.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("ent.clock.offset must be an ISO-8601 duration such as PT10H: " + value, e);
        }
    }
}
