package fr.ent.platform.apps.moderation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Values of native SQL rows as Java types (the PostgreSQL driver's own: UUID, Timestamp, Long, Boolean). */
final class Rows {

    private Rows() {
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The schools column: UAIs, comma-separated, empty for none. */
    static List<String> schools(Object value) {
        String text = value == null ? "" : value.toString();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
